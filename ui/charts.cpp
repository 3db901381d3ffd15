#include "charts.h"

#include "a11y.h"
#include <imgui_internal.h>

#include <algorithm>

namespace ui {

ChartColors DefaultChartColors(bool high_contrast) {
    ChartColors c;
    const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    c.text = ImGui::GetColorU32(text);
    c.grid = ImGui::GetColorU32(ImGuiCol_Border);
    if (high_contrast) {
        c.bar = IM_COL32(0, 60, 140, 255);
        c.compare = IM_COL32(150, 150, 150, 255);
        c.highlight = IM_COL32(190, 60, 0, 255);
    } else {
        c.bar = IM_COL32(48, 110, 170, 255);
        c.compare = IM_COL32(160, 170, 180, 255);
        c.highlight = IM_COL32(214, 110, 30, 255);
    }
    return c;
}

int BarChart(const char* id, const std::vector<Bar>& bars, float width, const ChartColors& colors) {
    ImGui::PushID(id);
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().ItemSpacing.y;
    float label_w = 0, text_w = 0;
    double max = 0;
    for (const Bar& b : bars) {
        label_w = std::max(label_w, ImGui::CalcTextSize(b.label.c_str()).x);
        text_w = std::max(text_w, ImGui::CalcTextSize((b.text + "  " + b.note).c_str()).x);
        max = std::max({max, b.value, b.has_compare ? b.compare : 0.0});
    }
    label_w = std::min(label_w, width * 0.35f);
    const float gap = line * 0.5f;
    const float bar_x0 = label_w + gap;
    const float bar_w = std::max(line, width - bar_x0 - text_w - gap * 2);
    bool any_compare = std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.has_compare; });
    const float row_h = line * (any_compare ? 1.6f : 1.0f) + pad;

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int hovered = -1;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    for (size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        float y = origin.y + row_h * (float)i;
        if (y + row_h < clip_min.y || y > clip_max.y) continue;   // off screen: hundreds of bars stay cheap
        // Label, clipped to its column.
        ImVec4 clip(origin.x, y, origin.x + label_w, y + row_h);
        dl->AddText(nullptr, 0, ImVec2(origin.x, y), colors.text, b.label.c_str(), nullptr, 0, &clip);
        float x0 = origin.x + bar_x0;
        float len = max > 0 ? (float)(b.value / max) * bar_w : 0;
        float h = any_compare ? line * 0.8f : line * 0.9f;
        dl->AddRectFilled(ImVec2(x0, y + (line - h) * 0.5f), ImVec2(x0 + std::max(len, 1.0f), y + (line + h) * 0.5f),
                          b.highlight ? colors.highlight : colors.bar, 2.0f);
        if (b.has_compare) {
            float clen = max > 0 ? (float)(b.compare / max) * bar_w : 0;
            float cy = y + line * 0.95f;
            dl->AddRectFilled(ImVec2(x0, cy), ImVec2(x0 + std::max(clen, 1.0f), cy + line * 0.35f), colors.compare, 2.0f);
        }
        std::string value = b.text + (b.note.empty() ? "" : "  " + b.note);
        dl->AddText(ImVec2(x0 + len + gap, y), b.highlight ? colors.highlight : colors.text, value.c_str());
        if (mouse.x >= origin.x && mouse.x < origin.x + width && mouse.y >= y && mouse.y < y + row_h) hovered = (int)i;
    }
    ImGui::Dummy(ImVec2(width, row_h * (float)bars.size()));
    // For a reader the chart is its figures: "Ånge: 312 000 kr; Härnösand: …".
    if (A11yOn()) {
        std::string said;
        for (const Bar& b : bars) said += (said.empty() ? "" : "; ") + b.label + ": " + b.text + (b.note.empty() ? "" : " " + b.note);
        A11yText(said);
    }
    ImGui::PopID();
    return ImGui::IsItemHovered() ? hovered : -1;
}

}  // namespace ui
