// The browser's services for the app: the workspace kept in IndexedDB (IDBFS) so that a
// reload, a closed tab or a lost network loses nothing; files up and down; the system
// clipboard; full screen; and the presenter's slide sent to followers.
#include <emscripten.h>
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <cstdio>
#include "json_io.h"
#include "json_scan.h"
#include "web.h"

namespace web {

EM_JS(void, js_mark, (const char* name), { performance.mark(UTF8ToString(name)); });
void Mark(const char* name) { js_mark(name); }


namespace {

Web* g_platform = nullptr;

// The bytes as they are: UTF8ToString would drop the CSV's byte order mark, and Excel then
// reads å, ä and ö as Windows-1252.
EM_JS(void, js_download, (const char* name, const char* data, int size, const char* type), {
    const blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(type)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

// A click on "Open" counts as the user's gesture for the file dialog for a few seconds.
EM_JS(void, js_pick_file, (const char* accept), {
    let input = document.getElementById('samverkan-file');
    if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'samverkan-file';
        input.style.display = 'none';
        input.addEventListener('change', () => {
            const f = input.files[0];
            if (!f) return;
            // The file's bytes, not text: core tells UTF-8 from Windows-1252 (Swedish Excel's CSV).
            f.arrayBuffer().then(buf => {
                const bytes = new Uint8Array(buf);
                const p = _malloc(bytes.length + 1);
                HEAPU8.set(bytes, p);
                HEAPU8[p + bytes.length] = 0;
                try { Module.callText('samverkan_file_opened', null, ['string', 'number', 'number'], [f.name, p, bytes.length]); }
                finally { _free(p); }
            });
            input.value = "";
        });
        document.body.appendChild(input);
    }
    input.accept = UTF8ToString(accept);
    input.click();
});

// Text that arrives without key presses (input methods, on-screen keyboards, dictation, a
// script's insertText) reaches only an editable element: the field's own <input> in the
// screen reader's mirror (web/mirror.js), or else a hidden text area, focused while ImGui
// edits text, hands such text to ImGui. What key presses already typed is not sent twice.
EM_JS(void, js_install_text_input, (), {
    const ta = document.createElement('textarea');
    ta.id = 'samverkan-text-input';
    ta.setAttribute('aria-hidden', 'true');
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.spellcheck = false;
    ta.tabIndex = -1;
    ta.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;resize:none;';
    document.body.appendChild(ta);
    let typed = '';   // characters GLFW already took from keypress events
    window.addEventListener('keypress', (e) => { if (!e.ctrlKey && !e.metaKey && e.charCode >= 32) typed += String.fromCharCode(e.charCode); }, true);
    const send = (text) => { if (text) Module.callText('samverkan_text_input', null, ['string'], [text]); };
    // The mirror's field keeps what it shows (ImGui's text, with the same keys applied); the
    // hidden text area is emptied after each input.
    const ours = (el) => el === ta || (el && el.tagName === 'INPUT' && el.closest && el.closest('#a11y-mirror'));
    document.addEventListener('input', (e) => {
        if (!ours(e.target)) return;
        if (e.isComposing || e.inputType === 'insertCompositionText') return;   // its end comes as compositionend
        if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText' || e.inputType === 'insertFromDictation') {
            const data = e.data || '';
            if (typed && data === typed.slice(0, data.length)) typed = typed.slice(data.length);
            else { typed = ''; send(data); }
        }
        if (e.target === ta) ta.value = '';
    }, true);
    document.addEventListener('compositionend', (e) => {
        if (!ours(e.target)) return;
        send(e.data);
        if (e.target === ta) ta.value = '';
        typed = '';
    }, true);
    window.samverkanTextInput = ta;
});

// Keeps the field's mirror <input> (or else the hidden text area) focused exactly while a
// text field is being edited.
EM_JS(void, js_text_focus, (int editing), {
    const ta = window.samverkanTextInput;
    if (!ta) return;
    const target = (Module.mirrorTextTarget && Module.mirrorTextTarget()) || ta;
    if (editing && document.activeElement !== target) target.focus({ preventScroll: true });
    else if (!editing && document.activeElement === ta) Module.canvas.focus({ preventScroll: true });
});

EM_JS(void, js_clipboard_write, (const char* text), {
    const t = UTF8ToString(text);
    window.samverkanClipboard = t;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(() => {});
});

EM_JS(void, js_fullscreen, (int on), {
    if (on && !document.fullscreenElement && document.documentElement.requestFullscreen)
        document.documentElement.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
});

EM_JS(void, js_send_presentation, (const char* id, const char* token, int active, int slide, const char* what_if), {
    fetch('/api/workspaces/' + encodeURIComponent(UTF8ToString(id)) + '/presentation', {
        method: 'POST',
        headers: {'Authorization': 'Bearer ' + UTF8ToString(token), 'Content-Type': 'application/json'},
        body: JSON.stringify({active: !!active, slide: slide, what_if: JSON.parse(UTF8ToString(what_if))})}).catch(() => {});
});

// The page's own key handling: F5 must present, not reload; Ctrl+V's text comes from the
// paste event (the only way a page reads the system clipboard without asking).
EM_JS(void, js_install_page_hooks, (), {
    window.addEventListener('keydown', (e) => {
        if (e.key === 'F5' || ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'o' || e.key === 'f'))) e.preventDefault();
    }, true);
    document.addEventListener('paste', (e) => {
        const t = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
        window.samverkanClipboard = t;
        Module.callText('samverkan_paste', null, ['string'], [t]);
    });
    window.addEventListener('pagehide', () => Module.ccall('samverkan_flush', null, [], []));
    document.addEventListener('visibilitychange', () => { if (document.hidden) Module.ccall('samverkan_flush', null, [], []); });
});

// window.samverkan.storing counts the writes still under way, so a page (and the tests) can
// tell when what it sees is kept.
EM_JS(void, js_persist_sync, (), {
    const s = window.samverkan || (window.samverkan = {});
    s.storing = (s.storing || 0) + 1;
    FS.syncfs(false, (err) => {
        s.storing--;
        if (err) console.warn('Samverkan: browser storage: ' + err);
    });
});

EM_JS(void, js_publish_store_dirty, (int dirty), {
    (window.samverkan || (window.samverkan = {})).storeDirty = !!dirty;
});

EM_JS(void, js_publish_rects, (const char* json, const char* what_if), {
    const s = window.samverkan || (window.samverkan = {});
    s.rects = JSON.parse(UTF8ToString(json));
    s.whatIf = JSON.parse(UTF8ToString(what_if));
});

EM_JS(void, js_publish_state, (int presenting, int slide, const char* lang, int view), {
    const s = window.samverkan || (window.samverkan = {});
    s.presenting = !!presenting;
    s.slide = slide;
    s.lang = UTF8ToString(lang);
    s.view = view;
});

std::string g_paste;   // the last text pasted into the page

const char* GetClipboard(void*) { return g_paste.c_str(); }
void SetClipboard(void*, const char* text) {
    g_paste = text;
    js_clipboard_write(text);
}

}  // namespace

// C stdio, not <fstream>: iostreams would add their locale machinery to the program.
bool ReadText(const std::string& path, std::string& out) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    out.clear();
    char buf[16384];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    bool ok = !std::ferror(f);
    std::fclose(f);
    return ok;
}

// Written beside, then renamed over: a failed write leaves the last good copy.
void WriteText(const std::string& path, const std::string& text) {
    std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return;
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    if (ok) std::rename(tmp.c_str(), path.c_str());
    else std::remove(tmp.c_str());
}

std::string StoredPath(const std::string& workspace_id) {
    return workspace_id.empty() ? "/persist/local.json" : "/persist/ws-" + workspace_id + ".json";
}

bool LoadStored(const std::string& workspace_id, std::string& text) { return ReadText(StoredPath(workspace_id), text); }

void MarkDirty(Web& w) { w.store_dirty = true; }

// Writes the open workspace (and, when linked, its sync state with the waiting changes)
// into IDBFS at most every 300 ms, and at once when the page is hidden. A linked workspace's
// base goes to IndexedDB on its own (kept_copy.cpp), a slice a frame.
static void PersistStep(Web& w, bool now) {
    // Hidden while following starts: the rest of it at once, so that what waits is kept.
    if (now) FinishConnecting(w);
    double t = emscripten_get_now();
    KeepBaseFrame(w, now ? 1e300 : w.background_until);
    // Connecting: no state to keep yet. A base on its way: the line that names it waits for it,
    // unless the page is being hidden (then the waiting changes matter more).
    if (!w.store_dirty || !w.storage_ready || !w.app.doc.open || w.server.connecting || (w.server.keeping && !now)) return;
    if (!now && t - w.stored_at < 300) return;
    if (w.server.linked) {
        if (sam::SyncBaseDue(w.server.sync) && !w.server.keeping && t >= w.server.base_retry_at) {   // the line waits for it
            KeepBaseWhole(w);
            if (!now) return;
            KeepBaseFrame(w, 1e300);
        }
        KeepLine(w);
    } else {
        WriteText(StoredPath(""), sam::SaveWorkspace(w.app.doc.ws, false));
    }
    js_persist_sync();
    w.store_dirty = false;
    w.stored_at = t;
}

void PersistFrame(Web& w, bool now) {
    PersistStep(w, now);
    js_publish_store_dirty(w.store_dirty ? 1 : 0);
}

void TextInputFrame() { js_text_focus(ImGui::GetIO().WantTextInput ? 1 : 0); }

// ImGui 1.86 drops the characters a frame brings while Ctrl is down (they would be a
// shortcut's), and a shortcut's Ctrl stays down until a frame has seen its key: text given
// right after Ctrl+A (dictation, a script's insertText, a letter typed) waits for a frame
// without it.
void TextWaitingIntoFrame(Web& w) {
    ImGuiIO& io = ImGui::GetIO();
    if (w.text_waiting.empty() || (io.KeyCtrl && !io.KeyAlt)) return;   // ImGui's own rule (AltGr is Ctrl+Alt)
    io.AddInputCharactersUTF8(w.text_waiting.c_str());
    w.text_waiting.clear();
}

// Characters typed go into the queue of text given without key presses, so that both reach
// ImGui in the order they came ("Åsa" typed by a script: Å without a key, then s and a).
static void QueueTypedChar(GLFWwindow*, unsigned int c) {
    char utf8[5];
    if (g_platform) g_platform->text_waiting += ImTextCharToUtf8(utf8, c);
}

void InstallPlatform(Web& w) {
    g_platform = &w;
    glfwSetCharCallback(w.window, QueueTypedChar);   // in place of ImGui's backend's
    js_install_page_hooks();
    InstallKeptCopy(w);
    js_install_text_input();
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = GetClipboard;
    io.SetClipboardTextFn = SetClipboard;
    ui::Platform& p = w.app.platform;
    p.checks_between_frames = true;   // main.cpp's Loop: ui::ContinueBetweenFrames
    p.save_file = [](const std::string& name, const std::string& text) {
        const char* type = name.size() > 4 && name.substr(name.size() - 4) == ".csv" ? "text/csv;charset=utf-8"
                         : name.size() > 3 && name.substr(name.size() - 3) == ".md" ? "text/markdown;charset=utf-8"
                         : name.size() > 5 && name.substr(name.size() - 5) == ".html" ? "text/html;charset=utf-8"
                         : "application/json";
        js_download(name.c_str(), text.data(), (int)text.size(), type);
    };
    p.open_file = [](const std::string& accept) { js_pick_file(accept.c_str()); };
    p.workspace_changed = [&w] { MarkDirty(w); };
    p.set_fullscreen = [](bool on) { js_fullscreen(on ? 1 : 0); };
    p.presentation_changed = [&w](bool active, int slide) {
        if (w.server.linked && !w.app.read_only)
            js_send_presentation(w.server.id.c_str(), w.server.token.c_str(), active ? 1 : 0, slide, ui::WhatIfJson(w.app).dump().c_str());
    };
}

void PublishFrame(Web& w) {
    js_publish_state(w.app.presenting ? 1 : 0, w.app.slide, w.app.lang == sam::Lang::Sv ? "sv" : "en", (int)w.app.view);
    if (!w.app.test_mode) return;
    sam::json rects = sam::json::object();
    for (const ui::WidgetRect& r : w.app.rects) rects[r.name] = {r.x, r.y, r.w, r.h};
    js_publish_rects(rects.dump().c_str(), ui::WhatIfJson(w.app).dump().c_str());
}

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE void samverkan_file_opened(const char* name, const char* data, int size) {
    if (web::g_platform) ui::FileOpened(web::g_platform->app, name, std::string(data, (size_t)size));
}

EMSCRIPTEN_KEEPALIVE void samverkan_paste(const char* text) { web::g_paste = text; }

// Text from the hidden text area (composition, insertText): into the field being edited.
EMSCRIPTEN_KEEPALIVE void samverkan_text_input(const char* text) {
    if (web::g_platform) web::g_platform->text_waiting += text;
}

EMSCRIPTEN_KEEPALIVE void samverkan_flush() {
    if (web::g_platform) web::PersistFrame(*web::g_platform, true);
}

// Follow mode: the facilitator's slide, from the server's events (view links only).
EMSCRIPTEN_KEEPALIVE void samverkan_presentation(const char* data) {
    if (!web::g_platform) return;
    ui::App& app = web::g_platform->app;
    if (!app.read_only) return;
    sam::json p = sam::ReadJson(data);
    if (!p.is_object() || !p["active"].is_boolean()) return;
    int slide = p.contains("slide") && p["slide"].is_number_integer() ? p["slide"].get<int>() : 0;
    ui::Follow(app, p["active"].get<bool>(), slide, p.contains("what_if") ? p["what_if"] : sam::json());
}

}  // extern "C"
