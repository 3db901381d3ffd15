// A server workspace's copy kept in this browser (web.h says why in two parts and where).
// The base's key in IndexedDB is "ID@REVISION": the line names the revision of its base, and
// a new base is stored beside the one the line on disk names, which goes only once another
// line names the new one. A closed tab leaves a pair that belongs together.
#include <emscripten.h>
#include <algorithm>
#include <cstdio>
#include "json_scan.h"
#include "web.h"

namespace web {

namespace {

Web* g_kept = nullptr;   // IndexedDB's answers come back through exported functions

// The line's file (and, from older versions, the base's file and the single file) in IDBFS.
std::string LinePath(const std::string& id) { return "/persist/ws-" + id + ".line.json"; }
std::string OldBasePath(const std::string& id) { return "/persist/ws-" + id + ".base.json"; }

EM_JS(void, js_kept_install, (), {
    // One database for the bases, opened once.
    window.samverkanBases = () => window.samverkanBasesDb || (window.samverkanBasesDb = new Promise((resolve, reject) => {
        const q = indexedDB.open('samverkan-bases', 1);
        q.onupgradeneeded = () => q.result.createObjectStore('bases');
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
    }));
});

EM_JS(void, js_base_begin, (int serial), { window.samverkanBaseParts = {serial: serial, parts: []}; });

// A slice copied into a Blob of its own (a few ms for 1 MB): the whole 46 MB at once took
// a quarter of a second of one task.
EM_JS(void, js_base_piece, (int serial, const char* data, int size), {
    const b = window.samverkanBaseParts;
    if (b && b.serial === serial) b.parts.push(new Blob([HEAPU8.subarray(data, data + size)]));
});

// The slices as one Blob (made of the others, not copied again) under ID@REVISION; the
// workspace's other bases go, but the one the kept line names.
EM_JS(void, js_base_commit, (int serial, const char* id, double revision, double line_base), {
    const b = window.samverkanBaseParts;
    window.samverkanBaseParts = null;
    if (!b || b.serial !== serial) return;
    const wid = UTF8ToString(id), key = wid + '@' + revision, keep = wid + '@' + line_base;
    const s = window.samverkan || (window.samverkan = {});
    s.storing = (s.storing || 0) + 1;
    const done = (ok) => { s.storing--; Module.ccall('samverkan_base_kept', null, ['number', 'number'], [serial, ok ? 1 : 0]); };
    window.samverkanBases().then((db) => {
        const tx = db.transaction('bases', 'readwrite');
        const store = tx.objectStore('bases');
        store.put(new Blob(b.parts), key);
        store.getAllKeys(IDBKeyRange.bound(wid + '@', wid + '@\uffff')).onsuccess = (e) => {
            for (const k of e.target.result) if (k !== key && k !== keep) store.delete(k);
        };
        tx.oncomplete = () => done(true);
        tx.onerror = tx.onabort = () => done(false);
    }).catch((e) => { console.warn('Samverkan: browser storage: ' + e); done(false); });
});

// The base ID@REVISION into the program's memory (samverkan_base_read takes it over), or nothing.
EM_JS(void, js_base_read, (const char* id, double revision), {
    const key = UTF8ToString(id) + '@' + revision;
    const give = (buf) => {
        if (!buf) return Module.ccall('samverkan_base_read', null, ['number', 'number'], [0, 0]);
        const p = _malloc(buf.byteLength + 1);
        if (!p) return Module.ccall('samverkan_base_read', null, ['number', 'number'], [0, 0]);
        HEAPU8.set(new Uint8Array(buf), p);
        Module.ccall('samverkan_base_read', null, ['number', 'number'], [p, buf.byteLength]);
    };
    window.samverkanBases()
        .then((db) => new Promise((resolve, reject) => {
            const q = db.transaction('bases').objectStore('bases').get(key);
            q.onsuccess = () => resolve(q.result);
            q.onerror = () => reject(q.error);
        }))
        .then((blob) => (blob ? blob.arrayBuffer() : null))
        .then(give, (e) => { console.warn('Samverkan: browser storage: ' + e); give(null); });
});

int g_serial = 0;

// A base given up for another (or for none: no storage, or no server link).
bool CanKeep(Web& w) {
    StopKeepBase(w);
    return w.storage_ready && w.server.linked;   // otherwise the first store writes it whole
}

// `head` comes from the sync state (SyncBaseHead: the line starts from it), so the caller
// asks CanKeep first.
void StartBase(Web& w, std::string head, std::string owned, std::string_view text) {
    auto b = std::make_unique<BaseWrite>();
    b->revision = w.server.sync.revision;
    b->head = std::move(head);
    b->owned = std::move(owned);
    b->text = b->owned.empty() ? text : std::string_view(b->owned);
    b->serial = ++g_serial;
    js_base_begin(b->serial);
    js_base_piece(b->serial, b->head.data(), (int)b->head.size());
    w.server.keeping = std::move(b);
}

}  // namespace

void InstallKeptCopy(Web& w) {
    g_kept = &w;
    js_kept_install();
}

bool LoadKeptWaiting(const std::string& id, sam::Sync& out) {
    std::string text;
    if (ReadText(LinePath(id), text)) return sam::SyncLoadWaiting(out, sam::ReadJson(text));
    return LoadStored(id, text) && sam::SyncLoadOffline(out, sam::ReadJson(text));
}

// The kept copy opened: followed from it, and the page told.
static bool OpenOffline(Web& w, const std::string& id, const std::string& token, sam::Sync kept) {
    SyncOffline(w, id, token, std::move(kept));
    if (!w.app.doc.open) return false;
    Opened(w, "server");
    return true;
}

bool OpenKept(Web& w, const std::string& id, const std::string& token) {
    std::string line, base;
    sam::Sync kept;
    if (ReadText(LinePath(id), line)) {
        if (ReadText(OldBasePath(id), base)) {   // kept by an older version, in IDBFS
            return sam::SyncLoadBaseAndLine(kept, base, sam::ReadJson(line)) && OpenOffline(w, id, token, std::move(kept));
        }
        sam::json j = sam::ReadJson(line);
        if (!j.is_object() || !j.contains("base_revision")) return false;
        w.server.reading_kept_id = id;
        w.server.reading_kept_token = token;
        js_base_read(id.c_str(), (double)sam::IntOf(j, "base_revision"));
        return true;
    }
    // An older version's single file.
    return LoadStored(id, base) && sam::SyncLoadOffline(kept, sam::ReadJson(base)) && OpenOffline(w, id, token, std::move(kept));
}

void KeepBase(Web& w, std::string_view state_text) {
    if (CanKeep(w)) StartBase(w, sam::SyncBaseHead(w.server.sync), {}, state_text);
}

void KeepBaseOwned(Web& w, std::string state_text) {
    if (CanKeep(w)) StartBase(w, sam::SyncBaseHead(w.server.sync), std::move(state_text), {});
}

void KeepBaseWhole(Web& w) {
    if (CanKeep(w)) StartBase(w, {}, sam::SyncSaveBase(w.server.sync), {});   // head, state and "}" in one
}

void StopKeepBase(Web& w) {
    if (!w.server.keeping) return;
    w.server.keeping.reset();   // IndexedDB's answer for it, if any, is for nobody now
    w.server.sync.base_kept = false;   // the line would name a base that is not there
}

void KeepBaseFrame(Web& w, double until) {
    BaseWrite* b = w.server.keeping.get();
    if (!b || b->handed) return;
    constexpr size_t kSlice = size_t(256) << 10;   // about a millisecond
    while (b->given < b->text.size()) {
        if (emscripten_get_now() >= until) return;
        size_t n = std::min(kSlice, b->text.size() - b->given);
        js_base_piece(b->serial, b->text.data() + b->given, (int)n);
        b->given += n;
    }
    if (!b->head.empty()) js_base_piece(b->serial, "}", 1);
    b->handed = true;
    b->owned.clear();
    b->owned.shrink_to_fit();
    b->text = {};
    js_base_commit(b->serial, w.server.id.c_str(), (double)b->revision, (double)w.server.line_base_revision);
}

void KeepLine(Web& w) {
    const std::string& id = w.server.id;
    WriteText(LinePath(id), sam::SyncSaveLine(w.server.sync).dump());
    w.server.line_base_revision = w.server.sync.revision - (int64_t)w.server.sync.since_base.size();
    std::remove(StoredPath(id).c_str());     // an older version's single file
    if (w.server.line_base_revision == w.server.stored_base_revision) std::remove(OldBasePath(id).c_str());   // and its base file
}

}  // namespace web

extern "C" {

// IndexedDB has stored a base (`ok`) or could not.
EMSCRIPTEN_KEEPALIVE void samverkan_base_kept(int serial, int ok) {
    using namespace web;
    if (!g_kept || !g_kept->server.keeping || g_kept->server.keeping->serial != serial) return;
    Server& s = g_kept->server;
    if (ok) {
        s.stored_base_revision = s.keeping->revision;
    } else {
        s.sync.base_kept = false;   // tried again in a minute: a whole base written out each time
        s.base_retry_at = emscripten_get_now() + 60000;   // would otherwise follow every store
    }
    s.keeping.reset();
    MarkDirty(*g_kept);                  // the line that names it
}

// A kept base read for an offline start (taken over; null when there is none).
EMSCRIPTEN_KEEPALIVE void samverkan_base_read(char* data, int size) {
    using namespace web;
    Bytes bytes(data);
    if (!g_kept || g_kept->server.reading_kept_id.empty()) return;
    Web& w = *g_kept;
    std::string id = w.server.reading_kept_id, token = w.server.reading_kept_token;
    w.server.reading_kept_id.clear();
    w.server.reading_kept_token.clear();
    if (w.server.linked) return;   // the server answered meanwhile
    std::string line;
    sam::Sync kept;
    if (!data || !ReadText(LinePath(id), line) ||
        !sam::SyncLoadBaseAndLine(kept, std::string_view(data, (size_t)size), sam::ReadJson(line))) {
        std::fprintf(stderr, "Samverkan: the copy kept in this browser could not be read\n");
        return;
    }
    OpenOffline(w, id, token, std::move(kept));
}

}  // extern "C"
