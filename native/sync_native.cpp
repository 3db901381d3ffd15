#include "sync_native.h"

#include <cstring>

#include "json_scan.h"
#include "sync_glue.h"

#include <httplib.h>
#include <GLFW/glfw3.h>
#include <filesystem>
#include <random>
#include "files.h"

namespace native {

using sam::json;

bool ParseLink(const std::string& url, Link& out) {
    const std::string scheme = "http://";
    if (url.rfind(scheme, 0) != 0) return false;
    size_t host_end = url.find_first_of(":/#", scheme.size());
    out.host = url.substr(scheme.size(), host_end == std::string::npos ? std::string::npos : host_end - scheme.size());
    out.port = 80;
    if (host_end != std::string::npos && url[host_end] == ':') out.port = std::atoi(url.c_str() + host_end + 1);
    size_t hash = url.find('#');
    if (hash == std::string::npos) return false;
    std::string frag = url.substr(hash + 1);
    for (size_t at = 0; at < frag.size();) {
        size_t amp = frag.find('&', at);
        std::string kv = frag.substr(at, amp == std::string::npos ? std::string::npos : amp - at);
        if (kv.rfind("w=", 0) == 0) out.id = kv.substr(2);
        if (kv.rfind("t=", 0) == 0) out.token = kv.substr(2);
        if (amp == std::string::npos) break;
        at = amp + 1;
    }
    return !out.host.empty() && out.port > 0 && !out.id.empty() && !out.token.empty();
}

std::string CacheName(const Link& link) {
    std::string host;
    for (char c : link.host) host += (std::isalnum((unsigned char)c) || c == '.' || c == '-') ? c : '_';
    return host + "_" + std::to_string(link.port) + "_" + link.id + ".json";
}

SyncClient::SyncClient() = default;

std::string SyncClient::CachePart(const char* part) const {
    std::string path = cache_path_;
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) path.resize(path.size() - 5);
    return path + "." + part + ".json";
}

bool SyncClient::LoadCache(sam::Sync& kept, bool whole) {
    if (cache_path_.empty()) return false;
    std::string line, base;
    if (ReadFile(CachePart("line"), line, nullptr)) {
        if (!whole) return sam::SyncLoadWaiting(kept, sam::ReadJson(line));
        if (ReadFile(CachePart("base"), base, nullptr) && sam::SyncLoadBaseAndLine(kept, base, sam::ReadJson(line))) return true;
    }
    return ReadFile(cache_path_, base, nullptr) && sam::SyncLoadOffline(kept, sam::ReadJson(base));   // kept by an older version
}

// The server's state as it sent it becomes the base: no 46 MB written out again on this thread.
void SyncClient::KeepBase(std::string state_text) {
    if (cache_path_.empty()) return;
    std::vector<std::string> pieces;
    pieces.push_back(sam::SyncBaseHead(sync_));
    pieces.push_back(std::move(state_text));
    pieces.push_back("}");
    writer_.Put(CachePart("base"), std::move(pieces));
    cache_dirty_ = true;   // the line that goes with it
}

void SyncClient::SaveCache() {
    if (cache_path_.empty() || starting_) return;   // the copy kept before stays whole until following starts
    if (sam::SyncBaseDue(sync_)) writer_.Put(CachePart("base"), sam::SyncSaveBase(sync_));
    writer_.Put(CachePart("line"), sam::SyncSaveLine(sync_).dump());
    if (!old_copy_removed_) {   // the pair replaces a copy an older version kept in one file
        std::error_code ec;
        if (std::filesystem::exists(cache_path_, ec)) {
            writer_.Flush();
            std::filesystem::remove(cache_path_, ec);
        }
        old_copy_removed_ = true;
    }
    cache_dirty_ = false;
}

SyncClient::~SyncClient() {
    stop_ = true;
    if (stream_client_) stream_client_->stop();
    if (fetch_client_) fetch_client_->stop();   // a silent network does not hold up the exit
    if (stream_.joinable()) stream_.join();
    if (sender_.joinable()) sender_.join();
    if (fetcher_.joinable()) fetcher_.join();
    for (auto& a : askers_) if (a.thread.joinable()) a.thread.join();
}

httplib::Headers SyncClient::Headers() const {
    std::lock_guard lock(mu_);
    // Compressed: the server keeps each state deflated, and 46 MB plain took it 0,5 s to write.
    httplib::Headers h{{"Authorization", "Bearer " + link_.token}, {"Accept-Encoding", "gzip"}};
    if (!author_.empty()) h.emplace("X-Author", author_);
    return h;
}

void SyncClient::Ask(const std::string& path, Done done) {
    httplib::Headers headers = Headers();
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::thread t([this, path, headers, finished, done = std::move(done)] {
        httplib::Client c(link_.host, link_.port);
        c.set_connection_timeout(5, 0);
        c.set_read_timeout(30, 0);
        auto r = c.Get(path, headers);
        std::lock_guard lock(mu_);
        answers_.emplace_back(done, r ? r->status : 0, r ? r->body : std::string());
        *finished = true;
        glfwPostEmptyEvent();   // the window may be asleep (native/main.cpp)
    });
    askers_.push_back({std::move(t), finished});
}

bool SyncClient::Start(const Link& link, ui::App& app, std::string* error) {
    link_ = link;
    author_ = ui::AuthorHeader(app.author);
    httplib::Client c(link.host, link.port);
    c.set_connection_timeout(5, 0);
    auto r = c.Get("/api/workspaces/" + link.id, {{"Authorization", "Bearer " + link.token}, {"Accept-Encoding", "gzip"}});
    sam::Sync kept;   // online, only what waits is read from the kept copy
    bool have_cache = LoadCache(kept, !r);
    auto hooks = [this, &app] {
        app.shared = true;
        app.platform.edited = [this](const json& forward) { sam::SyncLocalEdit(sync_, forward); cache_dirty_ = true; };
        app.platform.workspace_changed = [this] { cache_dirty_ = true; };
        app.platform.resolve_conflict = [this, &app](bool keep_mine) {
            app.conflict_text.clear();
            sam::SyncResolve(sync_, keep_mine);
        };
        app.platform.fetch_history = [this, &app] {
            Ask("/api/workspaces/" + link_.id + "/history?lang=" + (app.lang == sam::Lang::En ? "en" : "sv"),
                [](ui::App& a, int status, const std::string& body) { ui::TakeHistory(a, status, body); });
        };
        app.platform.fetch_revision = [this](int64_t revision) {
            Ask("/api/workspaces/" + link_.id + "?revision=" + std::to_string(revision),
                [revision](ui::App& a, int status, const std::string& body) { ui::TakeRevision(a, revision, status, body); });
        };
    };
    if (!r) {
        std::string why = "the server at " + link.host + ":" + std::to_string(link.port) + " does not answer";
        if (!have_cache) { if (error) *error = why + " (and there is no copy kept from an earlier run)"; return false; }
        // Offline: the kept copy with its waiting changes; the state is fetched when the server answers.
        sync_ = std::move(kept);
        sync_.needs_state = true;
        sam::LoadResult local;
        local.ok = true;
        local.workspace = sam::SyncLocalState(sync_);
        if (!ui::OpenLoaded(app, std::move(local), "server", error)) return false;
        app.status = sam::Tr(app.lang, "ui.offline_copy");
        hooks();
        StartStream(sync_.revision);
        return true;
    }
    json body;
    std::string state;
    if (r->status != 200 || !sam::SplitStateAnswer(r->body, body, state)) {
        if (error) *error = sam::TextOf(sam::ReadJson(r->body), "message", "HTTP " + std::to_string(r->status));
        return false;
    }
    if (!ui::OpenWorkspaceText(app, state, "server", error)) return false;
    ui::TakeAccess(app, 200, body);
    can_edit_ = sam::TextOf(body, "access") == "admin" || (body.contains("link") && sam::TextOf(body["link"], "role") == "edit");
    auto starting = std::make_unique<Starting>();
    starting->revision = sam::IntOf(body, "revision");
    starting->state = std::move(state);
    if (have_cache) starting->kept = std::move(kept);
    Starting* st = starting.get();
    starting->model = std::async(std::launch::async, [st] { return sam::LoadWorkspace(st->state); });
    starting_ = std::move(starting);
    hooks();
    return true;
}

void SyncClient::Close(ui::App& app) {
    if (starting_) {
        starting_->model.wait();
        FinishStart(app, false);
    }
    SaveCache();
}

bool SyncClient::FinishStart(ui::App& app, bool follow) {
    if (!starting_) return true;
    if (starting_->model.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    std::unique_ptr<Starting> st = std::move(starting_);
    sam::LoadResult model = st->model.get();
    // Edits made meanwhile wait behind those kept from an earlier run that never reached the server.
    std::deque<json> meanwhile = std::move(sync_.pending);
    sync_.pending.clear();
    sam::SyncStart(sync_, model.ok ? std::move(model.workspace) : app.doc.ws, st->revision);   // the same text the app read
    KeepBase(std::move(st->state));
    for (auto& p : st->kept.pending) sam::SyncLocalEdit(sync_, p);
    if (!st->kept.pending.empty() && !st->kept.client.empty()) {   // what waited keeps its keys
        sync_.client = st->kept.client;
        sync_.sent = st->kept.sent;
    }
    for (auto& p : meanwhile) sam::SyncLocalEdit(sync_, p);
    if (!st->kept.pending.empty()) Rebuild(app);
    cache_dirty_ = true;
    if (follow) StartStream(st->revision);
    return true;
}

void SyncClient::StartStream(int64_t revision) {
    // Follow the events from this revision on; reconnect after a pause when the stream ends.
    stream_client_ = std::make_unique<httplib::Client>(link_.host, link_.port);
    stream_client_->set_read_timeout(60, 0);
    stream_ = std::thread([this, revision] {
        int64_t last = revision;
        while (!stop_) {
            std::string buffer;
            httplib::Headers headers = Headers();
            headers.emplace("Last-Event-ID", std::to_string(last));
            auto answer = stream_client_->Get("/api/workspaces/" + link_.id + "/events", headers,
                                [&](const char* data, size_t n) {
                                    buffer.append(data, n);
                                    size_t end;
                                    while ((end = buffer.find("\n\n")) != std::string::npos) {
                                        std::string ev = buffer.substr(0, end);
                                        buffer.erase(0, end + 2);
                                        if (ev.find("event: hello") != std::string::npos) { online_ = true; stream_failed_ = false; }
                                        glfwPostEmptyEvent();   // news for the window
                                        for (const char* kind : {"archived", "reset", "presence"}) {
                                            size_t k = ev.find(std::string("event: ") + kind + "\ndata: ");
                                            if (k == std::string::npos) continue;
                                            std::lock_guard lock(mu_);
                                            notices_.push_back({kind, ev.substr(k + 14 + std::strlen(kind))});
                                        }
                                        size_t d = ev.find("event: patch\ndata: ");
                                        if (d == std::string::npos) continue;
                                        if (ev.rfind("id: ", 0) == 0) last = std::atoll(ev.c_str() + 4);
                                        std::lock_guard lock(mu_);
                                        events_.push_back(ev.substr(d + 19));
                                    }
                                    return !stop_.load();
                                });
            online_ = false;
            stream_failed_ = true;
            if (answer && answer->status == 401) {   // the link was revoked or rotated
                std::lock_guard lock(mu_);
                notices_.push_back({"revoked", ""});
            }
            glfwPostEmptyEvent();   // offline now
            for (int i = 0; i < 20 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

// 16 random hex characters: this copy's name in Idempotency-Keys.
static std::string RandomHex() {
    std::random_device rd;
    std::string out;
    for (int i = 0; i < 16; ++i) out += "0123456789abcdef"[rd() & 15];
    return out;
}

void SyncClient::Send(const json& patch, int64_t base) {
    if (sender_.joinable()) sender_.join();
    sending_ = true;
    if (sync_.client.empty()) sync_.client = RandomHex();
    sender_ = std::thread([this, text = patch.dump(), base, key = sam::SyncChangeKey(sync_, patch)] {
        httplib::Client c(link_.host, link_.port);
        c.set_connection_timeout(5, 0);
        httplib::Headers headers = Headers();
        headers.emplace("If-Match", "\"" + std::to_string(base) + "\"");
        headers.emplace("Idempotency-Key", key);   // sent again after a lost answer: applied once
        auto r = c.Patch("/api/workspaces/" + link_.id, headers, text, "application/json-patch+json");
        std::lock_guard lock(mu_);
        replies_.push_back(r ? std::make_pair(r->status, r->body) : std::make_pair(0, std::string()));
        sending_ = false;
        glfwPostEmptyEvent();
    });
}

// The workspace asked for again (after starting offline, or a gap in the events) on a
// thread of its own: a network that swallows packets must not freeze the window.
void SyncClient::Fetch() {
    if (fetcher_.joinable()) fetcher_.join();
    fetching_ = true;
    fetch_client_ = std::make_unique<httplib::Client>(link_.host, link_.port);
    fetch_client_->set_connection_timeout(5, 0);
    fetcher_ = std::thread([this] {
        auto r = fetch_client_->Get("/api/workspaces/" + link_.id, {{"Authorization", "Bearer " + link_.token}, {"Accept-Encoding", "gzip"}});
        std::lock_guard lock(mu_);
        fetched_ = r ? std::make_pair(r->status, r->body) : std::make_pair(0, std::string());
        fetching_ = false;
        glfwPostEmptyEvent();
    });
}

bool SyncClient::TakeState(ui::App& app, int status, const std::string& text) {
    std::string state;
    if (!ui::TakeSyncState(app, sync_, status, text, &state)) return false;   // changes made meanwhile stay waiting
    KeepBase(std::move(state));
    return true;
}

void SyncClient::Rebuild(ui::App& app) { ui::ShowSyncState(app, sync_); }

void SyncClient::Frame(ui::App& app) {
    if (!FinishStart(app)) return;
    std::deque<std::string> events;
    std::deque<std::pair<int, std::string>> replies;
    std::optional<std::pair<int, std::string>> fetched;
    std::deque<std::pair<std::string, std::string>> notices;
    std::deque<std::tuple<Done, int, std::string>> answers;
    {
        std::lock_guard lock(mu_);
        author_ = ui::AuthorHeader(app.author);
        answers.swap(answers_);
        notices.swap(notices_);
        events.swap(events_);
        replies.swap(replies_);
        fetched.swap(fetched_);
    }
    for (auto& [kind, data] : notices) {
        if (kind == "archived") ui::TakeArchived(app, data, can_edit_);
        else if (kind == "reset") sync_.needs_state = true;   // the history was rewritten (an erasure)
        else if (kind == "revoked") app.link_revoked = app.read_only = true;
        else if (kind == "presence") ui::TakePresence(app, data);
    }
    for (auto& [done, status, body] : answers) done(app, status, body);
    for (auto it = askers_.begin(); it != askers_.end();) {
        if (!*it->finished) { ++it; continue; }
        it->thread.join();
        it = askers_.erase(it);
    }
    bool rebuild = false;
    for (auto& [status, body] : replies) {
        bool retry = false;
        rebuild |= ui::TakeSyncAnswer(app, sync_, status, body, &retry);
        if (retry) retry_at_ = glfwGetTime() + 2;
    }
    for (auto& data : events) rebuild |= ui::TakeSyncEvent(app, sync_, data);
    if (rebuild) Rebuild(app);
    if (rebuild || !replies.empty() || !events.empty()) cache_dirty_ = true;
    if (fetched && !TakeState(app, fetched->first, fetched->second)) retry_at_ = glfwGetTime() + 2;
    if (cache_dirty_ && glfwGetTime() >= cache_due_) {
        SaveCache();
        cache_due_ = glfwGetTime() + 0.5;
    }
    if (sync_.needs_state && !fetching_ && !fetched && glfwGetTime() >= retry_at_ && !app.link_revoked) Fetch();
    if (!sending_ && app.conflict_text.empty() && !app.read_only && !app.link_revoked && glfwGetTime() >= retry_at_)
        if (auto next = sam::SyncNext(sync_)) Send(next->first, next->second);
    ui::SetSyncText(app, sync_, online_ && glfwGetTime() >= retry_at_, !online_ && !stream_failed_);
}

bool SyncClient::Idle() const { return !starting_ && sam::SyncWaiting(sync_) == 0 && !sending_ && !sync_.in_flight; }

}  // namespace native
