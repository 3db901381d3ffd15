#include "key_latch.h"

#include <imgui.h>
#include <algorithm>

namespace ui {

void LatchPress(KeyLatch& latch, int key) {
    if (std::find(latch.pressed.begin(), latch.pressed.end(), key) == latch.pressed.end()) latch.pressed.push_back(key);
}

bool LatchRelease(KeyLatch& latch, int key) {
    if (std::find(latch.pressed.begin(), latch.pressed.end(), key) == latch.pressed.end()) return false;
    latch.held.push_back(key);
    return true;
}

void LatchFrameStarted(KeyLatch& latch) {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : latch.held)
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = false;
    if (!latch.held.empty()) {
        // The backend derives the modifiers from KeysDown (GLFW codes 340–347); keep them in step.
        io.KeyShift = io.KeysDown[340] || io.KeysDown[344];
        io.KeyCtrl = io.KeysDown[341] || io.KeysDown[345];
        io.KeyAlt = io.KeysDown[342] || io.KeysDown[346];
        io.KeySuper = io.KeysDown[343] || io.KeysDown[347];
    }
    latch.held.clear();
    latch.pressed.clear();
}

}  // namespace ui
