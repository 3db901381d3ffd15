// A seeded monkey for the desktop app: random clicks, drags, wheel turns, keys and typed
// text on the widgets the views record (and anywhere else), one step per frame. After
// every step the invariants hold or it stops with the seed and step: the workspace
// saves and loads, frames are drawn (not one colour), and at the end undoing every edit
// gives back the exact bytes it started from. Build it with AddressSanitizer and
// UndefinedBehaviorSanitizer (scripts/build.sh asan) and any memory error ends the run too.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <vector>
#include "app.h"

struct GLFWwindow;

namespace native {

struct Monkey {
    uint64_t seed = 0;
    int steps = 0;          // how many to run
    int step = 0;
    std::mt19937_64 rng;
    std::string start;      // the workspace's saved bytes before the first step
    // Input held across frames.
    bool mouse_down = false;
    int drag_frames = 0;
    float mx = 0, my = 0;
    std::vector<int> keys_down;
    std::string pending_text;   // typed one character a frame, then Enter
    std::string failure;        // why it stopped ("" while all holds)
    int presenting_steps = 0, editing_steps = 0;   // where the steps went, for the summary
};

// Prepares the app for the run (test mode for the widget rectangles, no file dialogs, an
// Undo history long enough for every step) and remembers the starting bytes.
void StartMonkey(Monkey& m, ui::App& app, uint64_t seed, int steps);
// Between the backends' NewFrame and ImGui::NewFrame: this step's input.
void MonkeyInput(Monkey& m, ui::App& app, int width, int height);
// After the frame is drawn: the invariants; false (with m.failure) when one broke.
bool MonkeyCheck(Monkey& m, ui::App& app, int width, int height);
// Leaves presentation and undoes everything; false (with m.failure) unless the bytes match.
bool MonkeyFinish(Monkey& m, ui::App& app);

}  // namespace native
