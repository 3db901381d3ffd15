// Scenarier: each scenario side by side with the base, per party, for one year.
#include <imgui.h>
#include "format.h"
#include "views.h"

namespace ui {

void DrawScenarios(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (ws.scenarios.empty()) { ImGui::TextDisabled("%s", T(app, "ui.no_scenarios")); return; }
    const sam::Budget& base = app.derived.budget;
    if (base.Years() <= 0) return;
    for (auto& [id, s] : ws.scenarios) {
        if (!ImGui::CollapsingHeader(s.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
        ImGui::PushID(id.c_str());
        if (!s.description.empty()) { ImGui::PushTextWrapPos(0); ImGui::TextUnformatted(s.description.c_str()); ImGui::PopTextWrapPos(); }
        sam::Budget sb = sam::ComputeBudget(ws, &s);
        sam::Comparison c = sam::Compare(ws, base, sb, base.first_year);
        if (ImGui::BeginTable("##cmp", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn((std::string(T(app, "ui.party")) + " " + std::to_string(c.year)).c_str(), ImGuiTableColumnFlags_WidthStretch, 2);
            ImGui::TableSetupColumn(T(app, "ui.base"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(T(app, "ui.scenario"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn(T(app, "ui.difference"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthStretch, 0.8f);
            ImGui::TableHeadersRow();
            for (auto& r : c.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(PartyName(app, r.party));
                ImGui::TableNextColumn();
                TextRight(r.in_base ? sam::FormatKr(r.base).c_str() : "–");
                ImGui::TableNextColumn();
                TextRight(r.in_scenario ? sam::FormatKr(r.scenario).c_str() : "–");
                ImGui::TableNextColumn();
                std::string diff = (r.diff > 0 ? "+" : "") + sam::FormatKr(r.diff);
                TextRight(diff.c_str());
                ImGui::TableNextColumn();
                TextRight(r.base ? ((r.diff > 0 ? "+" : "") + sam::FormatPercent(r.diff_percent)).c_str() : "–");
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

}  // namespace ui
