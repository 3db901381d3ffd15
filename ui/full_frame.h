// One frame of the app for both platforms (web and desktop use GLFW and ImGui's OpenGL 3
// backend alike): style changes, ImGui's frame, the views, the edits they queued, drawing.
#pragma once
#include <cstdint>
#include <functional>
#include "app.h"
#include "key_latch.h"

struct GLFWwindow;
struct ImDrawData;
struct ImVec4;

namespace ui {

// What the window shows, for a platform whose picture stays until drawn over (a web page's
// canvas): a frame that would draw the same again is not drawn, and the browser has nothing
// new to copy to the screen (in software GL that copy costs more than the frame).
struct Shown {
    uint64_t hash = 0;   // the last drawn frame's DrawDataHash; 0: nothing drawn yet
};

// `platform_views` draws what only one platform has (the desktop's dialogs); `input` may
// change ImGui's input after the backend has read the devices and the key latch has let go of
// what the last frame saw (a scripted or random user; text that came without key presses).
// With `shown`, a frame like the last one drawn is built but not drawn. True when drawn.
bool FullFrame(App& app, GLFWwindow* window, KeyLatch& keys, const FontSource& font,
               const std::function<void()>& platform_views = {}, const std::function<void()>& input = {},
               Shown* shown = nullptr);

// What a frame makes between ImGui::NewFrame and ImGui::Render (FullFrame, the ui tests):
// the views, what the screen reader's mirror says of them, and the edits they queued.
void ViewsAndMirror(App& app, const std::function<void()>& platform_views = {});
// Before the first frame's NewFrame: that frame made once, not shown. ImGui sizes new windows,
// tables and wrapped text from what the frame before measured, so a first frame shown as made
// would change in the next (one more frame to put on screen; in software GL read back while an
// edit waits). Input of that frame goes to the one shown (a page's canvas is hidden until then).
void SettleFirstFrame(App& app, const std::function<void()>& platform_views = {});

// Before the first frame, while a page waits for a workspace's answer with its canvas hidden:
// the style and fonts applied, ImGui's shaders, buffers and font texture made, and one small
// draw through them. In software GL the first draw with them builds its pipeline, which the
// first frame of a national workspace waited ~0,2 s for; here it is built while the answer
// downloads. Leaves the app as it was (no frame of it counted). True when it applied the style.
bool WarmUpRenderer(App& app, GLFWwindow* window, const FontSource& font);

// Everything that decides the picture: each list's vertices, indices and commands, the
// display's size and scale, the framebuffer's size and the clear colour.
uint64_t DrawDataHash(const ImDrawData& draw, int framebuffer_w, int framebuffer_h, const ImVec4& clear);

// Whether the next frame must be drawn though no input came (a page left open draws a few
// frames a second, not 60, and an edit then finds the program idle): the first frames, a
// restyle, a held mouse button (drags, repeating buttons).
bool WantsFrame(const App& app);
// The same policy's numbers, for both platforms' loops: the first frames, the frames drawn
// after input for ImGui to settle (a click's press and release, hover), and the idle frame's
// interval.
constexpr int kFirstFrames = 4;    // drawn one after another once the app starts
constexpr int kSettleFrames = 3;
constexpr double kIdleFrameMs = 250;

// After a change of theme, scale or presentation: the new fonts' texture, and nothing else.
// (Destroying all device objects in ImGui 1.86's OpenGL 3 backend keeps the old buffer
// sizes, so the next frame writes past buffers that have no storage: a blank window.)
void RebuildFontTexture();

}  // namespace ui
