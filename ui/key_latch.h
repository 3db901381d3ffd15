// Dear ImGui 1.86 reads keys as "down now", once per frame: a press and release between two
// frames (a presentation clicker, a scripted key press) is never seen. The platforms route
// key events through this latch, which holds such a release until the frame has seen the key.
#pragma once
#include <vector>

namespace ui {

struct KeyLatch {
    std::vector<int> pressed;    // pressed since the last frame began
    std::vector<int> held;       // released too soon: released after the next NewFrame
};

// A key went down: remember it until the next frame has begun.
void LatchPress(KeyLatch& latch, int key);
// A key went up: true when the release must wait (the frame has not seen the press yet).
bool LatchRelease(KeyLatch& latch, int key);
// Call right after ImGui::NewFrame(): lets go of the held keys (io.KeysDown) for the next frame.
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
