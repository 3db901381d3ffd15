// A workspace's writer: one thread applies every change in order and commits them in groups
// (what arrived while the last group was on its way to the database goes in one transaction).
// With several instances on one PostgreSQL database, the order is the database's: each group
// is decided inside Storage::Append's transaction, after the revisions other instances stored.
#include "hub.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "json_io.h"
#include "metrics.h"
#include "utf8.h"

namespace server {

using sam::json;

namespace {

constexpr int kCommitTries = 4;   // the database failed with a retryable error: try again, backing off

struct Pending {
    Job* job;
    int64_t revision;
    sam::PatchResult applied;
    std::string summary, time;
};

}  // namespace

void Hub::Write(const std::string& id, Live& live) {
    for (;;) {
        std::vector<Job*> jobs;
        bool catch_up;
        {
            std::unique_lock lock(live.inbox_mu);
            live.work.wait(lock, [&] { return !live.inbox.empty() || live.closing || live.catch_up; });
            if (live.inbox.empty() && live.closing) return;   // nothing left to write
            jobs.swap(live.inbox);
            catch_up = live.catch_up;
            live.catch_up = false;
        }
        if (!jobs.empty()) Commit(id, live, std::move(jobs));   // reads what others stored, too
        else if (catch_up) CatchUp(id, live);
    }
}

bool Hub::TakeRemote(const std::string& id, Live& live, const std::vector<RevisionRow>& rows) {
    for (const RevisionRow& row : rows) {
        if (row.revision <= live.revision) continue;
        json patch = json::parse(row.patch, nullptr, false);
        sam::PatchResult r = row.revision == live.revision + 1 ? sam::ApplyPatch(live.ws, patch) : sam::PatchResult{};
        if (!r.ok) {
            // Not in step (a revision missing, or it does not apply to this copy): read it whole.
            auto state = storage_.State(id, row.revision);
            sam::LoadResult loaded = state ? sam::LoadWorkspace(*state) : sam::LoadResult{};
            if (!loaded.ok) return false;
            live.ws = std::move(loaded.workspace);
        }
        live.revision = live.durable = row.revision;
        std::vector<std::string> clash;
        PathsOf(patch, nullptr, clash);
        live.changes.push_back({row.revision, std::move(clash)});
        while (live.changes.size() > kKeptChanges) live.changes.pop_front();
        live.events.push_back({row.revision, EventText(row.revision, row.author, row.time, patch)});
        while (live.events.size() > 1000) live.events.pop_front();
    }
    if (!rows.empty()) live.changed.notify_all();
    return true;
}

void Hub::CatchUp(const std::string& id, Live& live) {
    auto rows = storage_.RevisionsAfter(id, live.revision);   // only this thread moves live.revision
    std::lock_guard lock(live.mu);
    if (!TakeRemote(id, live, rows)) std::fprintf(stderr, "samverkan-server: workspace %s could not follow the database\n", id.c_str());
}

void Hub::Commit(const std::string& id, Live& live, std::vector<Job*> jobs) {
    std::vector<Pending> group;
    std::vector<RevisionRow> rows;
    int64_t base = 0;
    bool in_step = true, decided = false;
    for (Job* job : jobs) ++job->tries;
    auto decide = [&](int64_t head, const std::vector<RevisionRow>& newer) {
        AppendPlan plan;
        std::lock_guard lock(live.mu);
        decided = true;
        // 1. What other instances stored first, then this group on top, in arrival order;
        // refusals are answered at once.
        in_step = TakeRemote(id, live, newer) && live.revision == head;
        if (!in_step) return plan;
        base = live.revision;
        std::string now = NowIso();
        for (Job* job : jobs) {
            Pending p{job, 0, {}, {}, now};
            Outcome refused;
            bool applied = false;
            try {
                applied = Apply(id, live, *job, p.applied, p.summary, refused);
            } catch (const std::exception& e) {
                // A rule that throws must not end this thread (and with it the server): the
                // change is refused, the workspace unchanged (core applies whole or not at all).
                std::fprintf(stderr, "samverkan-server: a change to %s could not be applied: %s\n", id.c_str(), e.what());
                refused = {500, {{"error", "internal"}, {"message", "the change could not be applied"}}};
            }
            if (!applied) { Finish(*job, std::move(refused)); continue; }
            p.revision = ++live.revision;
            if (!job->key.empty()) {
                live.keys[job->key] = p.revision;
                live.key_order.push_back(job->key);
                while (live.key_order.size() > kKeptKeys) { live.keys.erase(live.key_order.front()); live.key_order.pop_front(); }
            }
            std::vector<std::string> clash;
            PathsOf(p.applied.forward, nullptr, clash);
            live.changes.push_back({p.revision, std::move(clash)});
            while (live.changes.size() > kKeptChanges) live.changes.pop_front();
            group.push_back(std::move(p));
        }
        // 2. Only this thread changes live.ws: what is stored is read from it here.
        for (auto& p : group) plan.rows.push_back({p.revision, p.time, p.job->author, p.summary, sam::JsonText(p.applied.forward), p.job->key});
        rows = plan.rows;
        if (!group.empty()) {
            plan.name = live.ws.name;
            bool snapshot = live.revision / kSnapshotEvery != base / kSnapshotEvery;   // crossed a multiple of 50
            if (snapshot) plan.snapshot = sam::SaveWorkspace(live.ws, false);
        }
        return plan;
    };
    std::string error;
    auto started = std::chrono::steady_clock::now();
    bool ok = storage_.Append(id, live.revision, decide, tag_, &error) && in_step;
    if (ok && metrics_ && !group.empty())
        metrics_->Commit((int)group.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (!in_step && error.empty()) error = "this copy of the workspace could not follow the database";
    // 3. Followers hear of it once it is committed; on failure memory follows the database.
    {
        std::lock_guard lock(live.mu);
        if (ok) {
            for (size_t i = 0; i < group.size(); ++i)
                live.events.push_back({group[i].revision, EventText(group[i].revision, rows[i].author, rows[i].time, group[i].applied.forward)});
            while (live.events.size() > 1000) live.events.pop_front();
            if (!group.empty()) live.durable = group.back().revision;
            live.changed.notify_all();
        } else if (!group.empty()) {
            for (auto it = group.rbegin(); it != group.rend(); ++it) sam::ApplyPatch(live.ws, it->applied.inverse);
            live.revision = base;
            while (!live.changes.empty() && live.changes.back().first > base) live.changes.pop_back();
            for (auto& p : group) live.keys.erase(p.job->key);
        }
    }
    if (ok) {
        for (auto& p : group) Finish(*p.job, Outcome{200, {{"revision", p.revision}}});
        return;
    }
    std::vector<Job*> again;
    for (auto& p : group) again.push_back(p.job);
    if (!decided || !in_step) again = jobs;   // nothing was decided: every job waits still
    if (again.empty()) return;               // every job was answered (refused) already
    if (Retryable(error) && again.front()->tries < kCommitTries) {
        // The database went away or chose this transaction as a victim: back off, reconnect, and
        // decide again on what is stored then (a commit whose answer was lost is found by its key).
        std::this_thread::sleep_for(std::chrono::milliseconds(100 << (2 * (again.front()->tries - 1))));
        storage_.Reconnect();
        return Commit(id, live, std::move(again));
    }
    bool away = Retryable(error);
    for (Job* job : again)
        Finish(*job, away ? Outcome{503, {{"error", "database_unavailable"}, {"message", "the database is not reachable: send the change again"}}}
                          : Outcome{500, {{"error", "storage"}, {"message", "the change could not be stored: " + error}}});
}

}  // namespace server
