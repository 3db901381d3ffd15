#include "history.h"

#include "json_scan.h"

namespace sam {

namespace {

// Remote paths older than every entry are of no use to any check.
void Trim(History& h) {
    uint64_t oldest = h.remote_count;
    for (auto& e : h.undo) oldest = std::min(oldest, e.remote_at);
    for (auto& e : h.redo) oldest = std::min(oldest, e.remote_at);
    while (!h.remote_paths.empty() && h.remote_paths.front().first <= oldest) h.remote_paths.pop_front();
}

// A remote change since the entry was made that touches what the entry would write.
bool Clashes(const History& h, const HistoryEntry& e, std::string* clash) {
    if (e.remote_at == h.remote_count) return false;
    std::vector<std::string> mine = PatchPaths(e.patch);
    for (auto& [after, path] : h.remote_paths) {
        if (after <= e.remote_at) continue;
        for (auto& p : mine)
            if (PathsOverlap(p, path)) {
                if (clash) *clash = path;
                return true;
            }
    }
    return false;
}

bool Step(Workspace& ws, History& h, std::vector<HistoryEntry>& from, std::vector<HistoryEntry>& to, json* forward, std::string* clash) {
    if (from.empty()) return false;
    if (Clashes(h, from.back(), clash)) return false;
    PatchResult r = ApplyPatch(ws, from.back().patch);
    if (!r.ok) { h.undo.clear(); h.redo.clear(); return false; }   // the state moved under us
    from.pop_back();
    to.push_back({r.inverse, h.remote_count});
    if (forward) *forward = r.forward;
    return true;
}

}  // namespace

std::vector<std::string> PatchPaths(const json& patch) {
    std::vector<std::string> out;
    if (!patch.is_array()) return out;
    for (auto& op : patch) {
        if (!op.is_object()) continue;
        if (op.contains("path") && op["path"].is_string()) out.push_back(op["path"]);
        if (TextOf(op, "op") == "move" && op.contains("from") && op["from"].is_string()) out.push_back(op["from"]);
    }
    return out;
}

bool PathsOverlap(const std::string& a, const std::string& b) {
    const std::string& s = a.size() <= b.size() ? a : b;
    const std::string& l = a.size() <= b.size() ? b : a;
    if (l.compare(0, s.size(), s) != 0) return false;
    return l.size() == s.size() || l[s.size()] == '/' || s.empty();
}

PatchResult Edit(Workspace& ws, History& h, const json& patch) {
    PatchResult r = ApplyPatch(ws, patch);
    if (!r.ok) return r;
    h.undo.push_back({r.inverse, h.remote_count});
    if (h.undo.size() > h.limit) h.undo.erase(h.undo.begin());
    h.redo.clear();
    Trim(h);
    return r;
}

void NoteRemoteChange(History& h, const json& patch) {
    ++h.remote_count;
    if (h.undo.empty() && h.redo.empty()) return;   // nothing could clash with it
    for (auto& p : PatchPaths(patch)) h.remote_paths.emplace_back(h.remote_count, p);
}

bool Undo(Workspace& ws, History& h, json* forward, std::string* clash) {
    bool ok = Step(ws, h, h.undo, h.redo, forward, clash);
    Trim(h);
    return ok;
}

bool Redo(Workspace& ws, History& h, json* forward, std::string* clash) {
    bool ok = Step(ws, h, h.redo, h.undo, forward, clash);
    Trim(h);
    return ok;
}

}  // namespace sam
