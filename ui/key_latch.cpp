#include "key_latch.h"

#include <imgui.h>
#include <algorithm>

namespace ui {

void LatchPress(KeyLatch& latch, int key) {
    // Down again before the frame let go of it: it stays down.
    latch.held.erase(std::remove(latch.held.begin(), latch.held.end(), key), latch.held.end());
    latch.seen.erase(std::remove(latch.seen.begin(), latch.seen.end(), key), latch.seen.end());
    if (std::find(latch.pressed.begin(), latch.pressed.end(), key) == latch.pressed.end()) latch.pressed.push_back(key);
}

static bool IsModifier(int key) { return key >= 340 && key <= 347; }   // GLFW's shift, ctrl, alt, super

bool LatchRelease(KeyLatch& latch, int key) {
    bool unseen = std::find(latch.pressed.begin(), latch.pressed.end(), key) != latch.pressed.end();
    // A modifier let go while a key pressed after it is still unseen (Ctrl down, a frame, S down
    // and up, Ctrl up): the frame that sees S must see Ctrl with it.
    bool pending_shortcut = IsModifier(key) && std::any_of(latch.pressed.begin(), latch.pressed.end(), [](int k) { return !IsModifier(k); });
    if (!unseen && !pending_shortcut) return false;
    latch.held.push_back(key);
    return true;
}

void LatchBeforeNewFrame(KeyLatch& latch) {
    if (latch.seen.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    for (int key : latch.seen)
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = false;
    // The backend derives the modifiers from KeysDown (GLFW codes 340–347); keep them in step.
    io.KeyShift = io.KeysDown[340] || io.KeysDown[344];
    io.KeyCtrl = io.KeysDown[341] || io.KeysDown[345];
    io.KeyAlt = io.KeysDown[342] || io.KeysDown[346];
    io.KeySuper = io.KeysDown[343] || io.KeysDown[347];
    latch.seen.clear();
}

void LatchFrameStarted(KeyLatch& latch) {
    latch.seen.insert(latch.seen.end(), latch.held.begin(), latch.held.end());
    latch.held.clear();
    latch.pressed.clear();
}

}  // namespace ui
