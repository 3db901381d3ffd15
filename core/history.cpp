#include "history.h"

namespace sam {

PatchResult Edit(Workspace& ws, History& h, const json& patch) {
    PatchResult r = ApplyPatch(ws, patch);
    if (!r.ok) return r;
    h.undo.push_back(r.inverse);
    if (h.undo.size() > h.limit) h.undo.erase(h.undo.begin());
    h.redo.clear();
    return r;
}

bool Undo(Workspace& ws, History& h, json* forward) {
    if (h.undo.empty()) return false;
    PatchResult r = ApplyPatch(ws, h.undo.back());
    if (!r.ok) { h.undo.clear(); h.redo.clear(); return false; }   // the state moved under us
    h.undo.pop_back();
    h.redo.push_back(r.inverse);
    if (forward) *forward = r.forward;
    return true;
}

bool Redo(Workspace& ws, History& h, json* forward) {
    if (h.redo.empty()) return false;
    PatchResult r = ApplyPatch(ws, h.redo.back());
    if (!r.ok) { h.undo.clear(); h.redo.clear(); return false; }
    h.redo.pop_back();
    h.undo.push_back(r.inverse);
    if (forward) *forward = r.forward;
    return true;
}

}  // namespace sam
