// Arkiv → Rapport: the report to attach to a tjänsteskrivelse, with the sections its writer
// wants in the order they want (summary first by default) and the case number on every page.
#include <imgui.h>
#include "fields.h"
#include "report.h"
#include "views.h"

namespace ui {

namespace {

sam::ReportOptions Options(const App& app) {
    sam::ReportOptions o;
    o.format = sam::ReportFormat::Html;
    o.lang = app.lang;
    o.as_of = app.today;
    o.structure = o.all_scenarios = true;
    for (auto& [name, on] : app.report.sections) if (on) o.sections.push_back(name);
    return o;
}

void Defaults(App& app) {
    sam::ReportOptions o;
    o.structure = o.all_scenarios = true;
    app.report.sections.clear();
    for (auto& name : sam::DefaultReportSections(o)) app.report.sections.push_back({name, true});
}

}  // namespace

std::string ChosenReport(const App& app) { return sam::MakeReport(app.doc.ws, Options(app)).text; }

void DrawReportDialog(App& app) {
    if (app.report.open) {
        if (app.report.sections.empty()) Defaults(app);
        ImGui::OpenPopup("###report");
        app.report.open = false;
    }
    std::string title = std::string(T(app, "ui.report_title")) + "###report";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    SayWrapped(T(app, "ui.report_help"));
    ImGui::PopTextWrapPos();
    // The diarienummer is the workspace's: an edit like any other (Undo, sent to others).
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    EditText(app, "##case_number", "/case_number", app.doc.ws.case_number);
    ImGui::SameLine();
    Say(T(app, "ui.case_number"));
    ImGui::Separator();
    auto& list = app.report.sections;
    int move_from = -1, move_to = -1;
    for (int i = 0; i < (int)list.size(); ++i) {
        ImGui::PushID(i);
        std::string label = T(app, ("report.section." + list[i].first).c_str());
        ImGui::BeginDisabled(i == 0);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up)) { move_from = i; move_to = i - 1; }
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.report_up", {label}));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 == (int)list.size());
        if (ImGui::ArrowButton("##down", ImGuiDir_Down)) { move_from = i; move_to = i + 1; }
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.report_down", {label}));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::Checkbox(label.c_str(), &list[i].second);
        Mark(app, "report-section:" + list[i].first);
        ImGui::PopID();
    }
    if (move_from >= 0) std::swap(list[move_from], list[move_to]);
    ImGui::Separator();
    bool any = false;
    for (auto& s : list) any |= s.second;
    ImGui::BeginDisabled(!any);
    if (ImGui::Button(T(app, "ui.report_save")) && app.platform.save_file) {
        app.platform.save_file(sam::Slug(app.doc.ws.name) + "-rapport.html", ChosenReport(app));
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    Mark(app, "report-save");
    ImGui::SameLine();
    if (ImGui::Button(T(app, "ui.report_defaults"))) Defaults(app);
    ImGui::SameLine();
    if (ImGui::Button(T(app, "ui.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace ui
