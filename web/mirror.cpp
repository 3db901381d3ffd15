// The screen reader's mirror: each frame's tree (ui/a11y.h) goes to the page as one batch
// when it changed, where web/mirror.js keeps a hidden DOM over the canvas in step; what a
// reader does there (focus, activate) comes back here.
#include <emscripten.h>
#include "a11y_json.h"
#include "web.h"

namespace web {

namespace {

Web* g_mirror = nullptr;
std::string g_sent;   // the last batch, so an unchanged frame costs one comparison

EM_JS(void, js_mirror_update, (const char* text), {
    if (Module.mirrorUpdate) Module.mirrorUpdate(UTF8ToString(text));
});

// What the mirror cost this frame (building the batch, comparing, updating the DOM), in ms:
// the last 240 frames, for the page (and the tests) to read.
EM_JS(void, js_mirror_cost, (double ms), {
    const s = window.samverkan || (window.samverkan = {});
    const c = s.mirrorCost || (s.mirrorCost = []);
    c.push(ms);
    if (c.length > 240) c.shift();
});

}  // namespace

void InstallMirror(Web& w) {
    g_mirror = &w;
    w.app.a11y.enabled = true;
}

void MirrorFrame(Web& w) {
    if (!w.app.a11y.enabled) return;
    // The first frame is shown first; its mirror (tens of ms, and the page's first layout of
    // its elements) follows with the next frame, which comes at once (ui::WantsFrame).
    if (w.app.frames <= 1) return;
    double start = emscripten_get_now();
    std::string text = ui::A11yJson(w.app.a11y, 1.0f / (w.app.dpi_scale > 0 ? w.app.dpi_scale : 1.0f));
    if (text != g_sent) {
        g_sent = std::move(text);
        js_mirror_update(g_sent.c_str());
    }
    js_mirror_cost(emscripten_get_now() - start);
}

}  // namespace web

extern "C" {

// action 0: the reader moved its focus to the item; 1: it activated it (a click, Enter, Space).
EMSCRIPTEN_KEEPALIVE void samverkan_a11y(double id, int action) {
    if (!web::g_mirror) return;
    ui::A11yTree& tree = web::g_mirror->app.a11y;
    if (action == 1) ui::A11yActivate(tree, (ImGuiID)id);
    else ui::A11yFocus(tree, (ImGuiID)id);
    web::MarkDirty(*web::g_mirror);
}

}  // extern "C"
