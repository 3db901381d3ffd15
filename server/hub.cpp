#include "hub.h"

#include "json_io.h"
#include "patch.h"

namespace server {

using sam::json;

std::string ClashPath(const std::string& pointer) {
    std::string out;
    size_t i = 0;
    while (i < pointer.size()) {
        size_t next = pointer.find('/', i + 1);
        std::string token = pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        bool index = token == "-" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
        if (index) break;
        out += "/" + token;
        if (next == std::string::npos) break;
        i = next;
    }
    return out;
}

bool PathsClash(const std::string& a, const std::string& b) {
    std::string x = ClashPath(a), y = ClashPath(b);
    auto under = [](const std::string& p, const std::string& q) { return q.size() > p.size() && q.compare(0, p.size(), p) == 0 && q[p.size()] == '/'; };
    return x == y || under(x, y) || under(y, x) || x.empty() || y.empty();
}

namespace {

std::vector<std::string> PathsOf(const json& patch) {
    std::vector<std::string> out;
    if (!patch.is_array()) return out;
    for (auto& op : patch) {
        if (!op.is_object()) continue;
        if (op.contains("path") && op["path"].is_string()) out.push_back(op["path"]);
        if (op.contains("from") && op["from"].is_string()) out.push_back(op["from"]);
    }
    return out;
}

std::string EventText(int64_t revision, const std::string& author, const std::string& time, const json& patch) {
    json data = {{"revision", revision}, {"author", author}, {"time", time}, {"patch", patch}};
    return "id: " + std::to_string(revision) + "\nevent: patch\ndata: " + data.dump() + "\n\n";
}

json ProblemsBody(const char* code, const std::string& message, const std::vector<sam::Problem>& problems) {
    return {{"error", code}, {"message", message}, {"problems", sam::ToJson(problems)}};
}

}  // namespace

Live* Hub::Get(const std::string& id) {
    std::lock_guard lock(mu_);
    auto it = live_.find(id);
    if (it != live_.end()) return it->second.get();
    auto info = storage_.Info(id);
    if (!info) return nullptr;
    auto state = storage_.State(id);
    if (!state) return nullptr;
    sam::LoadResult r = sam::LoadWorkspace(*state);
    if (!r.ok) return nullptr;
    auto live = std::make_unique<Live>();
    live->ws = std::move(r.workspace);
    live->revision = live->durable = info->revision;
    Live* p = live.get();
    live_[id] = std::move(live);
    return p;
}

Outcome Hub::Commit(const std::string& id, Live& live, std::unique_lock<std::mutex>& lock, const json& forward,
                    const std::string& author, const std::string& summary, const json& inverse) {
    Queued q;
    q.revision = ++live.revision;
    q.forward = forward;
    q.inverse = inverse;
    q.author = author;
    q.summary = summary;
    q.time = NowIso();
    q.result = std::make_shared<int>(0);
    auto result = q.result;
    int64_t revision = q.revision;
    live.changes.push_back({revision, PathsOf(forward)});
    while (live.changes.size() > kKeptChanges) live.changes.pop_front();
    live.queue.push_back(std::move(q));

    while (*result == 0) {
        if (live.writing) { live.committed.wait(lock); continue; }
        // Write everything queued so far, as one transaction.
        live.writing = true;
        std::vector<Queued> batch = std::move(live.queue);
        live.queue.clear();
        int64_t base = batch.front().revision - 1, last = batch.back().revision;
        bool snapshot = last / kSnapshotEvery != base / kSnapshotEvery;   // crossed a multiple of 50
        std::string state = snapshot ? sam::SaveWorkspace(live.ws) : "";   // the state at `last`: nothing newer is applied yet
        std::string name = live.ws.name;
        std::vector<RevisionRow> rows;
        for (auto& b : batch) rows.push_back({b.revision, b.time, b.author, b.summary, b.forward.dump()});
        lock.unlock();
        std::string error;
        bool ok = storage_.AppendBatch(id, base, rows, name, state, &error);
        lock.lock();
        if (ok) {
            for (auto& b : batch) {
                *b.result = 1;
                live.events.push_back({b.revision, EventText(b.revision, b.author, b.time, b.forward)});
            }
            while (live.events.size() > 1000) live.events.pop_front();
            live.durable = last;
            live.changed.notify_all();
        } else {
            // Memory follows the database: undo what was queued since, then the batch.
            for (auto it = live.queue.rbegin(); it != live.queue.rend(); ++it) { sam::ApplyPatch(live.ws, it->inverse); *it->result = -1; }
            for (auto it = batch.rbegin(); it != batch.rend(); ++it) { sam::ApplyPatch(live.ws, it->inverse); *it->result = -1; }
            live.queue.clear();
            live.revision = base;
            while (!live.changes.empty() && live.changes.back().first > base) live.changes.pop_back();
        }
        live.writing = false;
        live.committed.notify_all();
        if (!ok && *result == -1)
            return {500, {{"error", "storage"}, {"message", "the change could not be stored: " + error}}};
    }
    if (*result == -1) return {500, {{"error", "storage"}, {"message", "the change could not be stored"}}};
    return {200, {{"revision", revision}}};
}

Outcome Hub::Patch(const std::string& id, int64_t base, const json& patch, const std::string& author) {
    Live* live = Get(id);
    if (!live) return {404, {{"error", "unknown_workspace"}, {"message", "no workspace with id " + id}}};
    std::unique_lock lock(live->mu);
    int64_t current = live->revision;
    if (base > current || base < 1)
        return {409, {{"error", "unknown_base"}, {"message", "revision " + std::to_string(base) + " is not one of this workspace's"}, {"revision", current}}};
    if (base < current) {
        // Others edited since the base: fine unless they touched what this patch touches.
        if (live->changes.empty() || live->changes.front().first > base + 1)
            return {409, {{"error", "base_too_old"}, {"message", "the base revision is too old to rebase on; fetch the workspace again"}, {"revision", current}}};
        std::vector<std::string> mine = PathsOf(patch);
        json clashes = json::array();
        for (auto& [rev, paths] : live->changes) {
            if (rev <= base) continue;
            for (auto& theirs : paths)
                for (auto& m : mine)
                    if (PathsClash(m, theirs)) clashes.push_back({{"path", m}, {"revision", rev}, {"their_path", theirs}});
        }
        if (!clashes.empty())
            return {409, {{"error", "conflict"}, {"message", "someone changed the same thing since revision " + std::to_string(base)},
                          {"revision", current}, {"clashes", clashes}}};
    }
    sam::PatchResult r = sam::ApplyPatch(live->ws, patch);
    if (!r.ok) {
        bool moved = base < current;
        for (auto& p : r.problems) moved &= p.code == "err.patch_path" || p.code == "err.patch_test_failed";
        if (moved) return {409, {{"error", "conflict"}, {"message", r.problems[0].Message(sam::Lang::En)}, {"revision", current}}};
        return {422, ProblemsBody("invalid_patch", r.problems.empty() ? "invalid patch" : r.problems[0].Message(sam::Lang::En), r.problems)};
    }
    return Commit(id, *live, lock, r.forward, author, sam::SummarizePatch(patch), r.inverse);
}

Outcome Hub::Restore(const std::string& id, int64_t revision, const std::string& author) {
    Live* live = Get(id);
    if (!live) return {404, {{"error", "unknown_workspace"}, {"message", "no workspace with id " + id}}};
    std::unique_lock lock(live->mu);
    if (revision < 1 || revision > live->revision)
        return {404, {{"error", "unknown_revision"}, {"message", "revision must be between 1 and " + std::to_string(live->revision)}}};
    auto state = storage_.State(id, revision);
    if (!state) return {500, {{"error", "storage"}, {"message", "revision " + std::to_string(revision) + " could not be read"}}};
    sam::PatchResult r = sam::ApplyPatch(live->ws, json::array({{{"op", "replace"}, {"path", ""}, {"value", json::parse(*state)}}}));
    if (!r.ok) return {422, ProblemsBody("invalid_revision", "the old revision does not pass today's rules", r.problems)};
    return Commit(id, *live, lock, r.forward, author, "restored revision " + std::to_string(revision), r.inverse);
}

void Hub::Stop() {
    stopping_ = true;
    std::lock_guard lock(mu_);
    for (auto& [id, live] : live_) {
        std::lock_guard l(live->mu);
        live->changed.notify_all();
    }
}

}  // namespace server
