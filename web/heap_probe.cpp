// The wasm32 heap a workspace takes when the page opens it from the server, without a browser:
// the model with the app's derived figures (ui::OpenLoaded) and the server's state kept for
// sync (SyncStart), as web/main.cpp and web::SyncConnect do. samverkan-bench runs it under
// Node and prints its figures next to the native ones:
//   node samverkan_heap_probe.js FILE.json   ->   {"heap_mb": …, "in_use_mb": …, "model_mb": …}
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include "app.h"
#include "json_io.h"
#include "json_scan.h"
#include "sync.h"

namespace {

double InUseMb() { return mallinfo().uordblks / (1024.0 * 1024.0); }

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: samverkan_heap_probe FILE.json\n");
        return 2;
    }
    std::string text;
    {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        text = ss.str();
    }
    if (text.empty()) {
        std::fprintf(stderr, "samverkan_heap_probe: cannot read %s\n", argv[1]);
        return 1;
    }
    double before = InUseMb();
    ui::App app;
    std::string error;
    double t0 = emscripten_get_now();
    sam::LoadResult loaded = sam::LoadWorkspace(text);
    double load_ms = emscripten_get_now() - t0;
    if (!ui::OpenLoaded(app, std::move(loaded), "server", &error)) {
        std::fprintf(stderr, "samverkan_heap_probe: %s\n", error.c_str());
        return 1;
    }
    double model = InUseMb() - before;
    sam::Sync sync;
    t0 = emscripten_get_now();
    sam::SyncStart(sync, app.doc.ws, 1);   // as web::SyncConnect keeps it
    double copy_ms = emscripten_get_now() - t0;
    std::printf("{\"heap_mb\": %.1f, \"in_use_mb\": %.1f, \"model_mb\": %.1f, \"text_mb\": %.1f, \"load_ms\": %.0f, \"copy_ms\": %.0f}\n",
                emscripten_get_heap_size() / (1024.0 * 1024.0), InUseMb(), model, text.size() / (1024.0 * 1024.0), load_ms, copy_ms);
    return 0;
}
