// The live side of the server: each open workspace's current state in memory, its
// edits applied through core, persisted, and fanned out to event streams.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
#include "model.h"
#include "storage.h"

namespace server {

struct Event {
    int64_t revision = 0;
    std::string text;   // the whole Server-Sent Event: "id: …\nevent: patch\ndata: …\n\n"
};

// A change applied in memory and waiting for its commit.
struct Queued {
    int64_t revision = 0;
    sam::json forward, inverse;
    std::string author, summary, time;
    std::shared_ptr<int> result;   // 0 waiting, 1 committed, -1 failed
};

struct Live {
    std::mutex mu;
    std::condition_variable changed;     // new events for followers
    std::condition_variable committed;   // a batch was written
    std::vector<Queued> queue;           // applied, not yet written
    bool writing = false;                // a request is writing a batch
    sam::Workspace ws;
    int64_t revision = 0;       // the newest applied (some may still be on their way to disk)
    int64_t durable = 0;        // the newest on disk: what followers are told about
    // Paths each recent revision changed, to tell a clash from an edit elsewhere.
    std::deque<std::pair<int64_t, std::vector<std::string>>> changes;
    std::deque<Event> events;   // recent ones, for streams that fell behind a little
    int streams = 0;
    // The facilitator's presentation ({"active", "slide"}): not stored, only followed live.
    sam::json presentation;
    int64_t presentation_seq = 0;
};

struct Outcome {
    int status = 200;
    sam::json body;
};

class Hub {
public:
    explicit Hub(Storage& storage) : storage_(storage) {}

    // The live workspace, loaded on first use; nullptr for an unknown id.
    Live* Get(const std::string& id);
    // Applies a JSON Patch made against revision `base` (see the README for the rules).
    Outcome Patch(const std::string& id, int64_t base, const sam::json& patch, const std::string& author);
    // Makes revision `revision`'s state the newest revision.
    Outcome Restore(const std::string& id, int64_t revision, const std::string& author);
    // Wakes every stream so that it ends (the server is stopping).
    void Stop();
    bool Stopping() const { return stopping_; }

    static constexpr int kMaxStreams = 250;       // per workspace
    static constexpr size_t kKeptChanges = 10000; // revisions a client may be behind and still rebase
    static constexpr int kSnapshotEvery = 50;

private:
    // Queues an applied change and waits until it is on disk (group commit: whoever finds
    // no batch being written writes everything queued, in one transaction).
    Outcome Commit(const std::string& id, Live& live, std::unique_lock<std::mutex>& lock, const sam::json& forward,
                   const std::string& author, const std::string& summary, const sam::json& inverse);

    Storage& storage_;
    std::mutex mu_;
    std::map<std::string, std::unique_ptr<Live>> live_;
    std::atomic<bool> stopping_{false};
};

// "/bodies/x/mandate/2" -> "/bodies/x/mandate": array positions shift under other edits,
// so two edits clash when they touch the same array.
std::string ClashPath(const std::string& pointer);
bool PathsClash(const std::string& a, const std::string& b);

}  // namespace server
