#include "full_frame.h"
#include "a11y.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <cstring>

namespace ui {

void RebuildFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool WantsFrame(const App& app) {
    return app.frames < kFirstFrames || app.style_dirty || ImGui::IsAnyMouseDown();
}

namespace {

struct Hasher {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    void Word(uint64_t w) {
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    void Bytes(const void* data, size_t n) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        uint64_t w;
        for (; n >= 8; p += 8, n -= 8) { std::memcpy(&w, p, 8); Word(w); }
        w = 0;
        std::memcpy(&w, p, n);
        Word(w ^ (uint64_t)n << 56);
    }
    template <typename T> void Value(const T& v) { Bytes(&v, sizeof v); }
};

}  // namespace

uint64_t DrawDataHash(const ImDrawData& draw, int framebuffer_w, int framebuffer_h, const ImVec4& clear) {
    Hasher h;
    h.Value(draw.DisplayPos);
    h.Value(draw.DisplaySize);
    h.Value(draw.FramebufferScale);
    h.Value(framebuffer_w);
    h.Value(framebuffer_h);
    h.Value(clear);
    h.Value(draw.CmdListsCount);
    for (int i = 0; i < draw.CmdListsCount; ++i) {
        const ImDrawList* list = draw.CmdLists[i];
        h.Bytes(list->VtxBuffer.Data, (size_t)list->VtxBuffer.Size * sizeof(ImDrawVert));
        h.Bytes(list->IdxBuffer.Data, (size_t)list->IdxBuffer.Size * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : list->CmdBuffer) {
            h.Value(c.ClipRect);
            h.Value(c.TextureId);
            h.Value(c.VtxOffset);
            h.Value(c.IdxOffset);
            h.Value(c.ElemCount);
            h.Value(c.UserCallback != nullptr);
        }
    }
    return h.h ? h.h : 1;
}

void ViewsAndMirror(App& app, const std::function<void()>& platform_views) {
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
}

void SettleFirstFrame(App& app, const std::function<void()>& platform_views) {
    if (app.frames != 0) return;
    ImGui::NewFrame();
    ViewsAndMirror(app, platform_views);
    ImGui::EndFrame();
    --app.frames;   // not shown: the next one is the first
}

namespace {

// A restyle's fonts need a new texture once the renderer has made one; before that, the
// renderer's first frame makes it from the fonts then applied. True when it restyled.
bool Restyle(App& app, const FontSource& font) {
    if (!app.style_dirty) return false;
    ApplyStyle(app, font);
    if (app.renderer_made) RebuildFontTexture();
    return true;
}

void RendererNewFrame(App& app) {
    ImGui_ImplOpenGL3_NewFrame();   // the first makes the device objects and the font texture
    ImGui_ImplGlfw_NewFrame();
    app.renderer_made = true;
}

void DrawToWindow(GLFWwindow* window, const ImVec4& clear) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(clear.x, clear.y, clear.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

bool WarmUpRenderer(App& app, GLFWwindow* window, const FontSource& font) {
    bool restyled = Restyle(app, font);
    RendererNewFrame(app);
    ImGui::NewFrame();
    // What every frame draws: filled shapes and text, from the font texture.
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(64, 16), IM_COL32(255, 255, 255, 255), 4);
    draw->AddText(ImVec2(4, 0), IM_COL32(0, 0, 0, 255), "Samverkan");
    ImGui::Render();
    DrawToWindow(window, ImVec4(0, 0, 0, 1));
    return restyled;
}

bool FullFrame(App& app, GLFWwindow* window, KeyLatch& keys, const FontSource& font,
               const std::function<void()>& platform_views, const std::function<void()>& input, Shown* shown) {
    bool restyled = Restyle(app, font);
    RendererNewFrame(app);
    SettleFirstFrame(app, platform_views);
    LatchBeforeNewFrame(keys);
    if (input) input();   // sees the keys as this frame will
    ImGui::NewFrame();
    LatchFrameStarted(keys);
    ViewsAndMirror(app, platform_views);
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    if (shown) {
        // A new font texture under the same name draws differently from the same draw data.
        uint64_t hash = DrawDataHash(*ImGui::GetDrawData(), w, h, bg);
        if (hash == shown->hash && !restyled) return false;
        shown->hash = hash;
    }
    DrawToWindow(window, bg);
    return true;
}

}  // namespace ui
