// The wasm32 heap a workspace takes when the page opens it from the server, without a browser:
// the model with the app's derived figures (ui::OpenLoaded) and the server's state kept for
// sync (read again from the text a slice at a time, SlicedLoad), as web/main.cpp and
// web::SyncConnect do. samverkan-bench runs it under Node and prints its figures next to the
// native ones:
//   node samverkan_heap_probe.js FILE.json   ->   {"heap_mb": …, "in_use_mb": …, "model_mb": …}
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
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
    // The copy for sync read again from the text in slices of kConnectSlice, as the page does
    // after its first frame: the longest slice is what a frame may wait for.
    sam::Sync sync;
    t0 = emscripten_get_now();
    double longest = 0;
    sam::SlicedLoad sliced(text);
    for (bool over = false; !over;) {
        double s0 = emscripten_get_now();
        over = sliced.Step(sam::kConnectSlice);
        longest = std::max(longest, emscripten_get_now() - s0);
    }
    double s0 = emscripten_get_now();
    sam::LoadResult again = sliced.Finish();
    double finish_ms = emscripten_get_now() - s0;
    longest = std::max(longest, finish_ms);
    sam::SyncStart(sync, std::move(again.workspace), 1);
    double copy_ms = emscripten_get_now() - t0;
    std::printf("{\"heap_mb\": %.1f, \"in_use_mb\": %.1f, \"model_mb\": %.1f, \"text_mb\": %.1f, \"load_ms\": %.0f, \"copy_ms\": %.0f, "
                "\"copy_slice_max_ms\": %.1f, \"copy_finish_ms\": %.1f}\n",
                emscripten_get_heap_size() / (1024.0 * 1024.0), InUseMb(), model, text.size() / (1024.0 * 1024.0), load_ms, copy_ms,
                longest, finish_ms);
    return 0;
}
