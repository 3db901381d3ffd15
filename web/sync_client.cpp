// The web app's side of sync: fetch for changes and state, EventSource for others'
// changes. The logic is core's (sync.h); this file only moves bytes and reports.
#include <emscripten.h>
#include <cstdio>
#include "json_scan.h"
#include "sync_glue.h"
#include "web.h"

namespace web {

namespace {

Web* g_sync = nullptr;   // the page's callbacks come back through exported functions

EM_JS(void, js_stream_open, (const char* id, const char* token, double last, const char* author), {
    // Read now: the C strings need not outlive this call, and the handlers run later.
    const wid = UTF8ToString(id), tok = UTF8ToString(token);
    // The author is URL-encoded already (ui::AuthorHeader): others see it as present.
    const url = '/api/workspaces/' + encodeURIComponent(wid) + '/events?access_token=' + encodeURIComponent(tok) + '&last_event_id=' + last +
                '&author=' + UTF8ToString(author);
    if (window.samverkanStream) window.samverkanStream.close();
    const es = new EventSource(url);
    window.samverkanStream = es;
    es.addEventListener('hello', () => Module.ccall('samverkan_stream', null, ['number'], [1]));
    es.addEventListener('patch', (e) => Module.callText('samverkan_remote', null, ['string'], [e.data]));
    es.addEventListener('presentation', (e) => Module.callText('samverkan_presentation', null, ['string'], [e.data]));
    es.addEventListener('archived', (e) => Module.callText('samverkan_stream_notice', null, ['string', 'string'], ['archived', e.data]));
    es.addEventListener('presence', (e) => Module.callText('samverkan_stream_notice', null, ['string', 'string'], ['presence', e.data]));
    es.addEventListener('reset', () => Module.callText('samverkan_stream_notice', null, ['string', 'string'], ['reset', ""]));
    es.onerror = () => {
        Module.ccall('samverkan_stream', null, ['number'], [0]);
        // A stream that ends may mean a revoked link: asked cheaply, at most every 5 s. A
        // question held back is asked when the 5 s are over, not dropped: a stream refused
        // with 401 is closed for good and gives no second error to ask on.
        const ask = () => {
            window.samverkanAccessAsked = Date.now();
            fetch('/api/workspaces/' + encodeURIComponent(wid) + '/access', {headers: {'Authorization': 'Bearer ' + tok}})
                .then(r => r.text().then(body => Module.callText('samverkan_access', null, ['number', 'string'], [r.status, body])))
                .catch(() => {});
        };
        const wait = window.samverkanAccessAsked ? 5000 - (Date.now() - window.samverkanAccessAsked) : 0;
        if (wait <= 0) return ask();
        if (!window.samverkanAccessTimer)
            window.samverkanAccessTimer = setTimeout(() => { window.samverkanAccessTimer = 0; ask(); }, wait);
    };
});

// The link's page for its links, in a new tab (the token travels in the fragment, never to logs).
EM_JS(void, js_open_links, (const char* id, const char* token), {
    window.open('/admin#w=' + encodeURIComponent(UTF8ToString(id)) + '&t=' + encodeURIComponent(UTF8ToString(token)), '_blank', 'noopener');
});

// 16 random hex characters from the browser's generator: this copy's name in Idempotency-Keys.
EM_JS(void, js_random_hex, (char* out), {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    stringToUTF8(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''), out, 17);
});

EM_JS(void, js_send_patch, (const char* id, const char* token, double base, const char* patch, const char* author, const char* key), {
    const headers = {'Authorization': 'Bearer ' + UTF8ToString(token), 'If-Match': '"' + base + '"',
                     'Content-Type': 'application/json-patch+json'};
    const k = UTF8ToString(key);
    if (k) headers['Idempotency-Key'] = k;   // sent again after a lost answer: applied once
    const who = UTF8ToString(author);
    if (who) headers['X-Author'] = who;
    fetch('/api/workspaces/' + encodeURIComponent(UTF8ToString(id)), {
        method: 'PATCH',
        headers: headers,
        body: UTF8ToString(patch)})
        .then(r => r.text().then(body => Module.callText('samverkan_patch_result', null, ['number', 'string'], [r.status, body])))
        .catch(() => Module.callText('samverkan_patch_result', null, ['number', 'string'], [0, ""]));
});

EM_JS(void, js_fetch_state, (const char* id, const char* token), {
    fetch('/api/workspaces/' + encodeURIComponent(UTF8ToString(id)), {headers: {'Authorization': 'Bearer ' + UTF8ToString(token)}})
        .then(r => r.text().then(body => Module.callText('samverkan_state', null, ['number', 'string'], [r.status, body])))
        .catch(() => Module.callText('samverkan_state', null, ['number', 'string'], [0, ""]));
});

// A GET of the history or of one revision; the answer goes to samverkan_answer(kind, n, status, body).
EM_JS(void, js_ask, (const char* path, const char* token, const char* kind, double n), {
    const k = UTF8ToString(kind);
    fetch(UTF8ToString(path), {headers: {'Authorization': 'Bearer ' + UTF8ToString(token)}})
        .then(r => r.text().then(body => Module.callText('samverkan_answer', null, ['string', 'number', 'number', 'string'], [k, n, r.status, body])))
        .catch(() => Module.callText('samverkan_answer', null, ['string', 'number', 'number', 'string'], [k, n, 0, ""]));
});

// A document of the server's for this workspace (the token goes to a cookie by redirect).
EM_JS(void, js_open_document, (const char* path), {
    const a = document.createElement('a');
    a.href = UTF8ToString(path);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
});

// Who the user is, kept in this browser.
EM_JS(void, js_author_load, (), {
    let t = null;
    try { t = localStorage.getItem('samverkan.author'); } catch (e) {}
    if (t) Module.callText('samverkan_author', null, ['string'], [t]);
});
EM_JS(void, js_author_save, (const char* text), {
    try { localStorage.setItem('samverkan.author', UTF8ToString(text)); } catch (e) {}
});

EM_JS(void, js_sync_report, (double revision, int waiting, int online), {
    const s = window.samverkan || (window.samverkan = {});
    s.revision = revision;
    s.waiting = waiting;
    s.online = !!online;
});

void Rebuild(Web& w) {
    ui::ShowSyncState(w.app, w.server.sync);
    MarkDirty(w);
}

// Sends the next waiting change now, not at the next frame (a page in the background draws none).
void TrySend(Web& w) {
    Server& s = w.server;
    if (s.connecting || !w.app.conflict_text.empty() || emscripten_get_now() < s.retry_at || w.app.read_only || w.app.link_revoked) return;
    if (s.sync.client.empty()) {
        char hex[17] = {};
        js_random_hex(hex);
        s.sync.client = hex;
    }
    if (auto next = sam::SyncNext(s.sync))
        js_send_patch(s.id.c_str(), s.token.c_str(), (double)next->second, next->first.dump().c_str(), ui::AuthorHeader(w.app.author).c_str(),
                      sam::SyncChangeKey(s.sync, next->first).c_str());
}

}  // namespace

// Changes that waited in this browser (a closed tab, a reload while offline) go out first.
void RestoreWaiting(Web& w) {
    if (!w.storage_ready || w.restored || w.server.connecting) return;   // connecting: once it has started
    w.restored = true;
    sam::Sync saved;
    if (!LoadKeptWaiting(w.server.id, saved)) return;
    for (auto& p : saved.pending) sam::SyncLocalEdit(w.server.sync, p);
    if (!saved.client.empty()) {   // what waited keeps its keys
        w.server.sync.client = saved.client;
        w.server.sync.sent = saved.sent;
    }
    if (!saved.pending.empty()) Rebuild(w);
    TrySend(w);
}

namespace {

void OpenStream(Web& w, const std::string& id, const std::string& token, int64_t revision);

// The page is linked to a workspace on the server: its edits go there from now on.
void Link(Web& w, const std::string& id, const std::string& token) {
    g_sync = &w;
    w.server.linked = true;
    w.app.shared = true;
    w.server.id = id;
    w.server.token = token;
    w.app.platform.edited = [&w](const sam::json& forward) {
        sam::SyncLocalEdit(w.server.sync, forward);
        MarkDirty(w);
        TrySend(w);
    };
    w.app.platform.resolve_conflict = [&w](bool keep_mine) {
        w.app.conflict_text.clear();
        sam::SyncResolve(w.server.sync, keep_mine);
    };
    w.app.platform.open_links = [&w] { js_open_links(w.server.id.c_str(), w.server.token.c_str()); };
    w.app.platform.fetch_history = [&w] {
        std::string path = "/api/workspaces/" + w.server.id + "/history?lang=" + (w.app.lang == sam::Lang::En ? "en" : "sv");
        js_ask(path.c_str(), w.server.token.c_str(), "history", 0);
    };
    w.app.platform.fetch_revision = [&w](int64_t revision) {
        std::string path = "/api/workspaces/" + w.server.id + "?revision=" + std::to_string(revision);
        js_ask(path.c_str(), w.server.token.c_str(), "revision", (double)revision);
    };
    w.app.platform.export_xlsx = [&w] {
        std::string path = "/w/" + w.server.id + "/samverkan.xlsx?lang=" + (w.app.lang == sam::Lang::En ? "en" : "sv") +
                           (w.app.cost_year ? "&year=" + std::to_string(w.app.cost_year) : "") + "&access_token=" + w.server.token;
        js_open_document(path.c_str());
    };
    w.app.platform.author_changed = [&w] {
        sam::json j = {{"name", w.app.author.name}, {"organisation", w.app.author.organisation}, {"asked", w.app.author.asked}};
        js_author_save(j.dump().c_str());
        OpenStream(w, w.server.id, w.server.token, w.server.sync.revision);   // others see the new name
    };
    js_author_load();
}

void OpenStream(Web& w, const std::string& id, const std::string& token, int64_t revision) {
    w.server.stream_failed = false;   // connecting, until it opens or fails
    js_stream_open(id.c_str(), token.c_str(), (double)revision, ui::AuthorHeader(w.app.author).c_str());
}

// The status line, and what the tests read of it.
void ShowConnection(Web& w) {
    Server& s = w.server;
    bool connecting = s.connecting || (!s.stream_open && !s.stream_failed);
    ui::SetSyncText(w.app, s.sync, s.stream_open && emscripten_get_now() >= s.retry_at, connecting);
    js_sync_report((double)s.sync.revision, (int)sam::SyncWaiting(s.sync), s.stream_open ? 1 : 0);
}

}  // namespace

void SyncOffline(Web& w, const std::string& id, const std::string& token, sam::Sync kept) {
    Link(w, id, token);
    w.server.sync = std::move(kept);
    w.restored = true;   // the kept copy's waiting changes are in line already
    w.server.sync.needs_state = true;   // fetched again as soon as the server answers
    w.server.retry_at = emscripten_get_now() + 2000;
    Rebuild(w);
    OpenStream(w, id, token, w.server.sync.revision);
    w.server.stream_failed = true;   // the server did not answer: offline until the stream opens
}

void SyncConnect(Web& w, const std::string& id, const std::string& token, Bytes answer, std::string_view state, int64_t revision) {
    StopKeepBase(w);   // one begun for another answer
    w.server.connect_read.reset();
    w.server.reading_kept_id.clear();   // an offline start's kept base is not needed now
    Link(w, id, token);
    Server& s = w.server;
    s.connecting = true;
    s.connect_answer = std::move(answer);
    s.connect_state = state;
    s.connect_revision = revision;
    s.connect_frame = w.app.frames;
    ShowConnection(w);   // from the first frame: what the line says until the stream opens
}

namespace {

// The server's state read for sync (the app's model may have the user's edits by now): kept,
// what waited in this browser put in line, and the event stream opened.
void StartFollowing(Web& w) {
    Server& s = w.server;
    s.connecting = false;
    sam::LoadResult read = s.connect_read->Finish();
    s.connect_read.reset();
    sam::SyncStart(s.sync, std::move(read.workspace), s.connect_revision);
    if (!read.ok) s.sync.needs_state = true;   // the app read the same text: cannot be, but then asked again
    Mark("samverkan-confirmed");
    if (read.ok) KeepBase(w, s.connect_state);   // handed to IndexedDB a slice a frame (PersistFrame)
    RestoreWaiting(w);
    OpenStream(w, s.id, s.token, s.connect_revision);
}

// A step of following's start, until `until` (ms): the state read a slice at a time, then the
// browser's copy written; the answer given back once both are done. True when it is all done.
bool ConnectStep(Web& w, double until) {
    Server& s = w.server;
    if (s.connecting) {
        if (!s.connect_read) s.connect_read = std::make_unique<sam::SlicedLoad>(s.connect_state);
        while (!s.connect_read->Step(sam::kConnectSlice))
            if (emscripten_get_now() >= until) return false;
        StartFollowing(w);
    }
    if (s.keeping && !s.keeping->handed && s.keeping->owned.empty()) return false;   // the answer's text is still being handed over
    s.connect_state = {};
    s.connect_answer.reset();   // 46 MB at national scale: given back
    Mark("samverkan-kept");
    return true;
}

}  // namespace

void FinishConnecting(Web& w) {
    if (w.server.connecting || w.server.connect_answer) ConnectStep(w, 1e300);
}

void SyncFrame(Web& w) {
    Server& s = w.server;
    if (!s.linked) return;
    if (s.connecting || s.connect_answer) {
        // From the frame after the first one with the workspace: that one is on the screen by now.
        if (w.app.frames < s.connect_frame + 2) return;
        ConnectStep(w, w.background_until);   // an edit made meanwhile waits at most this
        if (s.connecting) return;
        ShowConnection(w);
    }
    if (s.sync.needs_state && !s.fetching && emscripten_get_now() >= s.retry_at) {
        s.fetching = true;
        js_fetch_state(s.id.c_str(), s.token.c_str());
    }
    TrySend(w);
    ShowConnection(w);
}

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE void samverkan_stream(int open) {
    if (!web::g_sync) return;
    web::g_sync->server.stream_open = open != 0;
    web::g_sync->server.stream_failed = open == 0;
}

EMSCRIPTEN_KEEPALIVE void samverkan_remote(const char* data) {
    using namespace web;
    if (!g_sync) return;
    if (ui::TakeSyncEvent(g_sync->app, g_sync->server.sync, data)) Rebuild(*g_sync);
    else MarkDirty(*g_sync);
    // Report at once: a page in the background draws no frames.
    js_sync_report((double)g_sync->server.sync.revision, (int)sam::SyncWaiting(g_sync->server.sync), g_sync->server.stream_open ? 1 : 0);
}

EMSCRIPTEN_KEEPALIVE void samverkan_patch_result(int status, const char* body) {
    using namespace web;
    if (!g_sync) return;
    Web& w = *g_sync;
    bool retry = false;
    bool rebuild = ui::TakeSyncAnswer(w.app, w.server.sync, status, body, &retry);
    if (!w.app.conflict_text.empty()) return;   // waits for the user's answer, in flight
    MarkDirty(w);
    if (retry) w.server.retry_at = emscripten_get_now() + 2000;
    if (rebuild) Rebuild(w);
    TrySend(w);
}

// "archived" and "reset" from the stream.
EMSCRIPTEN_KEEPALIVE void samverkan_stream_notice(const char* kind, const char* data) {
    using namespace web;
    if (!g_sync) return;
    Web& w = *g_sync;
    if (std::string(kind) == "archived") ui::TakeArchived(w.app, data, w.server.can_edit);
    else if (std::string(kind) == "presence") ui::TakePresence(w.app, data);
    else if (std::string(kind) == "reset") w.server.sync.needs_state = true;   // the history was rewritten (an erasure)
    MarkDirty(w);
}

// Historik's answers (js_ask).
EMSCRIPTEN_KEEPALIVE void samverkan_answer(const char* kind, double n, int status, const char* body) {
    using namespace web;
    if (!g_sync) return;
    if (std::string(kind) == "history") ui::TakeHistory(g_sync->app, status, body);
    else ui::TakeRevision(g_sync->app, (int64_t)n, status, body);
    MarkDirty(*g_sync);
}

// Who the user is, as this browser kept it.
EMSCRIPTEN_KEEPALIVE void samverkan_author(const char* text) {
    using namespace web;
    if (!g_sync) return;
    sam::json j = sam::ReadJson(text);
    g_sync->app.author = {sam::TextOf(j, "name"), sam::TextOf(j, "organisation"), sam::BoolOf(j, "asked")};
}

// The answer to "what does my link open now?" after the stream broke off.
EMSCRIPTEN_KEEPALIVE void samverkan_access(int status, const char* body) {
    using namespace web;
    if (!g_sync) return;
    sam::json j = sam::ReadJson(body);
    if (status == 401 || status == 200) ui::TakeAccess(g_sync->app, status, j);
    MarkDirty(*g_sync);
}

EMSCRIPTEN_KEEPALIVE void samverkan_state(int status, const char* body) {
    using namespace web;
    if (!g_sync) return;
    Web& w = *g_sync;
    w.server.fetching = false;
    std::string state;
    if (ui::TakeSyncState(w.app, w.server.sync, status, body, &state)) KeepBaseOwned(w, std::move(state));   // not written out again
    else if (status != 401) w.server.retry_at = emscripten_get_now() + 2000;
    MarkDirty(w);
}

}  // extern "C"
