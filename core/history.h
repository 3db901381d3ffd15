// Undo and Redo over JSON Patches: each entry keeps the patch and its inverse.
#pragma once
#include <vector>
#include "patch.h"

namespace sam {

struct History {
    std::vector<json> undo;   // inverse patches, newest last
    std::vector<json> redo;   // patches to re-apply, newest last
    size_t limit = 500;       // oldest entries drop beyond this
};

// Applies `patch` to ws; on success records it for Undo and clears Redo.
PatchResult Edit(Workspace& ws, History& h, const json& patch);
// false when there is nothing to undo (or redo); `forward` gets the change made, for sync.
bool Undo(Workspace& ws, History& h, json* forward = nullptr);
bool Redo(Workspace& ws, History& h, json* forward = nullptr);

}  // namespace sam
