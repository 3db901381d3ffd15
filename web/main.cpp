// Samverkan in the browser: the Emscripten main loop, canvas sizing, and the
// bridge to the page (workspace fetch, test hooks). The views are ui/'s.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include "app.h"
#include "full_frame.h"
#include "sync_glue.h"
#include "key_latch.h"
#include "demos.h"
#include "json_io.h"
#include "json_scan.h"
#include "utf8.h"
#include "web.h"

namespace {

using web::Web;
Web* g_web = nullptr;   // the page calls in through exported functions

}  // namespace

// The UI font and its atlas at scale 1, as bytes (web/CMakeLists.txt).
extern const unsigned char kUiFontAtlas[];
extern const int kUiFontAtlasSize;

namespace {

// The window's size in CSS pixels and the device pixel ratio.
EM_JS(void, js_canvas_metrics, (int* css_w, int* css_h, double* dpr), {
    setValue(css_w, window.innerWidth | 0, 'i32');
    setValue(css_h, window.innerHeight | 0, 'i32');
    setValue(dpr, window.devicePixelRatio || 1, 'double');
});

// Resizes the canvas's drawing buffer and tells GLFW, without glfwSetWindowSize's
// habit of asking for full screen when the size equals the screen's.
EM_JS(void, js_set_canvas_size, (int w, int h), {
    Browser.setCanvasSize(w, h);
});

EM_JS(void, js_today, (char* out, int size), {
    const d = new Date();
    const s = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    stringToUTF8(s, out, size);
});

// Called every frame: the page's loading indicator and the tests read these.
EM_JS(void, js_frame_drawn, (int frames, int painted, int checks_left), {
    const s = window.samverkan || (window.samverkan = {});
    s.frames = frames;
    s.painted = (s.painted || 0) + painted;   // frames that drew on the canvas (the rest drew what it shows)
    s.checksLeft = checks_left;               // matters still to check, as this frame shows
    if (frames === 1 && typeof window.samverkanFirstFrame === 'function') window.samverkanFirstFrame();
});

// Whether the fonts came from the atlas carried in the program ('carried') or were built
// from the TTF ('built': another scale, or slides); the tests read it.
EM_JS(void, js_font_atlas, (int carried), {
    (window.samverkan || (window.samverkan = {})).fontAtlas = ['built', 'carried', 'enlarged'][carried];
});

// The UI font, for other scales and slides: fetched once the program runs (the atlas carried
// in the program draws scale 1 and stands in, enlarged, until it is here).
EM_JS(void, js_fetch_font, (), {
    fetch('ui-font.ttf')
        .then(r => r.ok ? r.arrayBuffer() : Promise.reject(new Error('HTTP ' + r.status)))
        .then(buf => {
            const bytes = new Uint8Array(buf);
            const at = Module._malloc(bytes.length);
            HEAPU8.set(bytes, at);
            Module.ccall('samverkan_font', null, ['number', 'number'], [at, bytes.length]);
            Module._free(at);
        })
        .catch(e => console.warn('Samverkan: the UI font could not be fetched (' + e.message + '); text at other scales stays enlarged'));
});

// Opens the workspace the page's link names (#w=ID&t=TOKEN: the fragment never reaches
// the server's logs); without a link, or when the server cannot be reached, the demo.
// Returns 1 while a workspace link's answer is awaited: the page draws few frames meanwhile
// (its own words say how much has come), so the download and the program's start have the CPU.
EM_JS(int, js_fetch_workspace, (), {
    (window.samverkan || (window.samverkan = {})).heapBytes = () => HEAP8.length;   // for the benchmarks
    const open = (text, source) => Module.callText('samverkan_open', 'number', ['string', 'string'], [text, source]);
    const demo = (why) => { console.info('Samverkan: ' + why + ', opening the built-in demo'); Module.ccall('samverkan_open_demo', 'number', [], []); };
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get('w'), token = params.get('t');
    // A portfolio link (#p=ID&t=TOKEN): the Portfölj view, and no workspace.
    if (params.get('p') && token) {
        Module.callText('samverkan_portfolio_link', null, ['string', 'string'], [params.get('p'), token]);
        return 0;
    }
    if (!id || !token) {
        // Without a link: the demo at once; what this browser kept replaces it when storage is read.
        demo('no workspace link');
        return 0;
    }
    window.samverkan = window.samverkan || {};
    // The page asked for it already (index.html); otherwise ask now. The answer's bytes go
    // straight into the program's memory: a national workspace is 46 MB, never a JavaScript
    // string or object.
    const asked = Module.workspaceFetch || window.samverkanFetchWorkspace(id, token);
    Module.workspaceFetch = null;
    const progress = (text) => { if (window.samverkanLoading) window.samverkanLoading(text); };
    // Room for a large answer, made while it downloads: the program's memory grown then, not
    // after it has come. The pieces go into it as they come, and the program reads the
    // workspace from what has come in a turn of its own (samverkan_answer_piece), so that
    // little is left to read once the last one is there.
    let room = 0, roomSize = 0, got = 0, feeding = false;
    const feed = () => {
        feeding = false;
        if (!room) return;   // the answer has been taken, or the download failed
        Module.ccall('samverkan_answer_piece', null, ['number', 'number'], [room, got]);
    };
    const take = (piece) => {
        if (!room || got + piece.length > roomSize) return false;   // more than the headers said
        HEAPU8.set(piece, room + got);
        got += piece.length;
        if (!feeding) { feeding = true; setTimeout(feed, 0); }
        return true;
    };
    const makeRoom = (n) => {
        if (room || n <= (1 << 20)) return;
        room = Module._malloc(n + 1);
        if (!room) return;
        roomSize = n;
        Module.ccall('samverkan_hold_frames', null, [], []);
        if (window.samverkanTakePieces) window.samverkanTakePieces(take);
    };
    const forget = () => {
        if (room) Module._free(room);
        room = 0;
        Module.ccall('samverkan_answer_piece', null, ['number', 'number'], [0, 0]);
    };
    window.samverkanOnAnswerSize = makeRoom;
    if (window.samverkanAnswerSize) makeRoom(window.samverkanAnswerSize);
    asked
        .then(({status, pieces, handed}) => {
            window.samverkanOnAnswerSize = null;
            const size = handed + pieces.reduce((n, p) => n + p.length, 0);
            if (status !== 200) {
                forget();
                const bytes = new Uint8Array(size);
                pieces.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
                let message = 'HTTP ' + status;
                try { message = JSON.parse(new TextDecoder().decode(bytes)).message || message; } catch (e) {}
                return Promise.reject(new Error(message));
            }
            // What did not go into the room as it came goes after what did.
            let at = room;
            room = 0;
            if (at && size > roomSize) {
                const larger = Module._malloc(size + 1);
                if (larger) HEAPU8.copyWithin(larger, at, at + handed);
                Module._free(at);
                at = larger;
                if (!at) throw new Error('out of memory for ' + size + ' bytes');
            }
            if (!at) at = Module._malloc(size + 1);
            if (!at) throw new Error('out of memory for ' + size + ' bytes');
            pieces.reduce((o, p) => (HEAPU8.set(p, o), o + p.length), at + handed);
            HEAPU8[at + size] = 0;
            performance.mark('samverkan-copied');
            return {at, got: size};
        })
        .then(({at, got}) => {
            if (got <= (8 << 20)) return {at, got};
            progress('Öppnar arbetsytan … / Opening the workspace …');
            // A frame for the words to show before the program is busy reading (the program
            // draws none while a large answer comes: samverkan_hold_frames).
            return new Promise(resolve => requestAnimationFrame(() => setTimeout(() => resolve({at, got}), 0)));
        })
        .then(({at, got}) => {
            let opened = 0;
            try {   // the program takes the bytes over (and frees them)
                opened = Module.callText('samverkan_open_server_answer', 'number', ['number', 'number', 'string', 'string'], [at, got, id, token]);
            } finally {
                progress(null);
            }
            if (!opened) throw new Error('the answer was not a workspace');
        })
        .catch(err => {
            window.samverkanOnAnswerSize = null;
            forget();   // the download failed
            progress(null);
            // Offline or the server is away: the copy this browser kept, with the changes that wait.
            if (Module.callText('samverkan_open_offline', 'number', ['string', 'string'], [id, token])) return;
            console.info('Samverkan: the workspace could not be fetched (' + err.message + ')');
        })
        .finally(() => Module.ccall('samverkan_fetch_done', null, [], []));
    return 1;
});

// IndexedDB under /persist; the workspace is opened once it has been read.
EM_JS(void, js_mount_storage, (), {
    try {
        FS.mkdir('/persist');
        FS.mount(IDBFS, {}, '/persist');
        FS.syncfs(true, (err) => {
            if (err) console.warn('Samverkan: browser storage unavailable: ' + err);
            Module.ccall('samverkan_storage_ready', null, ['number'], [err ? 0 : 1]);
        });
    } catch (e) {
        console.warn('Samverkan: browser storage unavailable: ' + e);
        Module.ccall('samverkan_storage_ready', null, ['number'], [0]);
    }
});

// ?test=1 exposes named widgets' rectangles to the browser tests.
EM_JS(int, js_test_mode, (), { return new URLSearchParams(location.search).get('test') === '1' ? 1 : 0; });

// How much of the state was read while the answer downloaded (for the tests and benchmarks).
EM_JS(void, js_read_while_downloading, (double read, double size), {
    const s = window.samverkan || (window.samverkan = {});
    s.readWhileDownloading = read;
    s.stateSize = size;
});

// Input on the page, or a call into the program from it (answers, events, edits, tests): the
// next frame is drawn. Read and cleared once a frame.
EM_JS(void, js_install_wake, (), {
    window.samverkanWake = true;
    const wake = () => { window.samverkanWake = true; };
    for (const type of ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'pointerdown', 'pointerup', 'pointermove',
                        'touchstart', 'touchmove', 'touchend', 'focus', 'blur', 'resize', 'paste', 'input', 'compositionend', 'visibilitychange'])
        window.addEventListener(type, wake, {capture: true, passive: true});
    const ccall = Module.ccall;
    Module.ccall = function () { window.samverkanWake = true; return ccall.apply(this, arguments); };
});
// Emscripten's GLFW lets go of every held key on "blur", which it listens for on the window in
// the capture phase: a blur of any element (the screen reader's mirror moving the page's focus
// after ImGui's, a field) counts. Ctrl held, the focus moved, Z pressed: a bare Z, and Ctrl+Z
// did nothing. Only the page itself losing the focus lets go of the keys.
EM_JS(void, js_keys_released_on_page_blur_only, (), {
    window.removeEventListener('blur', GLFW.onBlur, true);
    window.addEventListener('blur', (e) => { if (e.target === window) GLFW.onBlur(e); }, true);
});
// A page shown again draws its next frame whatever it holds (a browser may have let go of a
// hidden page's picture).
EM_JS(void, js_install_shown_again, (), {
    document.addEventListener('visibilitychange', () => { if (!document.hidden) window.samverkanShownAgain = true; });
});
EM_JS(int, js_take_shown_again, (), {
    const again = window.samverkanShownAgain;
    window.samverkanShownAgain = false;
    return again ? 1 : 0;
});
EM_JS(int, js_take_wake, (), {
    const woken = window.samverkanWake;
    window.samverkanWake = false;
    return woken ? 1 : 0;
});

// Tells the page (and the tests) what is open.
EM_JS(void, js_opened, (const char* source, const char* name), {
    const s = window.samverkan || (window.samverkan = {});
    s.source = UTF8ToString(source);
    s.name = UTF8ToString(name);
    s.openedAtFrame = s.frames || 0;   // the frames drawn before it: the next one shows it
});

}  // namespace

void web::Opened(Web& w, const char* source) { js_opened(source, w.app.doc.ws.name.c_str()); }

namespace {

void Resize(Web& w) {
    int css_w = 0, css_h = 0;
    double dpr = 1;
    js_canvas_metrics(&css_w, &css_h, &dpr);
    int px_w = (int)(css_w * dpr + 0.5), px_h = (int)(css_h * dpr + 0.5);
    if (px_w != w.width || px_h != w.height) {
        js_set_canvas_size(px_w, px_h);
        w.width = px_w;
        w.height = px_h;
    }
    if ((float)dpr != w.app.dpi_scale) {
        w.app.dpi_scale = (float)dpr;
        w.app.style_dirty = true;
    }
}

// More than the first frames and a settling after input together.
constexpr int kFramesInARowForChecks = ui::kFirstFrames + 2 * ui::kSettleFrames;

// Whether this turn of the loop draws a frame: for input and to settle after it, the first
// frames, and an idle frame now and then. The matters' checks go on in the turns between.
static bool DrawThisTurn(Web& w, double now, bool for_input) {
    // While the checks go on, each idle frame shows their progress and is put on screen (20-45 ms
    // of the main thread in software GL, which an edit would wait for): 2 a second then.
    double idle_ms = ui::ChecksUnderWay(w.app) ? 2 * ui::kIdleFrameMs : ui::kIdleFrameMs;
    bool draw = for_input || ui::WantsFrame(w.app) || now - w.drawn_at >= idle_ms;
    if (!draw) {
        draw = ui::ContinueBetweenFrames(w.app, 8);   // true when they have just become whole: a frame shows it
        w.checks_moved_at = now;
    } else if (w.drawn_in_a_row >= kFramesInARowForChecks && now - w.checks_moved_at >= ui::kIdleFrameMs) {
        // The checks' progress changes what a frame shows, and each changed frame is read back:
        // the few frames drawn in a row (the first ones, those to settle after input) leave them
        // be, so that they draw the same and are not put on screen again (ui::Shown). Only input
        // that keeps every frame drawn (a mouse moving on) has them go on, 4 times a second.
        ui::ContinueBetweenFrames(w.app, 2);
        w.checks_moved_at = now;
    }
    w.drawn_in_a_row = draw ? w.drawn_in_a_row + 1 : 0;
    return draw;
}

ui::FontSource UiFont(const Web& w) {
    ui::FontSource font;
    font.data = w.font_ttf.empty() ? nullptr : w.font_ttf.data();
    font.size = (int)w.font_ttf.size();
    font.atlas = kUiFontAtlas;
    font.atlas_size = kUiFontAtlasSize;
    return font;
}

// Which fonts a restyle took (js_font_atlas).
void FontAtlasChosen() {
    ImGuiIO& io = ImGui::GetIO();
    js_font_atlas(io.Fonts->ConfigData.empty() ? (io.FontGlobalScale == 1 ? 1 : 2) : 0);
}

void Loop(void* arg) {
    Web& w = *(Web*)arg;
    // While a workspace link's answer is on its way, the page's spinner stands for the first
    // 2 s: the first frame is then the workspace's own, and the main thread, which reads it,
    // is not busy drawing an empty app (half a second in software GL). A large answer, read as
    // it comes, is awaited with no frame at all: the page's words say how much has come.
    // Otherwise a frame every quarter second, the CPU left to the download (a national
    // workspace's 3,7 MB took 3 s beside frames drawn at full speed, 0,5 s without).
    double now = emscripten_get_now();
    if (w.awaiting_workspace && !w.renderer_warm) {   // while the answer downloads
        w.renderer_warm = true;
        Resize(w);
        if (ui::WarmUpRenderer(w.app, w.window, UiFont(w))) FontAtlasChosen();
        web::Mark("samverkan-warm");
        return;
    }
    if (w.awaiting_workspace && (w.holding_frames || now < w.awaiting_since + 2000 || now - w.drawn_at < 250)) return;
    // Otherwise a frame when something came in (input, or a call from the page: an answer, an
    // event, an edit) and a few after it for ImGui to settle (a click's press and release, hover),
    // when the app has work to show, and 4 a second when idle: an edit then finds the program
    // idle. Following, storing and the checks go on between frames, little of it beside a frame
    // drawn for input.
    if (js_take_wake()) w.settle_frames = ui::kSettleFrames;
    bool for_input = w.settle_frames > 0;
    w.background_until = now + (for_input ? 2 : 8);   // for all of it together
    bool draw = DrawThisTurn(w, now, for_input);
    if (!draw) {
        web::SyncFrame(w);
        web::PersistFrame(w, false);
        return;
    }
    if (w.settle_frames > 0) --w.settle_frames;
    w.drawn_at = now;
    Resize(w);
    glfwPollEvents();
    // Without a server link: say where the edits are kept.
    if (!w.server.linked && w.app.doc.open) w.app.sync_text = sam::Tr(w.app.lang, "ui.local_demo");
    bool restyled = w.app.style_dirty;
    if (js_take_shown_again()) w.shown = {};
    bool painted = ui::FullFrame(w.app, w.window, w.keys, UiFont(w), {}, [&w] { web::TextWaitingIntoFrame(w); }, &w.shown);
    if (restyled) FontAtlasChosen();
    web::TextInputFrame();
    web::SyncFrame(w);
    web::PersistFrame(w, false);
    web::PublishFrame(w);
    web::MirrorFrame(w);
    js_frame_drawn(w.app.frames, painted ? 1 : 0, (int)w.app.derived.check_cache.unchecked.size());
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int samverkan_open(const char* text, const char* source) {
    if (!g_web) return 0;
    std::string error;
    bool ok = ui::OpenWorkspaceText(g_web->app, text, source, &error);
    if (!ok) std::fprintf(stderr, "Samverkan: cannot open the workspace: %s\n", error.c_str());
    else js_opened(source, g_web->app.doc.ws.name.c_str());
    return ok ? 1 : 0;
}

// The state from the server, opened as the model and then followed (web::SyncConnect).
static int OpenServerState(sam::LoadResult loaded, web::Bytes answer, std::string_view state, const sam::json& envelope,
                           const char* id, const char* token) {
    std::string error;
    if (!ui::OpenLoaded(g_web->app, std::move(loaded), "server", &error)) {
        std::fprintf(stderr, "Samverkan: cannot open the workspace: %s\n", error.c_str());
        return 0;
    }
    js_opened("server", g_web->app.doc.ws.name.c_str());
    web::Mark("samverkan-model");
    ui::TakeAccess(g_web->app, 200, envelope);
    g_web->server.can_edit = sam::TextOf(envelope, "access") == "admin" ||
                             (envelope.is_object() && sam::TextOf(envelope.value("link", sam::json()), "role") == "edit");
    web::SyncConnect(*g_web, id, token, std::move(answer), state, sam::IntOf(envelope, "revision"));
    return 1;
}

// The server's whole answer, as received, in memory from _malloc that this takes over: the
// envelope is read here and the state read where it lies, with no copy (46 MB at national
// scale). An answer written another way is split the careful way.
EMSCRIPTEN_KEEPALIVE int samverkan_open_server_answer(char* body, int size, const char* id, const char* token) {
    web::Bytes answer(body);
    web::Mark("samverkan-answer");
    if (!g_web) return 0;
    std::string_view text(body, (size_t)size);
    sam::json envelope;
    std::string_view state;
    sam::LoadResult loaded;
    bool found = sam::FindLastMember(text, "state", envelope, state);
    web::Mark("samverkan-split");
    // Most of the model is read already when the answer came in pieces (samverkan_answer_piece).
    sam::StateAnswerPieces pieces = std::move(g_web->answer_pieces);
    g_web->answer_pieces = {};
    size_t read_before = pieces.load ? pieces.load->read() : 0;
    std::optional<sam::LoadResult> streamed;
    if (found) streamed = pieces.Take(text, state);
    if (streamed) js_read_while_downloading((double)read_before, (double)state.size());
    if (found) loaded = streamed ? std::move(*streamed) : sam::LoadWorkspace(state);
    if (!loaded.ok) {
        std::string copy;
        if (!sam::SplitStateAnswer(text, envelope, copy)) return 0;
        answer.reset((char*)std::malloc(copy.size() + 1));
        if (!answer) return 0;
        std::memcpy(answer.get(), copy.data(), copy.size());
        state = std::string_view(answer.get(), copy.size());
        loaded = sam::LoadWorkspace(state);
    }
    return OpenServerState(std::move(loaded), std::move(answer), state, envelope, id, token);
}

// The answer as it comes, in memory the page copies its pieces into (`size`: how much has
// come); null: the answer is not coming after all.
EMSCRIPTEN_KEEPALIVE void samverkan_answer_piece(const char* body, int size) {
    if (!g_web) return;
    if (!body) g_web->answer_pieces = {};
    else g_web->answer_pieces.Feed(std::string_view(body, (size_t)size), false);
}

// The page's scripting interface (and the browser tests'): one edit through the same path
// as the views, and the open workspace as saved JSON.
EMSCRIPTEN_KEEPALIVE int samverkan_edit(const char* patch) {
    sam::json p = sam::ReadJson(patch);
    return g_web && !p.is_discarded() && ui::ApplyEdit(g_web->app, p) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int samverkan_undo() { return g_web && ui::UndoEdit(g_web->app) ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* samverkan_saved() {
    static std::string text;
    text = g_web && g_web->app.doc.open ? sam::SaveWorkspace(g_web->app.doc.ws) : "";
    return text.c_str();
}

// Theme, scale, language and presentation switched at run time, as the buttons and keys
// do (the browser tests' style matrix drives it).
EMSCRIPTEN_KEEPALIVE void samverkan_set_look(int dark, double scale, int english, int presenting) {
    if (!g_web) return;
    ui::SetLook(g_web->app, dark != 0, (float)scale, english ? sam::Lang::En : sam::Lang::Sv);
    ui::SetPresenting(g_web->app, presenting != 0);
}

EMSCRIPTEN_KEEPALIVE int samverkan_open_offline(const char* id, const char* token);
EMSCRIPTEN_KEEPALIVE int samverkan_open_demo();

// IndexedDB has been read (it takes a while on a first visit, so the page does not wait for it).
EMSCRIPTEN_KEEPALIVE void samverkan_storage_ready(int ok) {
    if (!g_web) return;
    web::Web& w = *g_web;
    w.storage_ready = ok != 0;
    std::string text;
    if (!w.offline_id.empty()) {            // the server did not answer: the kept copy, if any
        std::string id = w.offline_id, token = w.offline_token;
        w.offline_id.clear();
        if (!samverkan_open_offline(id.c_str(), token.c_str())) samverkan_open_demo();
    } else if (w.server.linked) {           // changes that waited here go out first
        web::RestoreWaiting(w);
    } else if (w.app.doc.source == "demo" && w.app.doc.history.undo.empty() && web::LoadStored("", text)) {
        samverkan_open(text.c_str(), "local");   // what this browser kept from last time
    }
}

EMSCRIPTEN_KEEPALIVE int samverkan_open_offline(const char* id, const char* token) {
    if (!g_web) return 0;
    if (!g_web->storage_ready && g_web->offline_id.empty()) {   // asked again once storage has been read
        g_web->offline_id = id;
        g_web->offline_token = token;
        return 1;
    }
    return web::OpenKept(*g_web, id, token) ? 1 : 0;   // opened, or once its base is read
}

// The UI font has arrived: what stood in for it (an enlarged atlas, slides in the body font)
// is drawn with it from the next frame.
EMSCRIPTEN_KEEPALIVE void samverkan_font(const unsigned char* data, int size) {
    if (!g_web || size <= 0) return;
    g_web->font_ttf.assign(data, data + size);
    if (ImGui::GetIO().FontGlobalScale != 1 || g_web->app.presenting) g_web->app.style_dirty = true;
}

// The workspace link's answer has been taken (opened, or not): frames are drawn again.
EMSCRIPTEN_KEEPALIVE void samverkan_fetch_done() {
    if (g_web) g_web->awaiting_workspace = g_web->holding_frames = false;
}

// A large answer is coming, read as it comes: no frame until it has been (samverkan_fetch_done).
EMSCRIPTEN_KEEPALIVE void samverkan_hold_frames() {
    if (g_web) g_web->holding_frames = true;
}

EMSCRIPTEN_KEEPALIVE int samverkan_open_demo() {
    const std::string* demo = sam::FindDemo("halsam-vasternorrland");
    return demo && samverkan_open(demo->c_str(), "demo") ? 1 : 0;
}

}  // extern "C"

int main() {
    if (!glfwInit()) { std::fprintf(stderr, "Samverkan: GLFW init failed\n"); return 1; }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // What index.html asked for when it made the canvas's context (ImGui draws no depth,
    // stencil or transparency; an opaque canvas is cheaper to composite).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    static Web web;
    g_web = &web;
    web.window = glfwCreateWindow(1280, 800, "Samverkan", nullptr, nullptr);
    if (!web.window) { std::fprintf(stderr, "Samverkan: WebGL2 is not available\n"); return 1; }
    glfwMakeContextCurrent(web.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(web.window, true);
    ui::InstallKeyLatch(web.window, &web.keys);
    js_keys_released_on_page_blur_only();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    char today[16] = {0};
    js_today(today, sizeof today);
    web.app.today = today;
    web.app.test_mode = js_test_mode() != 0;
    web::InstallPlatform(web);
    web::InstallMirror(web);
    web::InstallPortfolio(web);
    js_install_wake();
    js_install_shown_again();
    js_mount_storage();
    web.awaiting_workspace = js_fetch_workspace() != 0;
    web.awaiting_since = emscripten_get_now();
    js_fetch_font();
    emscripten_set_main_loop_arg(Loop, &web, 0, true);
    return 0;
}
