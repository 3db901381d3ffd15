// A party's details to edit: name, kind, population, and its committee's meeting dates
// with the lead time, which the backward planning counts from. Add and delete parties.
#include <imgui.h>
#include "cascade.h"
#include "fields.h"
#include "format.h"
#include "patch.h"
#include "views.h"

namespace ui {

namespace {

std::string PartyPath(const std::string& id) { return "/parties/" + sam::PointerToken(id); }

// Deletes a party and everything that refers to it, in one patch (core's rule).
void DeleteParty(App& app, const std::string& id) {
    std::string name = app.doc.ws.parties.at(id).name;
    if (ApplyEdit(app, sam::DeletePartyPatch(app.doc.ws, id))) {
        app.status = sam::TrF(app.lang, "ui.deleted", {name});
        app.selected_party.clear();
    }
}

void Meetings(App& app, const std::string& id, const sam::Party& p) {
    std::string base = PartyPath(id) + "/committee_meetings";
    Say(T(app, "ui.committee_meetings"));
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
        if (EditButton(app, "×", true)) ApplyEdit(app, sam::json::array({sam::OpRemove(base + "/" + std::to_string(i))}));
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
    Say(p.name);
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::SmallButton(T(app, "ui.close"))) app.selected_party.clear();
    ImGui::PushItemWidth(-FLT_MIN);
    Say(T(app, "ui.name"));
    EditText(app, "##name", path + "/name", p.name, true);
    Mark(app, "party-name");
    Say(T(app, "ui.kind"));
    EditEnum(app, "##kind", path + "/kind", p.kind, "party_kind");
    Say(T(app, "ui.population"));
    EditInt(app, "##population", path + "/population", p.population, 0, 100'000'000);
    Say(T(app, "ui.org_number"));
    EditText(app, "##org", path + "/org_number", p.org_number);
    ImGui::PopItemWidth();
    ImGui::Spacing();
    Meetings(app, id, p);
    Say(T(app, "ui.lead_days"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    EditInt(app, "##lead", path + "/lead_days", p.lead_days > 0 ? p.lead_days : sam::kDefaultLeadDays, 1, 365);
    ImGui::Spacing();
    ImGui::Separator();
    if (EditButton(app, T(app, "ui.delete_party"))) DeleteParty(app, id);
    HelpTooltip(T(app, "ui.delete_party_help"));
    ImGui::PopID();
}

}  // namespace ui
