// Struktur: the drawn diagram, and the selected body's details to edit beside it.
// Every change is one JSON Patch: add, move (a new parent) and delete bodies included.
#include <imgui.h>
#include "diagram.h"
#include "cascade.h"
#include "fields.h"
#include "patch.h"
#include "structure.h"
#include "views.h"

namespace ui {

namespace {

std::string BodyPath(const std::string& id) { return "/bodies/" + sam::PointerToken(id); }

void AddBody(App& app, const std::string& parent) {
    const sam::Workspace& ws = app.doc.ws;
    std::string name = T(app, "ui.new_body");
    std::string id = sam::MakeId(name, ws.bodies);
    sam::json body = {{"name", name}, {"level", sam::ToString(parent.empty() ? sam::Level::Strategic : sam::ChildLevel(ws.bodies.at(parent).level))},
                      {"target_group", "all"}};
    if (!parent.empty()) body["parent"] = parent;
    if (ApplyEdit(app, sam::json::array({sam::OpAdd(BodyPath(id), body)}))) app.selected_body = id;
}

// Deletes a body in one patch: its children move up to its parent, and what referred
// to it (cost items, proposing matters) stops doing so.
void DeleteBody(App& app, const std::string& id) {
    std::string name = app.doc.ws.bodies.at(id).name;
    if (ApplyEdit(app, sam::DeleteBodyPatch(app.doc.ws, id))) {
        app.status = sam::TrF(app.lang, "ui.deleted", {name});
        app.selected_body.clear();
    }
}

void ParentCombo(App& app, const std::string& id, const sam::Body& b) {
    const sam::Workspace& ws = app.doc.ws;
    const char* current = ws.bodies.count(b.parent) ? ws.bodies.at(b.parent).name.c_str() : T(app, "ui.top_level");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::BeginCombo("##parent", current)) return;
    if (ImGui::Selectable(T(app, "ui.top_level"), b.parent.empty()) && !b.parent.empty())
        ApplyEdit(app, sam::json::array({sam::OpRemove(BodyPath(id) + "/parent")}));
    for (const sam::BodyNode& n : sam::BodyTree(ws)) {
        if (n.id == id) continue;
        std::string label = std::string((size_t)n.depth * 2, ' ') + ws.bodies.at(n.id).name;
        ImGui::PushID(n.id.c_str());
        // Core refuses a parent that would make a cycle, with a message in the status bar.
        if (ImGui::Selectable(label.c_str(), n.id == b.parent) && n.id != b.parent)
            ApplyEdit(app, sam::json::array({sam::OpAdd(BodyPath(id) + "/parent", n.id)}));
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

void Label(const char* text) {
    ImGui::AlignTextToFramePadding();
    Say(text);
}

void MandateList(App& app, const std::string& id, const sam::Body& b) {
    Label(T(app, "ui.mandate"));
    std::string base = BodyPath(id) + "/mandate";
    for (size_t i = 0; i < b.mandate.size(); ++i) {
        ImGui::PushID((int)i);
        float del = ImGui::GetFrameHeight();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - del - ImGui::GetStyle().ItemSpacing.x);
        EditText(app, "##task", base + "/" + std::to_string(i), b.mandate[i], true);
        ImGui::SameLine();
        if (EditButton(app, "×", false, ImVec2(del, 0))) ApplyEdit(app, sam::json::array({sam::OpRemove(base + "/" + std::to_string(i))}));
        HelpTooltip(T(app, "ui.remove_task"));
        ImGui::PopID();
    }
    std::string added;
    if (TextInput(app, "##newtask", "", added, T(app, "ui.add_task")) && !added.empty())
        ApplyEdit(app, sam::json::array({b.mandate.empty() ? sam::OpAdd(base, sam::json::array({added})) : sam::OpAdd(base + "/-", added)}));
}

void Members(App& app, const std::string& id, const sam::Body& b) {
    const sam::Workspace& ws = app.doc.ws;
    Label(T(app, "ui.members"));
    std::string base = BodyPath(id) + "/members/";
    if (ImGui::BeginTable("##members", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(T(app, "ui.role"), 0, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.organisation"), 0, 1.0f);
        ImGui::TableSetupColumn(T(app, "ui.name"), 0, 1.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
        HeadersRow();
        for (auto& [mid, m] : b.members) {
            ImGui::PushID(mid.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            EditText(app, "##role", base + sam::PointerToken(mid) + "/role", m.role, true);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::BeginCombo("##party", PartyName(app, m.party))) {
                for (auto& [pid, p] : ws.parties)
                    if (ImGui::Selectable(p.name.c_str(), pid == m.party) && pid != m.party)
                        ApplyEdit(app, sam::json::array({sam::OpAdd(base + sam::PointerToken(mid) + "/party", pid)}));
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            EditText(app, "##name", base + sam::PointerToken(mid) + "/name", m.name);
            ImGui::TableNextColumn();
            if (EditButton(app, "×")) ApplyEdit(app, sam::json::array({sam::OpRemove(base + sam::PointerToken(mid))}));
            HelpTooltip(T(app, "ui.remove_member"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (EditButton(app, T(app, "ui.add_member")) && !ws.parties.empty()) {
        std::string party = !b.party.empty() && ws.parties.count(b.party) ? b.party : ws.parties.begin()->first;
        std::string mid = sam::MakeId(T(app, "ui.new_role"), b.members);
        ApplyEdit(app, sam::json::array({sam::OpAdd(base + sam::PointerToken(mid), {{"role", T(app, "ui.new_role")}, {"party", party}})}));
    }
}

// A repeated group: the count per party, changeable for one party.
void Repeats(App& app, const std::string& id, const sam::Body& b) {
    const sam::Workspace& ws = app.doc.ws;
    std::string base = BodyPath(id) + "/repeat";
    Label(sam::TrF(app.lang, "ui.repeat_text", {std::to_string(b.repeat->count), sam::TrEnumNoun(app.lang, "party_kind", sam::ToString(b.repeat->per_kind)),
                                                  std::to_string(sam::RepeatTotal(ws, b))}).c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    EditInt(app, "##count", base + "/count", b.repeat->count, 0, 1000);
    if (ImGui::TreeNode(T(app, "ui.per_party"))) {
        for (auto& [pid, p] : ws.parties) {
            if (p.kind != b.repeat->per_kind) continue;
            ImGui::PushID(pid.c_str());
            auto o = b.repeat->overrides.find(pid);
            int n = o != b.repeat->overrides.end() ? o->second : b.repeat->count;
            ImGui::AlignTextToFramePadding();
            Say(p.name);
            ImGui::SameLine(ImGui::GetFontSize() * 9);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
            EditInt(app, "##n", base + "/overrides/" + sam::PointerToken(pid), n, 0, 1000);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
}

void BodyPanel(App& app, const std::string& id) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Body& b = ws.bodies.at(id);
    std::string path = BodyPath(id);
    ImGui::PushFont(app.font);
    SayWrapped(b.name);
    ImGui::PopFont();
    ImGui::PushID(id.c_str());
    ImGui::PushItemWidth(-FLT_MIN);
    Label(T(app, "ui.name"));
    EditText(app, "##name", path + "/name", b.name, true);
    Mark(app, "body-name");
    Label(T(app, "ui.level"));
    EditEnum(app, "##level", path + "/level", b.level, "level");
    Label(T(app, "ui.target_group"));
    EditEnum(app, "##tg", path + "/target_group", b.target_group, "target_group");
    Label(T(app, "ui.reports_to"));
    ParentCombo(app, id, b);
    Label(T(app, "ui.meetings_per_year_label"));
    EditInt(app, "##meetings", path + "/meetings_per_year", b.meetings_per_year, 0, 365);
    ImGui::Spacing();
    if (b.repeat) Repeats(app, id, b);
    MandateList(app, id, b);
    ImGui::Spacing();
    Members(app, id, b);
    ImGui::Spacing();
    ImGui::Separator();
    if (EditButton(app, T(app, "ui.add_child"))) AddBody(app, id);
    Mark(app, "add-child");
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.delete_body"))) DeleteBody(app, id);
    HelpTooltip(T(app, "ui.delete_body_help"));
    ImGui::PopItemWidth();
    ImGui::PopID();
}

}  // namespace

void DrawStructure(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (!app.selected_body.empty() && !ws.bodies.count(app.selected_body)) app.selected_body.clear();
    if (ImGui::Button(T(app, "ui.fit"))) app.fit_diagram = true;
    HelpTooltip(T(app, "ui.diagram_help"));
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.add_top_body"))) AddBody(app, "");
    ImGui::SameLine();
    SayDisabled(T(app, "ui.diagram_help"));
    if (ws.bodies.empty()) { ImGui::TextDisabled("%s", T(app, "ui.no_bodies")); return; }

    // A selection whose body is gone (undone, or not added yet: edits apply after the frame) shows no panel.
    bool panel = !app.selected_body.empty() && ws.bodies.count(app.selected_body);
    float panel_w = panel ? std::max(ImGui::GetFontSize() * 22, ImGui::GetContentRegionAvail().x * 0.32f) : 0;
    ImVec2 canvas(ImGui::GetContentRegionAvail().x - (panel ? panel_w + ImGui::GetStyle().ItemSpacing.x : 0), 0);
    ImGui::BeginChild("##canvas", canvas, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawDiagram(app, ImVec2(0, 0), true);
    ImGui::EndChild();
    if (panel) {
        ImGui::SameLine();
        ImGui::BeginChild("##body", ImVec2(0, 0), true);
        if (ImGui::SmallButton(T(app, "ui.close"))) app.selected_body.clear();
        else BodyPanel(app, app.selected_body);
        ImGui::EndChild();
    }
}

}  // namespace ui
