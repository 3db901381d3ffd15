// Dear ImGui 1.86 reads keys as "down now", once per frame: a press and release between two
// frames (a presentation clicker, a scripted key press) is never seen. The platforms route
// key events through this latch, which holds such a release until a frame has seen the key,
// and lets go of it before the next frame (never within one: its views would see a shortcut's
// key pressed with its modifier already up).
#pragma once
#include <vector>

namespace ui {

struct KeyLatch {
    std::vector<int> pressed;    // pressed since the last frame began
    std::vector<int> held;       // released before a frame saw the press
    std::vector<int> seen;       // held keys a frame has seen: released before the next one
};

// A key went down: remember it until the next frame has begun.
void LatchPress(KeyLatch& latch, int key);
// A key went up: true when the release must wait (the frame has not seen the press yet).
bool LatchRelease(KeyLatch& latch, int key);
// Call right before ImGui::NewFrame(): lets go of the keys the last frame saw (io.KeysDown).
void LatchBeforeNewFrame(KeyLatch& latch);
// Call right after ImGui::NewFrame(): this frame has seen the keys pressed so far.
void LatchFrameStarted(KeyLatch& latch);

// The GLFW side, for the two platforms (both include GLFW and ImGui's GLFW backend first):
// call after ImGui_ImplGlfw_InitForOpenGL, which it takes the key callback over from.
#if defined(GLFW_PRESS) && defined(IMGUI_IMPL_API)
inline void LatchKeyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (auto* latch = static_cast<KeyLatch*>(glfwGetWindowUserPointer(window))) {
        if (action == GLFW_PRESS) LatchPress(*latch, key);
        else if (action == GLFW_RELEASE && LatchRelease(*latch, key)) return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}
inline void InstallKeyLatch(GLFWwindow* window, KeyLatch* latch) {
    glfwSetWindowUserPointer(window, latch);
    glfwSetKeyCallback(window, LatchKeyCallback);
}
#endif

}  // namespace ui
