// The desktop process's heap, set for workspaces of tens of MB (glibc, Linux).
//
// A national file becomes ~200 MB of model. Touched page by page, that is 50 000 page
// faults, and on a virtual machine each costs ~12 µs: more than half a second on the first
// load. So room for a file's model is faulted in with one call before it is read, in 2 MB
// pages where the kernel has them (a hundred faults, not 50 000: even faulted in at once, a
// 4 KB page costs the hypervisor a fault at its first touch), and freed memory stays with
// the process for the next load or save instead of going back to the kernel and faulting in
// again (the browser's wasm heap behaves the same way).
#pragma once
#include <malloc.h>
#include <sys/mman.h>
#include <climits>
#include <cstdint>
#include <cstdlib>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23   // Linux 5.14; older kernels refuse it and nothing changes
#endif

namespace sam_native {

// At start: every allocation from the program's one heap, none given back.
inline void KeepFreedMemory() {
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
}

// Before reading a workspace of `text_bytes`: the model takes about 3.5 times its compact
// text. A block that size is faulted in at once and freed back to the heap's top, where
// the model's allocations then find it.
inline void PrepareHeapFor(size_t text_bytes) {
    size_t bytes = text_bytes / 2 * 7;
    if (bytes < (16u << 20) || bytes > (2048u << 20)) return;   // small files fault little
    if (mallinfo2().fordblks >= bytes) return;   // freed memory kept from an earlier workspace is enough
    char* p = static_cast<char*>(std::malloc(bytes));
    if (!p) return;
    uintptr_t page = 4096, from = ((uintptr_t)p + page - 1) & ~(page - 1), to = ((uintptr_t)p + bytes) & ~(page - 1);
    if (to > from) {
        uintptr_t huge = 2u << 20, huge_from = (from + huge - 1) & ~(huge - 1), huge_to = to & ~(huge - 1);
        if (huge_to > huge_from) madvise((void*)huge_from, huge_to - huge_from, MADV_HUGEPAGE);   // THP "madvise" mode
        madvise((void*)from, to - from, MADV_POPULATE_WRITE);
    }
    std::free(p);
}

}  // namespace sam_native
