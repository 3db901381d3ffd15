#include "packed_state.h"

#include <zlib.h>

namespace server {

bool DeflatePiece(const std::string& text, bool last, DeflatedText& out, int level) {
    z_stream z{};
    // -15: raw deflate, no wrapper; the pieces go between one gzip header and trailer.
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    out.data.resize(deflateBound(&z, (uLong)text.size()) + 16);
    z.next_in = (Bytef*)text.data();
    z.avail_in = (uInt)text.size();
    z.next_out = (Bytef*)out.data.data();
    z.avail_out = (uInt)out.data.size();
    int rc = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    bool ok = last ? rc == Z_STREAM_END : rc == Z_OK && z.avail_in == 0;
    out.data.resize(z.total_out);
    deflateEnd(&z);
    out.crc = (uint32_t)crc32(crc32(0, nullptr, 0), (const Bytef*)text.data(), (uInt)text.size());
    out.size = text.size();
    return ok;
}

std::shared_ptr<const DeflatedText> PackedStates::Find(const std::string& id, int64_t revision) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.revision != revision) return nullptr;
    use_.splice(use_.end(), use_, it->second.use);
    return it->second.packed;
}

uint64_t PackedStates::Generation() {
    std::lock_guard lock(mu_);
    return generation_;
}

void PackedStates::Put(const std::string& id, int64_t revision, uint64_t generation, std::shared_ptr<const DeflatedText> packed) {
    std::lock_guard lock(mu_);
    if (generation != generation_ || packed->data.size() > limit_) return;
    auto it = entries_.find(id);
    if (it != entries_.end()) {
        if (it->second.revision > revision) return;   // a newer one came in meanwhile
        Remove(it);
    }
    use_.push_back(id);
    bytes_ += packed->data.size();
    entries_[id] = Entry{revision, std::move(packed), std::prev(use_.end())};
    while (bytes_ > limit_) Remove(entries_.find(use_.front()));
}

void PackedStates::Drop(const std::string& id) {
    std::lock_guard lock(mu_);
    ++generation_;
    auto it = entries_.find(id);
    if (it != entries_.end()) Remove(it);
}

void PackedStates::Clear() {
    std::lock_guard lock(mu_);
    ++generation_;
    entries_.clear();
    use_.clear();
    bytes_ = 0;
}

size_t PackedStates::Bytes() {
    std::lock_guard lock(mu_);
    return bytes_;
}

void PackedStates::Remove(std::map<std::string, Entry>::iterator it) {
    bytes_ -= it->second.packed->data.size();
    use_.erase(it->second.use);
    entries_.erase(it);
}

}  // namespace server
