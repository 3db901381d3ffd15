// A party's details to edit: name, kind, population, and its committee's meeting dates
// with the lead time, which the backward planning counts from. Add and delete parties.
#include <imgui.h>
#include "fields.h"
#include "format.h"
#include "patch.h"
#include "views.h"

namespace ui {

namespace {

std::string PartyPath(const std::string& id) { return "/parties/" + sam::PointerToken(id); }

// Deletes a party in one patch, with its decisions, its place among the payers and in the
// scenarios, so that nothing is left pointing at it.
void DeleteParty(App& app, const std::string& id) {
    const sam::Workspace& ws = app.doc.ws;
    sam::json patch = sam::json::array();
    for (auto& [mid, m] : ws.matters)
        if (m.decisions.count(id)) patch.push_back(sam::OpRemove("/matters/" + sam::PointerToken(mid) + "/decisions/" + sam::PointerToken(id)));
    auto without = [&](const std::vector<std::string>& v) {
        std::vector<std::string> out;
        for (auto& x : v) if (x != id) out.push_back(x);
        return out;
    };
    if (without(ws.costs.participants) != ws.costs.participants) patch.push_back(sam::OpAdd("/costs/participants", without(ws.costs.participants)));
    for (auto& [sid, s] : ws.scenarios) {
        std::string base = "/scenarios/" + sam::PointerToken(sid);
        if (without(s.leave) != s.leave) patch.push_back(without(s.leave).empty() ? sam::OpRemove(base + "/leave") : sam::OpAdd(base + "/leave", without(s.leave)));
        if (without(s.join) != s.join) patch.push_back(without(s.join).empty() ? sam::OpRemove(base + "/join") : sam::OpAdd(base + "/join", without(s.join)));
    }
    patch.push_back(sam::OpRemove(PartyPath(id)));
    std::string name = ws.parties.at(id).name;
    if (ApplyEdit(app, patch)) {
        app.status = sam::TrF(app.lang, "ui.deleted", {name});
        app.selected_party.clear();
    }
}

void Meetings(App& app, const std::string& id, const sam::Party& p) {
    std::string base = PartyPath(id) + "/committee_meetings";
    ImGui::TextUnformatted(T(app, "ui.committee_meetings"));
    HelpTooltip(T(app, "ui.committee_meetings_help"));
    for (size_t i = 0; i < p.committee_meetings.size(); ++i) {
        ImGui::PushID((int)i);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        std::string text;
        if (TextInput(app, "##date", p.committee_meetings[i], text, T(app, "ui.date_hint"))) {
            if (sam::IsValidDate(text)) ApplyEdit(app, sam::json::array({sam::OpReplace(base + "/" + std::to_string(i), text)}));
            else app.status = sam::TrF(app.lang, "err.bad_date", {text});
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) ApplyEdit(app, sam::json::array({sam::OpRemove(base + "/" + std::to_string(i))}));
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    std::string added;
    if (TextInput(app, "##newdate", "", added, T(app, "ui.add_meeting")) && !added.empty()) {
        if (!sam::IsValidDate(added)) app.status = sam::TrF(app.lang, "err.bad_date", {added});
        else ApplyEdit(app, sam::json::array({p.committee_meetings.empty() ? sam::OpAdd(base, sam::json::array({added})) : sam::OpAdd(base + "/-", added)}));
    }
    Mark(app, "add-meeting");
}

}  // namespace

void AddParty(App& app) {
    std::string name = T(app, "ui.new_party");
    std::string id = sam::MakeId(name, app.doc.ws.parties);
    if (ApplyEdit(app, sam::json::array({sam::OpAdd(PartyPath(id), {{"name", name}, {"kind", "municipality"}, {"population", 0}})})))
        app.selected_party = id;
}

void DrawPartyPanel(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    auto it = ws.parties.find(app.selected_party);
    if (it == ws.parties.end()) { app.selected_party.clear(); return; }
    const std::string& id = it->first;
    const sam::Party& p = it->second;
    std::string path = PartyPath(id);
    ImGui::PushID(id.c_str());
    ImGui::PushFont(app.font);
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::SmallButton(T(app, "ui.close"))) app.selected_party.clear();
    ImGui::PushItemWidth(-FLT_MIN);
    ImGui::TextUnformatted(T(app, "ui.name"));
    EditText(app, "##name", path + "/name", p.name, true);
    ImGui::TextUnformatted(T(app, "ui.kind"));
    EditEnum(app, "##kind", path + "/kind", p.kind, "party_kind");
    ImGui::TextUnformatted(T(app, "ui.population"));
    EditInt(app, "##population", path + "/population", p.population, 0, 100'000'000);
    ImGui::TextUnformatted(T(app, "ui.org_number"));
    EditText(app, "##org", path + "/org_number", p.org_number);
    ImGui::PopItemWidth();
    ImGui::Spacing();
    Meetings(app, id, p);
    ImGui::TextUnformatted(T(app, "ui.lead_days"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    EditInt(app, "##lead", path + "/lead_days", p.lead_days > 0 ? p.lead_days : sam::kDefaultLeadDays, 1, 365);
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button(T(app, "ui.delete_party"))) DeleteParty(app, id);
    HelpTooltip(T(app, "ui.delete_party_help"));
    ImGui::PopID();
}

}  // namespace ui
