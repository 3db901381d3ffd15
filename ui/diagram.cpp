#include "diagram.h"

#include "a11y.h"

#include <algorithm>
#include <cmath>
#include "format.h"
#include "keys.h"

namespace ui {

DiagramLayout LayoutDiagram(const sam::Workspace& ws, float box_w, float box_h, float gap_x, float gap_y) {
    DiagramLayout l;
    l.nodes = sam::BodyTree(ws);
    l.box = ImVec2(box_w, box_h);
    l.pos.assign(l.nodes.size(), ImVec2(0, 0));
    float next_x = 0;
    // Children come after their parent in the list: walking it backwards places every
    // child before its parent.
    for (size_t k = l.nodes.size(); k-- > 0;) {
        const sam::BodyNode& n = l.nodes[k];
        float y = (float)n.depth * (box_h + gap_y);
        if (n.children.empty()) {
            l.pos[k] = ImVec2(next_x, y);
            next_x += box_w + gap_x;
        } else {
            float a = l.pos[n.children.front()].x, b = l.pos[n.children.back()].x;
            l.pos[k] = ImVec2((a + b) * 0.5f, y);
        }
    }
    // Leaves were numbered right to left: mirror so the first child is on the left.
    float width = std::max(0.0f, next_x - gap_x);
    for (auto& p : l.pos) p.x = width - box_w - p.x;
    float depth = 0;
    for (auto& n : l.nodes) depth = std::max(depth, (float)n.depth);
    l.size = ImVec2(width, (depth + 1) * (box_h + gap_y) - gap_y);
    return l;
}

namespace {

ImU32 LevelColor(sam::Level level, bool dark) {
    // Calm tints per level; the text says the level too, so colour is never alone.
    static const ImU32 light[] = {IM_COL32(214, 228, 245, 255), IM_COL32(222, 236, 222, 255), IM_COL32(246, 233, 210, 255),
                                  IM_COL32(236, 224, 240, 255), IM_COL32(232, 232, 232, 255), IM_COL32(245, 245, 225, 255),
                                  IM_COL32(214, 240, 238, 255)};
    static const ImU32 darkc[] = {IM_COL32(38, 62, 92, 255), IM_COL32(40, 70, 52, 255), IM_COL32(84, 66, 34, 255),
                                  IM_COL32(70, 50, 80, 255), IM_COL32(60, 64, 68, 255), IM_COL32(70, 70, 46, 255),
                                  IM_COL32(34, 74, 72, 255)};
    int i = std::clamp((int)level, 0, (int)IM_ARRAYSIZE(light) - 1);
    return dark ? darkc[i] : light[i];
}

// A line of text cut with "…" to fit `width` at font size `size`.
std::string Fit(const std::string& text, float size, float width) {
    ImFont* f = ImGui::GetFont();
    if (f->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty()) {
        do s.pop_back(); while (!s.empty() && ((unsigned char)s.back() & 0xC0) == 0x80);   // whole UTF-8 characters
        if (!s.empty()) s.pop_back();
        if (f->CalcTextSizeA(size, FLT_MAX, 0, (s + "…").c_str()).x <= width) return s + "…";
    }
    return "…";
}

}  // namespace

bool DrawDiagram(App& app, ImVec2 size, bool interactive) {
    const sam::Workspace& ws = app.doc.ws;
    const float font = ImGui::GetFontSize();
    // Diagram units are font-sized so that zoom 1 reads like the rest of the UI.
    // On a slide the boxes are narrower and taller (names wrap to three lines), so that the
    // whole tree fits the screen with its text still large.
    const int name_lines = interactive ? 1 : 3;
    DiagramLayout l = interactive ? LayoutDiagram(ws, font * 15, font * 4.2f, font * 1.2f, font * 2.2f)
                                  : LayoutDiagram(ws, font * 8.5f, font * 5.9f, font * 0.7f, font * 1.6f);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x;
    if (size.y <= 0) size.y = avail.y;
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    bool selection_changed = false;

    ImGui::InvisibleButton("##diagram", size, ImGuiButtonFlags_MouseButtonLeft);
    A11yLast(Role::Button, T(app, interactive ? "ui.diagram_a11y" : "ui.diagram_name"));
    Mark(app, "diagram");
    bool hovered = ImGui::IsItemHovered();
    bool focused = ImGui::IsItemFocused() || hovered;
    ImGuiIO& io = ImGui::GetIO();

    float margin = font;
    auto fit = [&] {
        float zx = (size.x - margin * 2) / std::max(l.size.x, 1.0f);
        float zy = (size.y - margin * 2) / std::max(l.size.y, 1.0f);
        app.zoom = std::clamp(std::min(zx, zy), 0.2f, interactive ? 1.5f : 1.0f);
        app.pan_x = (size.x - l.size.x * app.zoom) * 0.5f;
        app.pan_y = margin;
    };
    if (app.fit_diagram || !interactive) { fit(); app.fit_diagram = !interactive; }
    if (interactive) {
        if (hovered && io.MouseWheel != 0) {
            // Zoom around the mouse.
            float old = app.zoom;
            app.zoom = std::clamp(app.zoom * std::pow(1.15f, io.MouseWheel), 0.2f, 3.0f);
            ImVec2 m(io.MousePos.x - origin.x, io.MousePos.y - origin.y);
            app.pan_x = m.x - (m.x - app.pan_x) * app.zoom / old;
            app.pan_y = m.y - (m.y - app.pan_y) * app.zoom / old;
        }
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
            app.pan_x += io.MouseDelta.x;
            app.pan_y += io.MouseDelta.y;
        }
        if (focused && !io.WantTextInput) {
            float step = font * 3;
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) app.pan_x += step;
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) app.pan_x -= step;
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) app.pan_y += step;
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) app.pan_y -= step;
            if (ImGui::IsKeyPressed(keys::kEqual) || ImGui::IsKeyPressed(keys::kKeypadAdd)) app.zoom = std::min(app.zoom * 1.2f, 3.0f);
            if (ImGui::IsKeyPressed(keys::kMinus) || ImGui::IsKeyPressed(keys::kKeypadSubtract)) app.zoom = std::max(app.zoom / 1.2f, 0.2f);
            if (ImGui::IsKeyPressed(keys::k0)) fit();
        }
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    const ImVec4 text_col = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    const ImU32 text = ImGui::GetColorU32(text_col);
    const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 accent = IM_COL32(230, 120, 20, 255);
    const float z = app.zoom;
    auto at = [&](ImVec2 p) { return ImVec2(origin.x + app.pan_x + p.x * z, origin.y + app.pan_y + p.y * z); };
    const ImVec2 box(l.box.x * z, l.box.y * z);

    // Connectors first: parent bottom centre to child top centre, with a bend.
    for (size_t i = 0; i < l.nodes.size(); ++i) {
        int p = l.nodes[i].parent;
        if (p < 0) continue;
        ImVec2 a = at(ImVec2(l.pos[p].x + l.box.x * 0.5f, l.pos[p].y + l.box.y));
        ImVec2 b = at(ImVec2(l.pos[i].x + l.box.x * 0.5f, l.pos[i].y));
        float mid = (a.y + b.y) * 0.5f;
        dl->AddLine(a, ImVec2(a.x, mid), line, 1.5f);
        dl->AddLine(ImVec2(a.x, mid), ImVec2(b.x, mid), line, 1.5f);
        dl->AddLine(ImVec2(b.x, mid), b, line, 1.5f);
    }
    ImVec4 clip(origin.x, origin.y, origin.x + size.x, origin.y + size.y);
    int clicked = -1;
    float fs = font * z;
    for (size_t i = 0; i < l.nodes.size(); ++i) {
        ImVec2 p0 = at(l.pos[i]);
        ImVec2 p1(p0.x + box.x, p0.y + box.y);
        if (p1.x < clip.x || p0.x > clip.z || p1.y < clip.y || p0.y > clip.w) continue;   // off screen
        const sam::Body& b = ws.bodies.at(l.nodes[i].id);
        bool selected = app.selected_body == l.nodes[i].id;
        float r = 5 * z;
        if (b.repeat) {   // a stack: one box stands for many groups
            dl->AddRectFilled(ImVec2(p0.x + 6 * z, p0.y - 6 * z), ImVec2(p1.x + 6 * z, p1.y - 6 * z), LevelColor(b.level, app.dark), r);
            dl->AddRect(ImVec2(p0.x + 6 * z, p0.y - 6 * z), ImVec2(p1.x + 6 * z, p1.y - 6 * z), line, r);
        }
        dl->AddRectFilled(p0, p1, LevelColor(b.level, app.dark), r);
        dl->AddRect(p0, p1, selected ? accent : line, r, 0, selected ? 3.0f : 1.0f);
        if (fs >= 6) {
            float pad = fs * 0.4f;
            float w = box.x - pad * 2;
            float y = p0.y + pad;
            if (name_lines == 1) {
                dl->AddText(nullptr, fs, ImVec2(p0.x + pad, y), text, Fit(b.name, fs, w).c_str());
                y += fs * 1.15f;
            } else {
                ImVec4 name_clip(p0.x, p0.y, p1.x, p0.y + pad + fs * 1.15f * (float)name_lines);
                dl->AddText(nullptr, fs, ImVec2(p0.x + pad, y), text, b.name.c_str(), nullptr, w, &name_clip);
                y += fs * 1.15f * (float)name_lines;
            }
            std::string lvl(sam::TrEnum(app.lang, "level", sam::ToString(b.level)));
            if (b.target_group != sam::TargetGroup::All) lvl += " · " + std::string(sam::TrEnum(app.lang, "target_group", sam::ToString(b.target_group)));
            dl->AddText(nullptr, fs * 0.85f, ImVec2(p0.x + pad, y), faint, Fit(lvl, fs * 0.85f, w).c_str());
            std::string extra;
            if (b.repeat) extra = sam::TrF(app.lang, "ui.repeat_short", {std::to_string(b.repeat->count), std::to_string(sam::RepeatTotal(ws, b))});
            else if (b.meetings_per_year) extra = sam::TrF(app.lang, "ui.meetings_per_year", {std::to_string(b.meetings_per_year)});
            if (!b.members.empty()) extra += (extra.empty() ? "" : " · ") + sam::TrF(app.lang, "ui.members_count", {std::to_string(b.members.size())});
            dl->AddText(nullptr, fs * 0.85f, ImVec2(p0.x + pad, y + fs * 1.05f), faint, Fit(extra, fs * 0.85f, w).c_str());
        }
        if (app.test_mode) app.rects.push_back({"body:" + l.nodes[i].id, p0.x, p0.y, box.x, box.y});
        // For a reader: the box as a button with the body's name, level and size; choosing it selects the body.
        if (A11yOn()) {
            std::string said = b.name + ", " + std::string(sam::TrEnum(app.lang, "level", sam::ToString(b.level)));
            if (!b.members.empty()) said += ", " + sam::TrF(app.lang, "ui.members_count", {std::to_string(b.members.size())});
            std::string body_id = l.nodes[i].id;
            A11yDrawn("body:" + body_id, Role::Button, said, p0, p1, app.selected_body == body_id,
                      interactive ? std::function<void()>([&app, body_id] { app.selected_body = body_id; }) : std::function<void()>([] {}));
        }
        // A name cut to fit its box is whole in the tooltip.
        if (hovered && io.MousePos.x >= p0.x && io.MousePos.x < p1.x && io.MousePos.y >= p0.y && io.MousePos.y < p1.y &&
            !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
            ImGui::SetTooltip("%s", b.name.c_str());
        if (interactive && hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.0f &&
            io.MousePos.x >= p0.x && io.MousePos.x < p1.x && io.MousePos.y >= p0.y && io.MousePos.y < p1.y)
            clicked = (int)i;
    }
    dl->PopClipRect();
    if (clicked >= 0 && app.selected_body != l.nodes[clicked].id) {
        app.selected_body = l.nodes[clicked].id;
        selection_changed = true;
    }
    return selection_changed;
}

}  // namespace ui
