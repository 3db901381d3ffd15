#include "monkey.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <algorithm>
#include <cstdio>
#include "json_io.h"
#include "validate.h"

namespace native {

namespace {

// What officials type, and what they should not: Swedish numbers, ambiguous ones, dates,
// names with å ä ö, formulas, right-to-left overrides, combining marks, long text.
const char* kTexts[] = {
    "0,3", "150.000", "295 000", "3,4 mnkr", "250 tkr", "-5", "en halv", "2023-2-3", "2023-02-30", "2024",
    "Åre", "Härnösand", "Socialnämnden", "=HYPERLINK(\"x\")", "@SUM(1)", "\xE2\x80\xAE" "dnammok", "a\xCC\x81\xCC\x81\xCC\x81",
    "Vård \xF0\x9F\x8F\xA5", "", " ", "Kommunförbundet Västernorrland med en mycket lång benämning som inte får plats", "1e9", "99999999999",
};

const int kKeys[] = {GLFW_KEY_TAB, GLFW_KEY_ENTER, GLFW_KEY_ESCAPE, GLFW_KEY_LEFT, GLFW_KEY_RIGHT, GLFW_KEY_UP, GLFW_KEY_DOWN,
                     GLFW_KEY_PAGE_UP, GLFW_KEY_PAGE_DOWN, GLFW_KEY_HOME, GLFW_KEY_END, GLFW_KEY_DELETE, GLFW_KEY_BACKSPACE,
                     GLFW_KEY_SPACE, GLFW_KEY_F5, GLFW_KEY_0, GLFW_KEY_EQUAL, GLFW_KEY_MINUS};
const int kCtrlKeys[] = {GLFW_KEY_Z, GLFW_KEY_Y, GLFW_KEY_F, GLFW_KEY_EQUAL, GLFW_KEY_MINUS, GLFW_KEY_A};

int Roll(Monkey& m, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m.rng); }

void ReleaseKeys(Monkey& m) {
    ImGuiIO& io = ImGui::GetIO();
    for (int k : m.keys_down) io.KeysDown[k] = false;
    m.keys_down.clear();
    io.KeyCtrl = io.KeyShift = false;
}

void Press(Monkey& m, int key) {
    ImGui::GetIO().KeysDown[key] = true;
    m.keys_down.push_back(key);
}

// A point on a recorded widget (most of the time) or anywhere in the window.
void Aim(Monkey& m, const ui::App& app, int width, int height) {
    if (!app.rects.empty() && Roll(m, 0, 9) < 7) {
        const ui::WidgetRect& r = app.rects[(size_t)Roll(m, 0, (int)app.rects.size() - 1)];
        m.mx = r.x + r.w * (0.2f + 0.6f * Roll(m, 0, 100) / 100.0f);
        m.my = r.y + r.h * (0.2f + 0.6f * Roll(m, 0, 100) / 100.0f);
    } else {
        m.mx = (float)Roll(m, 0, std::max(1, width - 1));
        m.my = (float)Roll(m, 0, std::max(1, height - 1));
    }
}

}  // namespace

void StartMonkey(Monkey& m, ui::App& app, uint64_t seed, int steps) {
    m.seed = seed;
    m.steps = steps;
    m.rng.seed(seed);
    app.test_mode = true;                 // the views record their widgets' rectangles
    app.platform.open_file = nullptr;     // a file opened would replace the workspace and its history
    app.platform.open_recent = nullptr;
    app.platform.save_file = nullptr;
    app.doc.history.limit = (size_t)steps * 2 + 100;
    m.start = sam::SaveWorkspace(app.doc.ws);
    std::printf("monkey: seed %llu, %d steps\n", (unsigned long long)seed, steps);
    std::fflush(stdout);
}

void MonkeyInput(Monkey& m, ui::App& app, int width, int height) {
    ImGuiIO& io = ImGui::GetIO();
    ReleaseKeys(m);
    io.MouseWheel = 0;
    if (m.mouse_down && m.drag_frames > 0) {           // a drag goes on
        m.mx += (float)Roll(m, -40, 40);
        m.my += (float)Roll(m, -40, 40);
        --m.drag_frames;
    } else if (m.mouse_down) {                         // a click or drag ends
        m.mouse_down = false;
    } else if (!m.pending_text.empty()) {              // typing goes on, a character a frame
        size_t n = 1;
        while (n < m.pending_text.size() && ((unsigned char)m.pending_text[n] & 0xC0) == 0x80) ++n;
        io.AddInputCharactersUTF8(m.pending_text.substr(0, n).c_str());
        m.pending_text.erase(0, n);
        if (m.pending_text.empty()) Press(m, Roll(m, 0, 3) ? GLFW_KEY_ENTER : GLFW_KEY_TAB);
    } else if (app.presenting && Roll(m, 0, 24) == 0) {   // a facilitator leaves the slides now and then
        Press(m, GLFW_KEY_ESCAPE);
    } else {
        int what = Roll(m, 0, 99);
        if (what < 40) {                               // a click
            Aim(m, app, width, height);
            m.mouse_down = true;
            m.drag_frames = 0;
        } else if (what < 45) {                        // a drag
            Aim(m, app, width, height);
            m.mouse_down = true;
            m.drag_frames = Roll(m, 2, 8);
        } else if (what < 50) {                        // the wheel
            Aim(m, app, width, height);
            io.MouseWheel = (float)Roll(m, -3, 3);
        } else if (what < 65) {                        // a click on a widget, then text, then Enter or Tab
            Aim(m, app, width, height);
            m.mouse_down = true;
            m.drag_frames = 0;
            m.pending_text = kTexts[Roll(m, 0, (int)(sizeof kTexts / sizeof *kTexts) - 1)];
            if (m.pending_text.empty()) m.pending_text = " ";
        } else if (what < 90) {                        // a key
            Press(m, kKeys[Roll(m, 0, (int)(sizeof kKeys / sizeof *kKeys) - 1)]);
        } else if (what < 97) {                        // Ctrl + a key (undo, redo, search, scale)
            io.KeyCtrl = true;
            io.KeyShift = Roll(m, 0, 4) == 0;
            Press(m, kCtrlKeys[Roll(m, 0, (int)(sizeof kCtrlKeys / sizeof *kCtrlKeys) - 1)]);
        }
    }
    io.MousePos = ImVec2(std::clamp(m.mx, 0.0f, (float)width - 1), std::clamp(m.my, 0.0f, (float)height - 1));
    io.MouseDown[0] = m.mouse_down;
}

bool MonkeyCheck(Monkey& m, ui::App& app, int width, int height) {
    ++m.step;
    if (app.presenting) ++m.presenting_steps;
    if (ImGui::GetIO().WantTextInput) ++m.editing_steps;
    auto fail = [&](const std::string& why) {
        m.failure = "step " + std::to_string(m.step) + " of seed " + std::to_string(m.seed) + ": " + why;
        return false;
    };
    if (m.step % 25 == 0) {
        std::string saved = sam::SaveWorkspace(app.doc.ws);
        sam::LoadResult back = sam::LoadWorkspace(saved);
        if (!back.ok) return fail("the workspace no longer loads: " + back.problems[0].path + " " + back.problems[0].Message(sam::Lang::En));
        if (sam::SaveWorkspace(back.workspace) != saved) return fail("the workspace does not save the same after loading");
        (void)sam::CheckConsistency(app.doc.ws, app.today);
    }
    if (m.step % 50 == 0 && width > 0 && height > 0) {
        // The frame is drawn: a grid of pixels holds more than one colour.
        unsigned first = 0;
        bool varied = false;
        for (int gy = 1; gy < 16 && !varied; ++gy)
            for (int gx = 1; gx < 16 && !varied; ++gx) {
                unsigned char px[4] = {};
                glReadPixels(width * gx / 16, height * gy / 16, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
                unsigned c = (unsigned)px[0] << 16 | (unsigned)px[1] << 8 | px[2];
                if (gx == 1 && gy == 1) first = c;
                else if (c != first) varied = true;
            }
        if (!varied) return fail("the frame is one colour");
    }
    return true;
}

bool MonkeyFinish(Monkey& m, ui::App& app) {
    ui::ApplyQueuedEdits(app);
    ui::SetPresenting(app, false);
    app.read_only = false;
    int undone = 0;
    while (ui::UndoEdit(app)) ++undone;
    std::string end = sam::SaveWorkspace(app.doc.ws);
    std::printf("monkey: %d steps (%d presenting, %d in a text field), %d edits undone\n", m.step, m.presenting_steps, m.editing_steps, undone);
    if (end != m.start) {
        m.failure = "seed " + std::to_string(m.seed) + ": undoing all " + std::to_string(undone) + " edits does not give back the starting workspace";
        return false;
    }
    return true;
}

}  // namespace native
