#include <imgui.h>
#include "views.h"

namespace ui {

void TextRight(const char* text) {
    float w = ImGui::CalcTextSize(text).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    ImGui::TextUnformatted(text);
}

void HelpTooltip(const char* text) {
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

const char* PartyName(const App& app, const std::string& id) {
    auto it = app.doc.ws.parties.find(id);
    return it == app.doc.ws.parties.end() ? id.c_str() : it->second.name.c_str();
}

void DrawHeader(App& app) {
    ImGui::PushFont(app.font);
    ImGui::TextUnformatted(app.doc.open ? app.doc.ws.name.c_str() : T(app, "ui.app_title"));
    ImGui::PopFont();

    struct Tab { View view; const char* key; };
    static constexpr Tab kTabs[] = {{View::Overview, "ui.overview"}, {View::Structure, "ui.structure"},
                                    {View::Decisions, "ui.decisions"}, {View::Costs, "ui.costs"},
                                    {View::Scenarios, "ui.scenarios"}};
    for (const Tab& t : kTabs) {
        bool active = app.view == t.view;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(T(app, t.key))) app.view = t.view;
        if (active) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    // Language and theme on the right.
    const char* lang = app.lang == sam::Lang::Sv ? "English" : "Svenska";
    const char* theme = T(app, app.dark ? "ui.theme_light" : "ui.theme_dark");
    float w = ImGui::CalcTextSize(lang).x + ImGui::CalcTextSize(theme).x + ImGui::GetStyle().FramePadding.x * 4 +
              ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (ImGui::Button(theme)) { app.dark = !app.dark; app.style_dirty = true; }
    ImGui::SameLine();
    if (ImGui::Button(lang)) app.lang = app.lang == sam::Lang::Sv ? sam::Lang::En : sam::Lang::Sv;
}

void DrawStatusBar(App& app) {
    ImGui::Separator();
    if (!app.conflict_text.empty()) {
        // A clash: say what, and let the user choose.
        ImGui::TextColored(ImVec4(0.80f, 0.30f, 0.10f, 1), "%s", app.conflict_text.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(T(app, "ui.keep_mine")) && app.platform.resolve_conflict) app.platform.resolve_conflict(true);
        ImGui::SameLine();
        if (ImGui::SmallButton(T(app, "ui.take_theirs")) && app.platform.resolve_conflict) app.platform.resolve_conflict(false);
        return;
    }
    if (!app.status.empty()) ImGui::TextUnformatted(app.status.c_str());
    else ImGui::TextDisabled("%s", T(app, "ui.status_ready"));
    if (!app.sync_text.empty()) {
        float w = ImGui::CalcTextSize(app.sync_text.c_str()).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
        ImGui::TextDisabled("%s", app.sync_text.c_str());
    }
}

}  // namespace ui
