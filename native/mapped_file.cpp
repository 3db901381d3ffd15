#include "mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace native {

MappedFile::~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
}

bool MappedFile::Open(const std::string& path, std::string* error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) { if (error) *error = std::strerror(errno); return false; }
    struct stat st {};
    bool ok = fstat(fd, &st) == 0;
    if (ok && st.st_size > 0) {
        void* p = mmap(nullptr, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        ok = p != MAP_FAILED;
        if (ok) {
            data_ = static_cast<const char*>(p);
            size_ = (size_t)st.st_size;
            madvise(p, size_, MADV_SEQUENTIAL);   // read once, front to back
        }
    }
    if (!ok && error) *error = std::strerror(errno);
    ::close(fd);
    return ok;
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22   // Linux 5.14; older kernels refuse it and the pages fault in as read
#endif

void MappedFile::Prefetch(size_t upto) {
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    upto = std::min((upto + page - 1) / page * page, size_);
    if (!data_ || upto <= fetched_) return;
    size_t from = std::max(fetched_, released_);
    if (upto > from) madvise(const_cast<char*>(data_) + from, upto - from, MADV_POPULATE_READ);
    fetched_ = upto;
}

void MappedFile::Release(size_t read) {
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = read / page * page;
    if (!data_ || upto <= released_) return;
    madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
    released_ = upto;
}

sam::LoadResult LoadMappedWorkspace(MappedFile& file, std::atomic<size_t>* read) {
    // A window of a few MB is mapped ahead of the reader, and what lies behind it let go.
    constexpr size_t kStep = 4u << 20;
    size_t next_step = kStep;
    file.Prefetch(2 * kStep);
    sam::ScanProgress progress = [&](size_t at) {
        if (read) read->store(at, std::memory_order_relaxed);
        if (at >= next_step) {
            file.Release(at);
            file.Prefetch(at + 2 * kStep);
            next_step = at + kStep;
        }
    };
    return sam::LoadWorkspace(file.Text(), &progress);
}

}  // namespace native
