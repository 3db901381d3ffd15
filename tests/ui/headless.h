// The app drawn for real without a window: ImGui with the app's style and fonts, the semantic
// mirror on, and the mouse moved and pressed as a user would (ImGui 1.86 reads the mouse state,
// so a click is three frames: over, down, up).
#pragma once
#include <imgui.h>

#include <string>
#include <doctest/doctest.h>
#include "app.h"
#include "full_frame.h"
#include "demos.h"

namespace headless {

// ImGui's context for one test: the app in test mode with the mirror on and a demo opened.
struct Context {
    ui::App app;
    Context(const char* demo, const char* today) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        app.today = today;
        app.test_mode = true;
        app.a11y.enabled = true;
        REQUIRE(ui::OpenWorkspaceText(app, *sam::FindDemo(demo), "demo"));
    }
    ~Context() { ImGui::DestroyContext(); }
    Context(const Context&) = delete;
};

inline const ui::WidgetRect* Find(const ui::App& app, const std::string& name) {
    for (const ui::WidgetRect& r : app.rects)
        if (r.name == name) return &r;
    return nullptr;
}

inline void Frames(ui::App& app, int n, float width = 1280, float height = 900) {
    ImGuiIO& io = ImGui::GetIO();
    ui::FontSource font;
    font.path = SAMVERKAN_FONT;
    for (int frame = 0; frame < n; ++frame) {
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60;
        if (app.style_dirty) {
            ui::ApplyStyle(app, font);
            unsigned char* pixels;
            int w, h;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
        app.rects.clear();
        ui::SettleFirstFrame(app);   // as the app's own frame (ui/full_frame.cpp)
        ImGui::NewFrame();
        ui::ViewsAndMirror(app);
        ImGui::Render();
    }
}

inline void Click(ui::App& app, float x, float y, float width = 1280, float height = 900) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    Frames(app, 1, width, height);
    io.MouseDown[0] = true;
    Frames(app, 1, width, height);
    io.MouseDown[0] = false;
    Frames(app, 2, width, height);
}

inline void Click(ui::App& app, const ui::WidgetRect& r, float width = 1280, float height = 900) {
    Click(app, r.x + 5, r.y + r.h / 2, width, height);
}

// The mirror's node of this role and name (what a screen reader reads), or null.
inline const ui::A11yNode* Node(const ui::App& app, ui::Role role, const std::string& name) {
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (n.role == role && n.name == name) return &n;
    return nullptr;
}

}  // namespace headless
