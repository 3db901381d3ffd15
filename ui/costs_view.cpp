// Kostnader: the cost items per year and each party's share, in Swedish format.
#include <imgui.h>
#include "format.h"
#include "views.h"

namespace ui {

void DrawCosts(App& app) {
    const sam::Budget& b = app.derived.budget;
    if (b.Years() <= 0) { ImGui::TextDisabled("%s", T(app, "ui.no_costs")); return; }

    int columns = 3 + b.Years();
    if (ImGui::BeginTable("##items", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(T(app, "ui.item"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(T(app, "ui.fte"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(T(app, "ui.quantity"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        std::vector<std::string> years;
        for (int y = b.first_year; y <= b.last_year; ++y) years.push_back(std::to_string(y));
        for (auto& y : years) ImGui::TableSetupColumn(y.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        for (auto& r : b.items) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.id.empty() ? T(app, "ui.funding") : r.name.c_str());
            if (!r.ok) { ImGui::SameLine(); ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "(!)"); HelpTooltip(sam::TrF(app.lang, r.error, r.args).c_str()); }
            ImGui::TableNextColumn();
            TextRight(r.fte_total > 0 ? sam::FormatFte(r.fte_total).c_str() : "–");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.quantity_text.c_str());
            for (int y = b.first_year; y <= b.last_year; ++y) {
                ImGui::TableNextColumn();
                TextRight(sam::FormatKr(r.id.empty() ? b.At(r.net, y) : b.At(r.gross, y)).c_str());
                if (r.implied_cost_per_fte > 0)
                    HelpTooltip(sam::TrF(app.lang, "ui.how_item", {sam::FormatFte(r.fte_total), sam::FormatKr((int64_t)r.implied_cost_per_fte),
                                                                   sam::FormatKr(b.At(r.gross, y))}).c_str());
            }
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(T(app, "ui.total"));
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        for (int y = b.first_year; y <= b.last_year; ++y) {
            ImGui::TableNextColumn();
            TextRight(sam::FormatKr(b.At(b.net, y)).c_str());
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(T(app, "ui.cost_summary"));
    if (ImGui::BeginTable("##perparty", 2 + b.Years(), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        std::vector<std::string> years;
        for (int y = b.first_year; y <= b.last_year; ++y) years.push_back(std::to_string(y));
        for (auto& y : years) ImGui::TableSetupColumn(y.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.total"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        for (auto& id : b.parties) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(PartyName(app, id));
            for (int y = b.first_year; y <= b.last_year; ++y) {
                ImGui::TableNextColumn();
                TextRight(sam::FormatKr(b.PartyAt(id, y)).c_str());
            }
            ImGui::TableNextColumn();
            TextRight(sam::FormatKr(b.PartyTotal(id)).c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace ui
