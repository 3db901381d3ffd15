// Look and feel: a scalable TTF with the Swedish letters and the status symbols, and
// a calm light and dark theme in place of ImGui's default colours.
#include <imgui.h>
#include "app.h"
#include "font_atlas.h"

namespace ui {

namespace {

// Latin-1 for å ä ö é ü, general punctuation (– … ‖), arrows, minus, check marks.
// The web build's font is cut down to exactly these (web/CMakeLists.txt): change both together.
const ImWchar kGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x2212, 0x2212, 0x25B2, 0x25B2, 0x25BC, 0x25BC,
                           0x2713, 0x2713, 0x2717, 0x2717, 0};

void Colors(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    if (dark) ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();
    ImVec4* c = s.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.13f, 0.15f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_Text] = ImVec4(0.92f, 0.93f, 0.94f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.66f, 0.70f, 1);
        c[ImGuiCol_Button] = ImVec4(0.19f, 0.29f, 0.40f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.38f, 0.53f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.16f, 0.45f, 0.66f, 1);
        c[ImGuiCol_Header] = ImVec4(0.19f, 0.29f, 0.40f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.38f, 0.53f, 1);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.21f, 0.25f, 1);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
        c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.19f, 0.22f, 1);
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.14f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.42f, 0.46f, 1);
        c[ImGuiCol_Button] = ImVec4(0.85f, 0.89f, 0.93f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.82f, 0.90f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.56f, 0.71f, 0.86f, 1);
        c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 0.93f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.81f, 0.91f, 1);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.91f, 0.94f, 1);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.03f);
        c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Border] = ImVec4(0.70f, 0.73f, 0.76f, 1);
    }
    c[ImGuiCol_NavHighlight] = ImVec4(0.95f, 0.55f, 0.10f, 1);   // visible keyboard focus
}

// The UI font at one size; nullptr when there is none (ImGui's own font stands in).
ImFont* AddUiFont(const FontSource& font, float size_px, const ImFontConfig& base) {
    ImGuiIO& io = ImGui::GetIO();
    if (font.data && font.size > 0) {
        ImFontConfig cfg = base;
        cfg.FontDataOwnedByAtlas = false;   // the bytes are the program's, not a copy
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data), font.size, size_px, &cfg, kGlyphs);
    }
    return font.path ? io.Fonts->AddFontFromFileTTF(font.path, size_px, &base, kGlyphs) : nullptr;
}

}  // namespace

void ApplyStyle(App& app, const FontSource& font) {
    float scale = app.ui_scale * app.dpi_scale;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    Colors(app.dark);
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 7);
    s.CellPadding = ImVec2(7, 4);
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.ScrollbarSize = 16;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = app.dark ? 0.0f : 1.0f;
    s.ScaleAllSizes(scale);

    ImGuiIO& io = ImGui::GetIO();
    // No cursor shapes (the system draws the cursor), and a texture only as tall as the glyphs
    // need: WebGL 2 and OpenGL 3 take any height, and the page uploads 45 % less.
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.FontDefault = nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    // Body and heading fonts, from the atlas built with the program when the scale is its.
    ImFont* body = nullptr;
    io.FontGlobalScale = 1;
    bool ttf = (font.data && font.size > 0) || font.path;
    if (!app.presenting && LoadFontAtlas(*io.Fonts, font.atlas, (size_t)font.atlas_size, scale) && io.Fonts->Fonts.Size == 2) {
        body = io.Fonts->Fonts[0];
        app.font = io.Fonts->Fonts[1];
    } else if (!ttf && LoadFontAtlas(*io.Fonts, font.atlas, (size_t)font.atlas_size, 1.0f) && io.Fonts->Fonts.Size == 2) {
        // The TTF is not here yet (the page fetches it after starting): the carried atlas,
        // enlarged, until the platform has it and asks for the style again.
        body = io.Fonts->Fonts[0];
        app.font = io.Fonts->Fonts[1];
        io.FontGlobalScale = scale;
    } else {
        io.Fonts->Clear();
        body = AddUiFont(font, 17.0f * scale, cfg);
        if (!body) {   // no TTF: ImGui's built-in font still covers Latin-1
            ImFontConfig def;
            def.SizePixels = 13.0f * scale;
            body = io.Fonts->AddFontDefault(&def);
        }
        app.font = AddUiFont(font, 26.0f * scale, cfg);
        if (!app.font) app.font = body;
    }
    // Presentation: 32 px body and 56 px titles at 1080 lines (the slide scales them to the
    // window), whatever the UI scale: the room's distance sets these, not the user's eyes.
    // Made only while presenting: the page's first frame should not wait for them.
    app.font_slide = app.font_slide_title = nullptr;
    if (app.presenting) {
        app.font_slide = AddUiFont(font, 32.0f * app.dpi_scale, cfg);
        app.font_slide_title = AddUiFont(font, 56.0f * app.dpi_scale, cfg);
    }
    if (!app.font_slide) app.font_slide = app.font;
    if (!app.font_slide_title) app.font_slide_title = app.font;
    io.FontDefault = body;
    app.style_dirty = false;
}

}  // namespace ui
