// Undo and Redo over JSON Patches: each entry keeps the patch and its inverse.
// In a shared workspace others' changes arrive between one's own; they are not one's own
// to undo, and an Undo that would put back a value someone changed since is refused.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>
#include "patch.h"

namespace sam {

struct HistoryEntry {
    json patch;            // applying it undoes (or redoes) the step
    uint64_t remote_at;    // how many remote changes had arrived when the entry was made
};

struct History {
    std::vector<HistoryEntry> undo;   // newest last
    std::vector<HistoryEntry> redo;   // newest last
    size_t limit = 500;               // oldest entries drop beyond this
    uint64_t remote_count = 0;        // remote changes noted so far
    std::deque<std::pair<uint64_t, std::string>> remote_paths;   // (count after it, path), oldest first
};

// Applies `patch` to ws; on success records it for Undo and clears Redo.
PatchResult Edit(Workspace& ws, History& h, const json& patch);
// Someone else's change, already applied to ws: it stays out of Undo, and an Undo that
// would overwrite what it changed is refused.
void NoteRemoteChange(History& h, const json& patch);
// false when there is nothing to undo (or redo), or when a later remote change touched
// what the step would change (`clash` gets that path); `forward` gets the change made.
bool Undo(Workspace& ws, History& h, json* forward = nullptr, std::string* clash = nullptr);
bool Redo(Workspace& ws, History& h, json* forward = nullptr, std::string* clash = nullptr);

// The paths a patch writes (and moves from).
std::vector<std::string> PatchPaths(const json& patch);
// Two JSON Pointers touch the same data when one is the other or lies inside it.
bool PathsOverlap(const std::string& a, const std::string& b);

}  // namespace sam
