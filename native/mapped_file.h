// A workspace file read the desktop's way: mapped from the page cache instead of copied into
// the heap, and let go of part by part as the reader moves on. A national file is 46 MB next to
// the 163 MB of model made from it; only the model stays.
#pragma once
#include <atomic>
#include <string>
#include <string_view>
#include "json_io.h"

namespace native {

class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool Open(const std::string& path, std::string* error);
    std::string_view Text() const { return {data_, size_}; }
    // The first `read` bytes will not be looked at again: their pages go back to the page
    // cache (read again from the file should anything touch them after all).
    void Release(size_t read);
    // The bytes up to `upto` are about to be read: mapped in one call instead of a fault per
    // few pages (a fault costs ~12 µs on a virtual machine).
    void Prefetch(size_t upto);

private:
    const char* data_ = nullptr;
    size_t size_ = 0;
    size_t released_ = 0, fetched_ = 0;
};

// Reads the mapped file into a workspace, letting go of what is read every few MB; `read`
// (when given) follows how far it has come, for a progress bar on another thread.
sam::LoadResult LoadMappedWorkspace(MappedFile& file, std::atomic<size_t>* read = nullptr);

}  // namespace native
