// The live side of the server: each open workspace's current state in memory, its
// edits applied through core, persisted, and fanned out to event streams.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include "model.h"
#include "packed_state.h"
#include "patch.h"
#include "storage.h"

namespace server {

class Metrics;

struct Event {
    int64_t revision = 0;
    std::string text;   // the whole Server-Sent Event: "id: …\nevent: patch\ndata: …\n\n"
};

struct Outcome {
    int status = 200;
    sam::json body;
};

// A change handed to its workspace's writer; the request's thread sleeps until it is done.
struct Job {
    enum class Kind { Patch, Restore } kind = Kind::Patch;
    int64_t revision = 0;               // Patch: the base it was made against; Restore: the one to restore
    const sam::json* patch = nullptr;   // Patch only
    std::string author;
    std::string key;                    // Patch: its Idempotency-Key (the client's, or one made here)
    bool own_key = false;               // made here: new unless a commit's answer was lost
    int tries = 0;                      // commits tried (the database failed the earlier ones)
    Outcome outcome;
    bool finished = false;
    std::mutex mu;
    std::condition_variable done;
};

struct Live {
    std::mutex mu;
    std::condition_variable changed;   // new events for followers
    sam::Workspace ws;                 // changed only by the writer, under `mu`
    int64_t revision = 0;   // the newest applied (a group may still be on its way to disk)
    int64_t durable = 0;    // the newest on disk: what followers are told about
    // What each recent revision changed (ClashPath forms), one entry per revision in order,
    // to tell a clash from an edit elsewhere.
    std::deque<std::pair<int64_t, std::vector<std::string>>> changes;
    std::deque<Event> events;   // recent ones, for streams that fell behind a little
    // Idempotency-Keys of the changes applied here, newest last (older ones are asked of storage).
    std::map<std::string, int64_t> keys;
    std::deque<std::string> key_order;
    int streams = 0;
    // Bumped when links of the workspace end (revoked, rotated): streams check their token again.
    int64_t access_seq = 0;
    // The workspace was deleted or erased: its streams end (after an erase, with a "reset" event).
    bool gone = false;
    bool erased = false;
    // The facilitator's presentation ({"active", "slide"}): not stored, only followed live.
    sam::json presentation;
    int64_t presentation_seq = 0;
    // Who follows the workspace now (per stream: its author), for presence.
    std::map<uint64_t, std::string> present;
    std::vector<std::string> remote_present;   // who follows on the other instances (PostgreSQL)
    uint64_t present_next = 0;
    int64_t presence_seq = 0;

    // The writer: one thread per workspace applies every change in order and commits them
    // in groups (what arrived while the last group was syncing to disk goes in one
    // transaction). Requests only queue here and sleep, so they neither contend for `mu`
    // nor wake one another.
    std::mutex inbox_mu;
    std::condition_variable work;
    std::vector<Job*> inbox;
    bool closing = false;
    bool catch_up = false;   // another instance stored revisions: read them (PostgreSQL)
    std::thread writer;
    // When a request last asked for it (under the hub's lock): an idle workspace is unloaded.
    std::chrono::steady_clock::time_point last_used = std::chrono::steady_clock::now();
};

class Hub {
public:
    // `idle_seconds`: a workspace nobody has asked for that long, with no stream open and
    // nothing unwritten, leaves memory and its writer thread ends (0: never).
    explicit Hub(Storage& storage, int idle_seconds = 60);
    // Commits are counted and timed here (for /metrics) when set.
    void Observe(Metrics* metrics) { metrics_ = metrics; }
    ~Hub() { Close(); }
    // How many workspaces are in memory now (each with its writer thread).
    size_t Loaded();

    // The live workspace, loaded on first use; nullptr for an unknown id.
    std::shared_ptr<Live> Get(const std::string& id);
    // The live workspace when it is in memory now; nullptr otherwise (nothing is loaded).
    std::shared_ptr<Live> Find(const std::string& id);
    // Runs `fn` with the workspace out of memory: its writer finished, its streams ended, and no
    // request loading it again until `fn` returns (deleting and erasing). `erased`: streams
    // are told to fetch the state again.
    template <class Fn> auto Exclusive(const std::string& id, bool erased, Fn fn) {
        Evict(id, erased);
        struct Release {
            Hub* hub; std::string id; bool erased;
            ~Release() { hub->packed.Drop(id); hub->Readmit(id); hub->storage_.Notify(hub->tag_, id, erased ? "erased" : "gone"); }
        } release{this, id, erased};
        return fn();
    }
    // Another instance told (a NOTIFY) of `id`: `what` is a revision it stored (the writer here
    // reads it and tells this instance's followers), "note" (the slide or who follows there
    // changed), or "gone"/"erased" (its streams here end as on that instance). Only a workspace
    // loaded here is concerned. RemoteAll: every loaded one, after the listener's connection came
    // back, when notifications may have been missed.
    void Remote(const std::string& id, const std::string& what = "");
    void RemoteAll();
    // Tell the other instances (PostgreSQL; nothing on SQLite): who follows here, the slide.
    void PresenceChanged(const std::string& id, Live& live);
    void PresentationChanged(const std::string& id, const sam::json& presentation);
    // This instance's tag in notifications (its own are not news to it).
    const std::string& Tag() const { return tag_; }
    // A link of the workspace ended: its streams check their token again at once.
    void AccessChanged(const std::string& id);
    // Applies a JSON Patch made against revision `base` (see the README for the rules). A
    // change sent again with the same `key` (Idempotency-Key) answers the revision it became.
    Outcome Patch(const std::string& id, int64_t base, const sam::json& patch, const std::string& author, const std::string& key = "");
    // Makes revision `revision`'s state the newest revision.
    Outcome Restore(const std::string& id, int64_t revision, const std::string& author);
    // Wakes every stream so that it ends (the server is stopping); writes go on.
    void Stop();
    // Writes what is queued, then ends the writers (after the last request has finished).
    void Close();
    bool Stopping() const { return stopping_; }

    // The deflated state of recently opened workspaces (GET answers). Dropped for a workspace
    // deleted or erased here or on another instance, all of it when notices may have been missed.
    PackedStates packed;

    static constexpr int kMaxStreams = 250;       // per workspace
    static constexpr size_t kKeptChanges = 10000; // revisions a client may be behind and still rebase
    static constexpr int kSnapshotEvery = 50;
    static constexpr size_t kKeptKeys = 10000;
    static constexpr int64_t kNoteLifeMs = 20000;  // another instance's followers, unless it stopped noting them    // Idempotency-Keys remembered in memory per workspace

private:
    // Hands a job to the workspace's writer and waits for its outcome.
    Outcome Run(Live& live, Job& job);
    // The writer (hub_writer.cpp): commits the jobs in groups, reads other instances' revisions.
    void Write(const std::string& id, Live& live);
    void Commit(const std::string& id, Live& live, std::vector<Job*> jobs);
    void CatchUp(const std::string& id, Live& live);
    // Applies revisions stored by another instance (under live.mu); false when one did not
    // apply (the workspace is then read again from storage).
    bool TakeRemote(const std::string& id, Live& live, const std::vector<RevisionRow>& rows);
    // Applies one job to the live workspace (the writer, under live.mu): false and
    // `refused` when it is refused.
    bool Apply(const std::string& id, Live& live, const Job& job, sam::PatchResult& applied, std::string& summary, Outcome& refused);

    void Evict(const std::string& id, bool erased);
    void Readmit(const std::string& id);
    // Every few seconds: unloads the workspaces idle for idle_seconds_.
    void Janitor();
    static void Retire(Live& live);   // its writer writes what is queued and ends
    // Reads what the other instances noted for `id` (the slide, who follows there) into `live`.
    void ReadNotes(const std::string& id, Live& live);
    void Heartbeat();

    Storage& storage_;
    Metrics* metrics_ = nullptr;
    std::string tag_;
    std::atomic<uint64_t> next_key_{0};
    std::mutex mu_;
    std::condition_variable readmitted_;
    std::map<std::string, std::shared_ptr<Live>> live_;
    std::map<std::string, int> evicted_;   // ids being deleted or erased (how many at once)
    std::atomic<bool> stopping_{false};
    int idle_seconds_;
    bool closed_ = false;              // under mu_
    std::condition_variable janitor_wake_;
    std::thread janitor_;
};

// The writer's helpers, shared by hub.cpp and hub_writer.cpp.
void PathsOf(const sam::json& patch, std::vector<std::string>* given, std::vector<std::string>& clash);
// A patch's ops with their paths but not their values (JSON Patch text).
sam::json PatchOutline(const std::string& text);
std::string EventText(int64_t revision, const std::string& author, const std::string& time, const sam::json& patch);
void Finish(Job& job, Outcome outcome);

// "/bodies/x/mandate/2" -> "/bodies/x/mandate": array positions shift under other edits,
// so two edits clash when they touch the same array.
std::string ClashPath(const std::string& pointer);
// Whether two ClashPath forms clash: the same, one inside the other, or the whole document.
bool ClashPathsOverlap(const std::string& x, const std::string& y);
bool PathsClash(const std::string& a, const std::string& b);

}  // namespace server
