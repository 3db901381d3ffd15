// A party's details to edit: name, kind, population, and its committee's meeting dates
// with the lead time, which the backward planning counts from. Add and delete parties.
#include <imgui.h>
#include "cascade.h"
#include "decision_path.h"
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
    Say(T(app, "ui.committee_meetings"));
    HelpTooltip(T(app, "ui.committee_meetings_help"));
    std::vector<std::string> next;
    if (EditList(app, "##meetings", p.committee_meetings, next, true, T(app, "ui.committee_meeting"), T(app, "ui.add_meeting")))
        ApplyEdit(app, sam::json::array({sam::OpAdd(PartyPath(id) + "/committee_meetings", next)}));
    Mark(app, "add-meeting");
}

// The bodies a joint matter passes through in this party (its own, or the workspace's
// default), and the meeting dates of each: what backward planning goes through.
void DecisionPath(App& app, const std::string& id, const sam::Party& p) {
    const sam::Workspace& ws = app.doc.ws;
    Say(T(app, "ui.decision_path"));
    HelpTooltip(T(app, "ui.decision_path_help"));
    std::vector<std::string> next;
    if (p.decision_path.empty() && !ws.decision_path.empty()) {
        SayDisabled(sam::TrF(app.lang, "ui.path_default", {sam::PathMarker(ws.decision_path)}));
        if (EditButton(app, T(app, "ui.path_own"), true))
            ApplyEdit(app, sam::json::array({sam::OpAdd(PartyPath(id) + "/decision_path", ws.decision_path)}));
    } else if (EditList(app, "##path", p.decision_path, next, false, T(app, "ui.body"), T(app, "ui.add_body"))) {
        ApplyEdit(app, sam::json::array({next.empty() ? sam::OpRemove(PartyPath(id) + "/decision_path")
                                                      : sam::OpAdd(PartyPath(id) + "/decision_path", next)}));
    }
    Mark(app, "party-path");
    for (const std::string& body : sam::PathOf(ws, id)) {
        ImGui::PushID(body.c_str());
        Say(sam::TrF(app.lang, "ui.body_meetings", {body}));
        auto it = p.body_meetings.find(body);
        static const std::vector<std::string> kNone;
        const std::vector<std::string>& dates = it == p.body_meetings.end() ? kNone : it->second;
        std::string at = PartyPath(id) + "/body_meetings";
        if (EditList(app, "##dates", dates, next, true, sam::TrF(app.lang, "ui.body_meeting", {body}), T(app, "ui.add_meeting"))) {
            sam::json all = p.body_meetings;
            if (next.empty()) all.erase(body); else all[body] = next;
            ApplyEdit(app, sam::json::array({all.empty() ? sam::OpRemove(at) : sam::OpAdd(at, all)}));
        }
        ImGui::PopID();
    }
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
    DecisionPath(app, id, p);
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
