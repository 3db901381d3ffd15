// Workspace states kept deflated, so that opening a large workspace again costs a copy, not a
// compression: a national workspace (46 MB of JSON) deflates in 0,2–0,4 s, and every page that
// opens it would pay that before its first byte.
#pragma once
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace server {

// A text deflated as one piece of a larger gzip answer (encoding.h SendGzipSpliced).
struct DeflatedText {
    std::string data;    // raw deflate blocks ending on a byte boundary (a sync flush), not final
    uint32_t crc = 0;    // of the text
    size_t size = 0;     // of the text
};

// Deflates `text` (zlib's `level`: 1 fastest, 9 smallest); false when zlib fails.
bool DeflatePiece(const std::string& text, bool last, DeflatedText& out, int level = 1);
// The level a kept state is deflated at: done once per revision, so smaller rather than faster
// (a national workspace: 2,6 MB in 0,35 s instead of 3,7 MB in 0,2 s; a third less to download).
constexpr int kStateLevel = 6;

// The deflated state of a few workspaces' newest revisions, the least recently used dropped
// past `limit_bytes`. A revision's state never changes, except by an erasure: Drop is called
// when one starts and when it ends, and a Put whose text was read across a Drop is not kept.
class PackedStates {
public:
    explicit PackedStates(size_t limit_bytes = 128u << 20) : limit_(limit_bytes) {}
    std::shared_ptr<const DeflatedText> Find(const std::string& id, int64_t revision);
    // Read before producing the text to Put: a Drop since then makes the Put a no-op.
    uint64_t Generation();
    void Put(const std::string& id, int64_t revision, uint64_t generation, std::shared_ptr<const DeflatedText> packed);
    void Drop(const std::string& id);
    void Clear();
    size_t Bytes();

private:
    struct Entry { int64_t revision; std::shared_ptr<const DeflatedText> packed; std::list<std::string>::iterator use; };
    void Remove(std::map<std::string, Entry>::iterator it);
    std::mutex mu_;
    size_t limit_, bytes_ = 0;
    uint64_t generation_ = 0;
    std::map<std::string, Entry> entries_;
    std::list<std::string> use_;   // least recently used first
};

}  // namespace server
