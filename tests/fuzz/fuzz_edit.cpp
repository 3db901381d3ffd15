// libFuzzer target for the paths hostile input takes into core: a workspace file
// (LoadWorkspace), a JSON Patch against a demo (ApplyPatch, with Undo checked) and a
// party list (the CSV import). The first byte picks the path.
#include <cstdint>
#include <cstdlib>
#include <string>
#include "csv.h"
#include "demos.h"
#include "json_io.h"
#include "patch.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
        case 0: {
            sam::LoadResult r = sam::LoadWorkspace(text);
            if (r.ok) {
                // What loads saves, and what saves loads to the same.
                std::string saved = sam::SaveWorkspace(r.workspace);
                sam::LoadResult again = sam::LoadWorkspace(saved);
                if (!again.ok || sam::SaveWorkspace(again.workspace) != saved) std::abort();
            }
            break;
        }
        case 1: {
            static const sam::Workspace demo = sam::LoadWorkspace(*sam::FindDemo("familjehem-vasternorrland")).workspace;
            sam::Workspace ws = demo;
            std::string before = sam::SaveWorkspace(ws);
            sam::json patch = sam::json::parse(text, nullptr, false);
            if (patch.is_discarded()) break;
            sam::PatchResult r = sam::ApplyPatch(ws, patch);
            if (!r.ok) {
                if (sam::SaveWorkspace(ws) != before) std::abort();   // a rejected patch changes nothing
                break;
            }
            sam::PatchResult undo = sam::ApplyPatch(ws, r.inverse);
            if (!undo.ok || sam::SaveWorkspace(ws) != before) std::abort();   // undo restores exactly
            break;
        }
        default:
            (void)sam::ParsePartiesCsv(text);
            break;
    }
    return 0;
}
