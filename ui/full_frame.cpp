#include "full_frame.h"
#include "a11y.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace ui {

void RebuildFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool WantsFrame(const App& app) {
    return app.frames < 10 || app.style_dirty || ImGui::IsAnyMouseDown();
}

void FullFrame(App& app, GLFWwindow* window, KeyLatch& keys, const FontSource& font,
               const std::function<void()>& platform_views, const std::function<void()>& input) {
    if (app.style_dirty) {
        ApplyStyle(app, font);
        if (app.frames > 0) RebuildFontTexture();   // the first NewFrame makes the device objects
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (input) input();
    LatchBeforeNewFrame(keys);
    ImGui::NewFrame();
    LatchFrameStarted(keys);
    app.a11y.whole = MirrorWhole(app);
    A11yBeginFrame(app.a11y);
    Frame(app);
    if (platform_views) platform_views();
    A11yEndFrame(app.a11y);
    // The status line for a reader: clashes and refused input at once, the rest when idle.
    app.a11y.assertive = !app.conflict_text.empty() ? app.conflict_text : app.field_error.message;
    app.a11y.polite = app.status.empty() ? app.sync_text : app.status;
    app.a11y.lang = app.lang == sam::Lang::En ? "en" : "sv";
    ApplyQueuedEdits(app);   // no view holds a reference into the model past this point
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ui
