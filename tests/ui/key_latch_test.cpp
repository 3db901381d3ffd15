// The key latch between the platform's key events and ImGui 1.86's once-per-frame key state:
// a key pressed and let go between two frames (a presentation clicker, a scripted press) is
// seen as pressed by exactly one frame, and a key held through frames is pressed only once.
#include <doctest/doctest.h>
#include <imgui.h>

#include "key_latch.h"
#include "keys.h"

namespace {

constexpr int kArrowRight = 262;   // GLFW_KEY_RIGHT
constexpr int kLeftCtrl = 341;     // GLFW_KEY_LEFT_CONTROL

// ImGui with its default font, and the GLFW backend's key callback as the latch wraps it.
struct Keys {
    ui::KeyLatch latch;
    Keys() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60;
        io.KeyMap[ImGuiKey_RightArrow] = kArrowRight;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Keys() { ImGui::DestroyContext(); }
    void Down(int key) {
        ui::LatchPress(latch, key);
        Set(key, true);
    }
    void Up(int key) {
        if (!ui::LatchRelease(latch, key)) Set(key, false);
    }
    static void Set(int key, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = down;
        io.KeyCtrl = io.KeysDown[kLeftCtrl];
    }
    // One frame as ui::FullFrame runs it; what the views would see of `key`.
    struct Seen {
        bool pressed, down, ctrl;
    };
    Seen Frame(int key) {
        ui::LatchBeforeNewFrame(latch);
        ImGui::NewFrame();
        ui::LatchFrameStarted(latch);
        Seen seen{ImGui::IsKeyPressed(key), ImGui::IsKeyDown(key), ImGui::GetIO().KeyCtrl};
        ImGui::EndFrame();
        return seen;
    }
};

}  // namespace

TEST_CASE("a key pressed and let go between two frames is pressed in the next frame, then up") {
    Keys keys;
    keys.Down(kArrowRight);
    keys.Up(kArrowRight);
    Keys::Seen first = keys.Frame(kArrowRight);
    CHECK(first.pressed);
    Keys::Seen second = keys.Frame(kArrowRight);
    CHECK_FALSE(second.pressed);
    CHECK_FALSE(second.down);
}

TEST_CASE("a key held down over exactly one frame is pressed in that frame") {
    Keys keys;
    keys.Frame(kArrowRight);
    keys.Down(kArrowRight);
    CHECK(keys.Frame(kArrowRight).pressed);
    keys.Up(kArrowRight);   // the frame has seen it: let go at once
    CHECK(keys.latch.held.empty());
    Keys::Seen after = keys.Frame(kArrowRight);
    CHECK_FALSE(after.pressed);
    CHECK_FALSE(after.down);
}

TEST_CASE("a key held through several frames is pressed once") {
    Keys keys;
    keys.Down(kArrowRight);
    int pressed = 0;
    for (int frame = 0; frame < 5; ++frame) pressed += keys.Frame(kArrowRight).pressed;
    CHECK(pressed == 1);
    keys.Up(kArrowRight);
    CHECK_FALSE(keys.Frame(kArrowRight).down);
}

TEST_CASE("a shortcut typed between two frames (Ctrl+S) is seen with its modifier, and the modifier is let go after") {
    Keys keys;
    keys.Down(kLeftCtrl);
    keys.Down(ui::keys::kS);
    keys.Up(ui::keys::kS);
    keys.Up(kLeftCtrl);
    Keys::Seen first = keys.Frame(ui::keys::kS);
    CHECK(first.pressed);
    CHECK(first.ctrl);
    Keys::Seen second = keys.Frame(ui::keys::kS);
    CHECK_FALSE(second.down);
    CHECK_FALSE(second.ctrl);
}

TEST_CASE("a shortcut whose modifier a frame has already seen keeps the modifier until its key is seen") {
    Keys keys;
    keys.Down(kLeftCtrl);
    CHECK(keys.Frame(ui::keys::kS).ctrl);   // Ctrl alone: seen, nothing pressed
    keys.Down(ui::keys::kS);
    keys.Up(ui::keys::kS);
    keys.Up(kLeftCtrl);   // all before the next frame
    Keys::Seen with = keys.Frame(ui::keys::kS);
    CHECK(with.pressed);
    CHECK(with.ctrl);
    Keys::Seen after = keys.Frame(ui::keys::kS);
    CHECK_FALSE(after.down);
    CHECK_FALSE(after.ctrl);
}

TEST_CASE("a second press of a key between two frames is not lost behind the first") {
    Keys keys;
    keys.Down(kArrowRight);
    keys.Up(kArrowRight);
    keys.Down(kArrowRight);   // pressed again before any frame: one press seen, the key still down
    CHECK(keys.Frame(kArrowRight).pressed);
    CHECK(keys.Frame(kArrowRight).down);
    keys.Up(kArrowRight);
    CHECK_FALSE(keys.Frame(kArrowRight).down);
}

// Ctrl down, Z down, Z up, Ctrl up, with none, one or two frames in each gap (a busy page draws
// between any two key events, an idle one after all four): every order is one Ctrl+Z, seen once.
TEST_CASE("a shortcut is seen exactly once however the frames fall between its four key events") {
    const int z = 90;   // GLFW_KEY_Z
    for (int combo = 0; combo < 243; ++combo) {
        Keys keys;
        int shortcuts = 0, gaps = combo;
        auto frames = [&](int n) {
            for (int i = 0; i < n; ++i) {
                Keys::Seen seen = keys.Frame(z);
                shortcuts += seen.pressed && seen.ctrl;
            }
        };
        frames(gaps % 3), gaps /= 3;
        keys.Down(kLeftCtrl);
        frames(gaps % 3), gaps /= 3;
        keys.Down(z);
        frames(gaps % 3), gaps /= 3;
        keys.Up(z);
        frames(gaps % 3), gaps /= 3;
        keys.Up(kLeftCtrl);
        frames(gaps % 3 + 2);
        INFO("frames in each gap: combo " << combo);
        CHECK(shortcuts == 1);
        CHECK_FALSE(ImGui::GetIO().KeyCtrl);
        CHECK_FALSE(ImGui::IsKeyDown(z));
    }
}
