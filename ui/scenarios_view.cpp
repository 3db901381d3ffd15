// Scenarier: make and change scenarios (who takes part, an item's FTE or cost), and
// compare each with the base per party, in kr and %, as a table and a chart.
#include <imgui.h>
#include "comparison.h"
#include "fields.h"
#include "format.h"
#include "patch.h"
#include "views.h"
#include "wide_table.h"

namespace ui {

namespace {

std::string ScenarioPath(const std::string& id) { return "/scenarios/" + sam::PointerToken(id); }

// The leave/join lists as one patch (add replaces a list; an empty list is removed).
sam::json ListsPatch(const std::string& path, const sam::Scenario& before, const sam::Scenario& after) {
    sam::json p = sam::json::array();
    auto put = [&](const char* key, const std::vector<std::string>& was, const std::vector<std::string>& now) {
        if (was == now) return;
        if (now.empty()) p.push_back(sam::OpRemove(path + "/" + key));
        else p.push_back(sam::OpAdd(path + "/" + key, now));
    };
    put("leave", before.leave, after.leave);
    put("join", before.join, after.join);
    return p;
}

void Participation(App& app, const std::string& id, const sam::Scenario& s) {
    const sam::Workspace& ws = app.doc.ws;
    Say(T(app, "ui.who_takes_part"));
    std::vector<std::string> ids = PayingCandidates(ws);
    int columns = CheckboxColumns(app, ids);
    if (!ImGui::BeginTable("##parts", columns)) return;
    for (auto& pid : ids) {
        ImGui::TableNextColumn();
        bool on = TakesPart(ws, s, pid);
        if (EditCheckbox(app, PartyName(app, pid), &on)) {
            sam::Scenario after = s;
            if (SetTakesPart(ws, after, pid, on)) ApplyEdit(app, ListsPatch(ScenarioPath(id), s, after));
        }
        Mark(app, "takes-part:" + id + ":" + pid);
    }
    ImGui::EndTable();
}

// Each item's FTE and cost in the scenario: blank means as in the base.
void ItemChanges(App& app, const std::string& id, const sam::Scenario& s) {
    const sam::Workspace& ws = app.doc.ws;
    if (ws.cost_items.empty() || !ImGui::TreeNode(T(app, "ui.item_changes"))) return;
    if (BeginWideTable("##changes", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp, ImGui::GetFontSize() * 24)) {
        ImGui::TableSetupColumn(T(app, "ui.item"), 0, 2.0f);
        ImGui::TableSetupColumn(T(app, "ui.fte"), 0, 1.0f);
        ImGui::TableSetupColumn(T(app, "ui.cost_per_fte"), 0, 1.2f);
        HeadersRow();
        std::string base = ScenarioPath(id) + "/items";
        for (auto& entry : ws.cost_items) {
            const std::string& iid = entry.first;   // a plain name: lambdas below use it (clang 14)
            const sam::CostItem& item = entry.second;
            ImGui::PushID(iid.c_str());
            auto ch = s.items.find(iid);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            Say(item.name);
            auto field = [&](const char* key, const char* wid, std::string shown, bool amount) {
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-FLT_MIN);
                std::string text;
                if (!TextInput(app, wid, shown, text)) return;
                std::string path = ch == s.items.end() ? (s.items.empty() ? base : base + "/" + sam::PointerToken(iid)) : base + "/" + sam::PointerToken(iid) + "/" + key;
                if (text.empty()) {   // back to the base value
                    if (ch != s.items.end()) ApplyEdit(app, sam::json::array({sam::OpRemove(base + "/" + sam::PointerToken(iid) + "/" + key)}));
                    return;
                }
                sam::json v;
                if (amount) { auto a = sam::ParseAmount(text); if (!a) { app.status = sam::TrF(app.lang, "ui.bad_amount", {text}); return; } v = *a; }
                else { auto d = sam::ParseDecimal(text); if (!d) { app.status = sam::TrF(app.lang, "ui.bad_decimal", {text}); return; } v = *d; }
                sam::json value = v;
                if (ch == s.items.end()) value = s.items.empty() ? sam::json{{iid, {{key, v}}}} : sam::json{{key, v}};
                ApplyEdit(app, sam::json::array({sam::OpAdd(path, value)}));
            };
            field("fte", "##fte", ch != s.items.end() && ch->second.fte ? sam::FormatDecimal(*ch->second.fte, 4) : "", false);
            field("cost_per_fte", "##cost", ch != s.items.end() && ch->second.cost_per_fte ? sam::FormatKr(*ch->second.cost_per_fte) : "", true);
            ImGui::PopID();
        }
        EndWideTable();
    }
    SayDisabled(T(app, "ui.blank_is_base"));
    ImGui::TreePop();
}

}  // namespace

void DrawScenarios(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Budget& base = app.derived.budget;
    if (EditButton(app, T(app, "ui.new_scenario"))) {
        std::string name = T(app, "ui.new_scenario_name");
        std::string id = sam::MakeId(name, ws.scenarios);
        ApplyEdit(app, sam::json::array({sam::OpAdd(ScenarioPath(id), {{"name", name}})}));
    }
    Mark(app, "new-scenario");
    if (ws.scenarios.empty()) { SayDisabled(T(app, "ui.no_scenarios")); return; }
    if (base.Years() <= 0) return;
    int year = sam::YearToShow(base, app.cost_year, app.today).year;
    YearCombo(app, base, year);   // the same year as Kostnader, chosen here too
    for (auto& [id, s] : ws.scenarios) {
        ImGui::PushID(id.c_str());
        bool open = ImGui::CollapsingHeader((s.name + "###" + id).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
        if (open) {
            ImGui::Indent();
            std::string path = ScenarioPath(id);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
            EditText(app, "##name", path + "/name", s.name, true);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
            EditText(app, "##description", path + "/description", s.description);
            ImGui::SameLine();
            if (EditButton(app, T(app, "ui.delete_scenario"))) {
                ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
                ImGui::Unindent();
                ImGui::PopID();
                break;   // the map changed under the loop
            }
            Participation(app, id, s);
            ItemChanges(app, id, s);
            auto sb = app.derived.scenarios.find(id);
            if (sb != app.derived.scenarios.end()) DrawComparison(app, base, sb->second, year, ("cmp-" + id).c_str(), false);
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

}  // namespace ui
