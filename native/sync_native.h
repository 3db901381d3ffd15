// The desktop app's link to a server: cpp-httplib for the state and for changes, and a
// thread that follows the workspace's events. The logic is core's (sync.h).
#pragma once
#include <atomic>
#include <deque>
#include <functional>
#include <future>
#include <tuple>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include "app.h"
#include "files.h"
#include "sync.h"

#include <httplib.h>

namespace native {

struct Link {
    std::string host;
    int port = 0;
    std::string id, token;
};
// "http://127.0.0.1:8080/#w=ID&t=TOKEN" (the link the server prints) -> Link.
bool ParseLink(const std::string& url, Link& out);
// The file name of a link's offline copy: "HOST_PORT_ID.json". It is kept in two files beside
// it, HOST_PORT_ID.base.json and .line.json (core/sync.h); a copy an older version kept in the
// one file is still read.
std::string CacheName(const Link& link);

class SyncClient {
public:
    SyncClient();
    ~SyncClient();
    // Where the workspace and the changes not yet sent are kept between runs.
    void SetCache(const std::string& path) { cache_path_ = path; }
    // Fetches the workspace, opens it in the app and starts following it. With no answer
    // from the server, opens the kept copy (if any) and keeps trying.
    bool Start(const Link& link, ui::App& app, std::string* error);
    // Writes what changed of the kept copy (the line; the base when due) on the writer's thread.
    void SaveCache();
    // On leaving: a start still reading its sync model is finished first, so that edits made
    // meanwhile are kept; then the copy is saved.
    void Close(ui::App& app);
    // Once per frame: applies others' changes, answers, and sends what waits.
    void Frame(ui::App& app);
    bool Idle() const;   // nothing waiting, nothing on its way
    int64_t Revision() const { return sync_.revision; }

private:
    // A GET on a thread of its own; `done` runs in Frame() with the status and body.
    using Done = std::function<void(ui::App&, int status, const std::string& body)>;
    void Ask(const std::string& path, Done done);
    httplib::Headers Headers() const;   // the link's token and the user's name
    void Send(const sam::json& patch, int64_t base);
    void Fetch();
    bool TakeState(ui::App& app, int status, const std::string& body);
    void Rebuild(ui::App& app);

    Link link_;
    sam::Sync sync_;
    mutable std::mutex mu_;
    std::deque<std::string> events_;                  // event data from the stream thread
    std::deque<std::pair<std::string, std::string>> notices_;   // "archived", "reset", "revoked" from the stream thread
    bool can_edit_ = true;                            // the link's own role
    std::deque<std::pair<int, std::string>> replies_; // status and body from the send thread
    std::optional<std::pair<int, std::string>> fetched_;  // the state, from the fetch thread
    struct Asker { std::thread thread; std::shared_ptr<std::atomic<bool>> finished; };
    std::deque<Asker> askers_;                        // Ask()'s threads, joined once finished and on exit
    std::deque<std::tuple<Done, int, std::string>> answers_;   // Ask()'s answers
    std::string author_;                              // X-Author (ui::AuthorHeader), kept from the last frame
    std::atomic<bool> stop_{false}, online_{false}, sending_{false}, fetching_{false};
    std::atomic<bool> stream_failed_{false};   // the stream ended or did not open: offline, not connecting
    std::unique_ptr<httplib::Client> stream_client_, fetch_client_;   // stopped on exit
    std::thread stream_, sender_, fetcher_;
    void StartStream(int64_t revision);

    double retry_at_ = 0;
    std::string cache_path_;
    bool cache_dirty_ = false;
    double cache_due_ = 0;
    std::string CachePart(const char* part) const;   // "base" or "line"
    bool LoadCache(sam::Sync& kept, bool whole);      // whole: the state too, else only what waits
    void KeepBase(std::string state_text);
    // Online, the model kept for sync is read from the server's text on a thread of its own
    // while the window shows the workspace (at national scale a copy of the app's model held
    // up the first frame for 0,7 s); following starts once it is there.
    struct Starting {
        int64_t revision = 0;
        std::string state;                       // the server's text, kept as the base after
        sam::Sync kept;                          // what waited in the kept copy
        std::future<sam::LoadResult> model;      // last: waited for before the text goes
    };
    std::unique_ptr<Starting> starting_;
    bool FinishStart(ui::App& app, bool follow = true);   // true once started (at once when not starting)
    bool old_copy_removed_ = false;
    BackgroundWriter writer_;                         // last: flushed after the threads above are joined
};

}  // namespace native
