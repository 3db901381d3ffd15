#include "hub.h"

#include "describe.h"

#include "utf8.h"

#include <algorithm>
#include <cstdio>

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

bool ClashPathsOverlap(const std::string& x, const std::string& y) {
    auto under = [](const std::string& p, const std::string& q) { return q.size() > p.size() && q.compare(0, p.size(), p) == 0 && q[p.size()] == '/'; };
    return x == y || under(x, y) || under(y, x) || x.empty() || y.empty();
}

bool PathsClash(const std::string& a, const std::string& b) { return ClashPathsOverlap(ClashPath(a), ClashPath(b)); }

// The paths a patch touches, as given and as ClashPath forms.
void PathsOf(const json& patch, std::vector<std::string>* given, std::vector<std::string>& clash) {
    if (!patch.is_array()) return;
    for (auto& op : patch) {
        if (!op.is_object()) continue;
        for (const char* field : {"path", "from"}) {
            auto it = op.find(field);
            if (it == op.end() || !it->is_string()) continue;
            if (given) given->push_back(it->get<std::string>());
            clash.push_back(ClashPath(it->get<std::string>()));
        }
    }
}

json PatchOutline(const std::string& text) {
    // The ops' values are dropped as they are read: a workspace's first revision replaces
    // the whole document, 46 MB at national scale, and only its paths are wanted here.
    auto keep = [](int depth, json::parse_event_t event, json&) {
        return depth < 2 || (event != json::parse_event_t::object_start && event != json::parse_event_t::array_start);
    };
    return json::parse(text, keep, false);
}

std::string EventText(int64_t revision, const std::string& author, const std::string& time, const json& patch) {
    json data = {{"revision", revision}, {"author", author}, {"time", time}, {"patch", patch}};
    return "id: " + std::to_string(revision) + "\nevent: patch\ndata: " + sam::JsonText(data) + "\n\n";
}

namespace {

json ProblemsBody(const char* code, const std::string& message, const std::vector<sam::Problem>& problems) {
    return {{"error", code}, {"message", message}, {"problems", sam::ToJson(problems)}};
}

}  // namespace

Hub::Hub(Storage& storage, int idle_seconds) : storage_(storage), tag_(RandomHex(6)), idle_seconds_(idle_seconds) {
    if (idle_seconds_ > 0) janitor_ = std::thread([this] { Janitor(); });
}

size_t Hub::Loaded() {
    std::lock_guard lock(mu_);
    return live_.size();
}

void Hub::Retire(Live& live) {
    {
        std::lock_guard l(live.inbox_mu);
        live.closing = true;
    }
    live.work.notify_all();
    if (live.writer.joinable()) live.writer.join();
}

void Hub::Heartbeat() {
    // On PostgreSQL, who follows here is noted again (so the others know this instance lives),
    // and what the others noted and stored is read (an instance that died leaves their lists; a
    // notice lost with a connection is made up for).
    if (storage_.Kind() != Dialect::Postgres) return;
    std::vector<std::pair<std::string, std::shared_ptr<Live>>> followed;
    {
        std::lock_guard lock(mu_);
        for (auto& [id, live] : live_) followed.push_back({id, live});
    }
    for (auto& [id, live] : followed) {
        int streams;
        {
            std::lock_guard lock(live->mu);
            streams = live->streams;
        }
        if (streams == 0) continue;
        PresenceChanged(id, *live);
        Remote(id);   // the notes, and any revision whose notice was lost: followers converge within seconds
    }
}

void Hub::Janitor() {
    // A national host has tens of thousands of workspaces: only those in use keep memory and
    // a thread. One is unloaded when nothing holds it but this map (no request, no stream),
    // its writer has nothing queued and everything it applied is on disk.
    auto every = std::chrono::seconds(std::clamp(idle_seconds_ / 2, 1, 5));
    for (;;) {
        std::vector<std::shared_ptr<Live>> idle;
        {
            std::unique_lock lock(mu_);
            janitor_wake_.wait_for(lock, every, [&] { return closed_; });
            if (closed_) return;
            auto now = std::chrono::steady_clock::now();
            for (auto it = live_.begin(); it != live_.end();) {
                Live& live = *it->second;
                bool quiet = it->second.use_count() == 1 && now - live.last_used >= std::chrono::seconds(idle_seconds_);
                if (quiet) {
                    std::lock_guard inbox(live.inbox_mu);
                    std::lock_guard state(live.mu);
                    quiet = live.inbox.empty() && live.durable == live.revision && live.streams == 0;
                }
                if (quiet) { idle.push_back(std::move(it->second)); it = live_.erase(it); }
                else ++it;
            }
        }
        for (auto& live : idle) Retire(*live);   // a request for it now loads it again from disk
        Heartbeat();
    }
}

std::shared_ptr<Live> Hub::Find(const std::string& id) {
    std::unique_lock lock(mu_);
    readmitted_.wait(lock, [&] { return !evicted_.count(id); });
    auto it = live_.find(id);
    if (it == live_.end()) return nullptr;
    it->second->last_used = std::chrono::steady_clock::now();
    return it->second;
}

std::shared_ptr<Live> Hub::Get(const std::string& id) {
    std::unique_lock lock(mu_);
    readmitted_.wait(lock, [&] { return !evicted_.count(id); });
    auto it = live_.find(id);
    if (it != live_.end()) {
        it->second->last_used = std::chrono::steady_clock::now();
        return it->second;
    }
    auto info = storage_.Info(id);
    if (!info) return nullptr;
    auto state = storage_.State(id, info->revision);   // another instance may have written since
    if (!state) return nullptr;
    sam::LoadResult r = sam::LoadWorkspace(*state);
    if (!r.ok) return nullptr;
    auto live = std::make_shared<Live>();
    live->ws = std::move(r.workspace);
    live->revision = live->durable = info->revision;
    // What the recent revisions changed, so that a client whose base predates this
    // server's start (it was offline, or the server restarted) can still be rebased.
    // Revision 1 (the whole workspace as created, 46 MB at national scale) lies before every
    // base a client can send, so it is never read for this.
    for (auto& row : storage_.RevisionsAfter(id, std::max<int64_t>(1, info->revision - (int64_t)kKeptChanges))) {
        if (row.revision > info->revision) break;   // stored since by another instance: its writer reads them
        std::vector<std::string> clash;
        PathsOf(PatchOutline(row.patch), nullptr, clash);
        live->changes.push_back({row.revision, std::move(clash)});
    }
    Live* p = live.get();
    // Another instance may have stored more while this one loaded (its notice came before the
    // workspace was here to take it): the writer looks once at the start.
    p->catch_up = storage_.Kind() == Dialect::Postgres;
    ReadNotes(id, *p);   // the slide and who follows on the other instances
    p->writer = std::thread([this, id, p] { Write(id, *p); });
    live_[id] = live;
    return live;
}

void Hub::Evict(const std::string& id, bool erased) {
    packed.Drop(id);
    std::shared_ptr<Live> live;
    {
        std::lock_guard lock(mu_);
        ++evicted_[id];
        auto it = live_.find(id);
        if (it != live_.end()) { live = it->second; live_.erase(it); }
    }
    if (!live) return;
    {
        std::lock_guard l(live->inbox_mu);
        live->closing = true;
    }
    live->work.notify_all();
    if (live->writer.joinable()) live->writer.join();   // what was queued is written first
    std::lock_guard l(live->mu);
    live->gone = true;
    live->erased = erased;
    live->changed.notify_all();
}

void Hub::Readmit(const std::string& id) {
    {
        std::lock_guard lock(mu_);
        if (--evicted_[id] == 0) evicted_.erase(id);
    }
    readmitted_.notify_all();
}

void Hub::Remote(const std::string& id, const std::string& what) {
    if (what == "gone" || what == "erased") packed.Drop(id);   // loaded here or not
    std::shared_ptr<Live> live;
    {
        std::lock_guard lock(mu_);
        auto it = live_.find(id);
        if (it == live_.end()) return;   // not loaded here: it is read fresh when asked for
        live = it->second;
    }
    if (what == "gone" || what == "erased") {
        live.reset();
        Evict(id, what == "erased");   // its streams end here too; the next request reads the database
        Readmit(id);
        return;
    }
    if (what == "note" || what.empty()) ReadNotes(id, *live);
    if (what == "note") return;
    {
        std::lock_guard l(live->inbox_mu);
        live->catch_up = true;
    }
    live->work.notify_one();
}

void Hub::ReadNotes(const std::string& id, Live& live) {
    if (storage_.Kind() != Dialect::Postgres) return;
    auto notes = storage_.Notes(id);
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::vector<std::string> names;
    json presentation;
    for (const LiveNote& n : notes) {
        if (n.kind == "presentation") presentation = json::parse(n.value, nullptr, false);
        // An instance's followers, while it is alive (it notes them again every few seconds).
        if (n.kind == "presence" && n.instance != tag_ && now - n.updated_ms < kNoteLifeMs) {
            json list = json::parse(n.value, nullptr, false);
            if (list.is_array())
                for (auto& name : list)
                    if (name.is_string()) names.push_back(name);
        }
    }
    std::lock_guard lock(live.mu);
    if (names != live.remote_present) {
        live.remote_present = std::move(names);
        ++live.presence_seq;
    }
    if (presentation.is_object() && presentation != live.presentation) {
        live.presentation = std::move(presentation);
        ++live.presentation_seq;
    }
    live.changed.notify_all();
}

void Hub::PresenceChanged(const std::string& id, Live& live) {
    if (storage_.Kind() != Dialect::Postgres) return;
    json names = json::array();
    {
        std::lock_guard lock(live.mu);
        for (auto& [slot, name] : live.present) names.push_back(name);
    }
    storage_.PutNote(tag_, id, tag_, "presence", sam::JsonText(names));
}

void Hub::PresentationChanged(const std::string& id, const json& presentation) {
    if (storage_.Kind() != Dialect::Postgres) return;
    storage_.PutNote(tag_, id, "*", "presentation", sam::JsonText(presentation));
}

void Hub::RemoteAll() {
    packed.Clear();   // an erasure's notice may be among the missed ones
    std::vector<std::string> ids;
    {
        std::lock_guard lock(mu_);
        for (auto& [id, live] : live_) ids.push_back(id);
    }
    for (auto& id : ids) Remote(id);
}

void Hub::AccessChanged(const std::string& id) {
    std::shared_ptr<Live> live;
    {
        std::lock_guard lock(mu_);
        auto it = live_.find(id);
        if (it != live_.end()) live = it->second;
    }
    if (!live) return;
    std::lock_guard l(live->mu);
    ++live->access_seq;
    live->changed.notify_all();
}

Outcome Hub::Run(Live& live, Job& job) {
    {
        std::lock_guard lock(live.inbox_mu);
        if (live.closing) return {503, {{"error", "unavailable"}, {"message", "the workspace is being stopped, deleted or erased; send the change again"}}};
        live.inbox.push_back(&job);
    }
    live.work.notify_one();
    std::unique_lock lock(job.mu);
    job.done.wait(lock, [&] { return job.finished; });
    return std::move(job.outcome);
}

void Finish(Job& job, Outcome outcome) {
    std::lock_guard lock(job.mu);   // notified under the lock: the job lives on its requester's stack
    job.outcome = std::move(outcome);
    job.finished = true;
    job.done.notify_one();
}

bool Hub::Apply(const std::string& id, Live& live, const Job& job, sam::PatchResult& applied, std::string& summary, Outcome& refused) {
    int64_t current = live.revision;
    if (job.kind == Job::Kind::Restore) {
        if (job.revision < 1 || job.revision > current) {
            refused = {404, {{"error", "unknown_revision"}, {"message", "revision must be between 1 and " + std::to_string(current)}}};
            return false;
        }
        auto state = storage_.State(id, job.revision);
        if (!state) {
            refused = {500, {{"error", "storage"}, {"message", "revision " + std::to_string(job.revision) + " could not be read"}}};
            return false;
        }
        applied = sam::ApplyPatch(live.ws, json::array({{{"op", "replace"}, {"path", ""}, {"value", json::parse(*state)}}}));
        if (!applied.ok) {
            refused = {422, ProblemsBody("invalid_revision", "the old revision does not pass today's rules", applied.problems)};
            return false;
        }
        summary = sam::RestoredSummary(job.revision);
        return true;
    }
    const json& patch = *job.patch;
    if (!job.key.empty()) {
        // Sent again (the answer was lost on its way): the revision it became, not a second one.
        std::optional<int64_t> was;
        if (auto it = live.keys.find(job.key); it != live.keys.end()) was = it->second;
        else if (!job.own_key || job.tries > 1) was = storage_.RevisionByKey(id, job.key);
        if (was) {
            refused = {200, {{"revision", *was}, {"replayed", true}}};
            return false;
        }
    }
    int64_t base = job.revision;
    if (base > current || base < 1) {
        refused = {409, {{"error", "unknown_base"}, {"message", "revision " + std::to_string(base) + " is not one of this workspace's"}, {"revision", current}}};
        return false;
    }
    if (base < current) {
        // Others edited since the base: fine unless they touched what this patch touches.
        if (live.changes.empty() || live.changes.front().first > base + 1) {
            refused = {409, {{"error", "base_too_old"}, {"message", "the base revision is too old to rebase on; fetch the workspace again"}, {"revision", current}}};
            return false;
        }
        std::vector<std::string> given, mine;
        PathsOf(patch, &given, mine);
        json clashes = json::array();
        // Revisions are kept one per entry, in order: the first after the base is at a known place.
        for (size_t i = size_t(base + 1 - live.changes.front().first); i < live.changes.size(); ++i) {
            auto& [rev, paths] = live.changes[i];
            for (auto& theirs : paths)
                for (size_t m = 0; m < mine.size(); ++m)
                    if (ClashPathsOverlap(mine[m], theirs)) clashes.push_back({{"path", given[m]}, {"revision", rev}, {"their_path", theirs}});
        }
        if (!clashes.empty()) {
            refused = {409, {{"error", "conflict"}, {"message", "someone changed the same thing since revision " + std::to_string(base)},
                             {"revision", current}, {"clashes", clashes}}};
            return false;
        }
    }
    std::string described = sam::SummaryBothLanguages(live.ws, patch);   // names and old values: before the change
    applied = sam::ApplyPatch(live.ws, patch);
    if (!applied.ok) {
        bool moved = base < current;
        for (auto& p : applied.problems) moved &= p.code == "err.patch_path" || p.code == "err.patch_test_failed";
        if (moved) refused = {409, {{"error", "conflict"}, {"message", applied.problems[0].Message(sam::Lang::En)}, {"revision", current}}};
        else refused = {422, ProblemsBody("invalid_patch", applied.problems.empty() ? "invalid patch" : applied.problems[0].Message(sam::Lang::En), applied.problems)};
        return false;
    }
    summary = std::move(described);
    return true;
}

Outcome Hub::Patch(const std::string& id, int64_t base, const json& patch, const std::string& author, const std::string& key) {
    auto live = Get(id);
    if (!live) return {404, {{"error", "unknown_workspace"}, {"message", "no workspace with id " + id}}};
    Job job;
    job.kind = Job::Kind::Patch;
    job.revision = base;
    job.patch = &patch;
    job.author = author;
    // Without a key of its own, a change gets one: should the database's answer to its commit
    // be lost, the writer's retry finds it stored instead of applying it twice.
    job.own_key = key.empty();
    job.key = key.empty() ? "~" + tag_ + "-" + std::to_string(++next_key_) : key;
    return Run(*live, job);
}

Outcome Hub::Restore(const std::string& id, int64_t revision, const std::string& author) {
    auto live = Get(id);
    if (!live) return {404, {{"error", "unknown_workspace"}, {"message", "no workspace with id " + id}}};
    Job job;
    job.kind = Job::Kind::Restore;
    job.revision = revision;
    job.author = author;
    return Run(*live, job);
}

void Hub::Close() {
    {
        std::lock_guard lock(mu_);
        closed_ = true;
    }
    janitor_wake_.notify_all();
    if (janitor_.joinable()) janitor_.join();
    std::lock_guard lock(mu_);
    for (auto& [id, live] : live_) Retire(*live);
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
