#include "comparison.h"
#include "a11y.h"

#include <imgui.h>
#include <algorithm>
#include "charts.h"
#include "format.h"
#include "views.h"
#include "wide_table.h"

namespace ui {

void DrawComparison(App& app, const sam::Budget& base, const sam::Budget& scenario, int year, const char* id, bool high_contrast) {
    sam::Comparison c = sam::Compare(app.doc.ws, base, scenario, year);
    ImGui::PushID(id);
    const ImVec4 up(0.75f, 0.22f, 0.10f, 1), down(0.10f, 0.50f, 0.25f, 1);
    if (BeginWideTable("##cmp", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * 30)) {
        std::string party_col = std::string(T(app, "ui.party")) + " " + std::to_string(year);
        ImGui::TableSetupColumn(party_col.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(T(app, "ui.base"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.scenario"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.difference"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        HeadersRow();
        for (auto& r : c.rows) {
            ImGui::TableNextRow();
            bool changed = r.diff != 0 || r.in_base != r.in_scenario;
            if (changed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, high_contrast ? IM_COL32(255, 236, 179, 255) : IM_COL32(255, 200, 80, 40));
            ImGui::TableNextColumn();
            Say(PartyName(app, r.party));
            Mark(app, std::string(id) + ":row:" + r.party);
            ImGui::TableNextColumn();
            TextRight(r.in_base ? sam::FormatKr(r.base).c_str() : "–");
            ImGui::TableNextColumn();
            TextRight(r.in_scenario ? sam::FormatKr(r.scenario).c_str() : T(app, "ui.not_taking_part"));
            ImGui::TableNextColumn();
            // The sign and an arrow say up or down; the colour only repeats it.
            std::string diff = r.diff == 0 ? "0 kr" : (r.diff > 0 ? "▲ +" : "▼ ") + sam::FormatKr(r.diff);
            ImGui::PushStyleColor(ImGuiCol_Text, r.diff > 0 ? up : r.diff < 0 ? down : ImGui::GetStyleColorVec4(ImGuiCol_Text));
            TextRight(diff.c_str());
            ImGui::TableNextColumn();
            TextRight(r.base ? ((r.diff > 0 ? "+" : "") + sam::FormatPercent(r.diff_percent)).c_str() : "–");
            ImGui::PopStyleColor();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        Say(T(app, "ui.total"));
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(c.base_total).c_str());
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(c.scenario_total).c_str());
        ImGui::TableNextColumn();
        TextRight(((c.scenario_total > c.base_total ? "+" : "") + sam::FormatKr(c.scenario_total - c.base_total)).c_str());
        ImGui::TableNextColumn();
        EndWideTable();
    }
    ImGui::Spacing();
    std::vector<Bar> bars;
    for (auto& r : c.rows) {
        Bar b;
        b.label = PartyName(app, r.party);
        b.value = (double)r.scenario;
        b.compare = (double)r.base;
        b.has_compare = true;
        b.highlight = r.diff != 0;
        b.text = r.in_scenario ? sam::FormatKr(r.scenario) : T(app, "ui.not_taking_part");
        if (r.base && r.diff) b.note = (r.diff > 0 ? "+" : "") + sam::FormatPercent(r.diff_percent);
        bars.push_back(b);
    }
    // On a slide the chart comes only when it fits below the table: a projected slide
    // cannot be scrolled by the room (the table has every figure).
    float row = ImGui::GetTextLineHeight() * 1.6f + ImGui::GetStyle().ItemSpacing.y;   // BarChart's row with its base bar
    bool fits = ImGui::GetContentRegionAvail().y >= row * (float)bars.size() + ImGui::GetTextLineHeightWithSpacing();
    if (!high_contrast || fits) {
        SayDisabled(T(app, "ui.chart_legend"));
        BarChart("##cmpchart", bars, 0, DefaultChartColors(high_contrast));
    }
    ImGui::PopID();
}

}  // namespace ui
