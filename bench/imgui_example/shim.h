// Forced in front of Dear ImGui 1.86's own examples/example_glfw_opengl3/main.cpp, which is
// compiled unchanged: its endless loop gives the browser a turn after each frame (Asyncify),
// and the first frame's presentation is noted for first_frame_bench.mjs, as the app's is: at
// the first animation frame after the commit that shows it. The app draws inside an animation
// frame, so its commit follows at once and the next animation frame is after it. This example
// draws its first frame outside one (in the instantiation's microtask), so the next animation
// frame comes *before* the commit that shows it (250 ms on software GL), and the one after
// that is the first after it.
#pragma once
#include <emscripten.h>
#include <GLFW/glfw3.h>

static inline void BenchSwapBuffers(GLFWwindow* window) {
    glfwSwapBuffers(window);
    static bool first = true;
    if (first) {
        first = false;
        EM_ASM({ requestAnimationFrame(() => requestAnimationFrame(() => { window.firstFrameAt = performance.now(); })); });
    }
    emscripten_sleep(0);
}
#define glfwSwapBuffers BenchSwapBuffers
