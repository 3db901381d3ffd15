#include <imgui.h>
#include <algorithm>
#include <cstdio>
#include "exports.h"
#include "a11y.h"
#include "format.h"
#include "json_io.h"
#include "papers.h"
#include "report.h"
#include "fields.h"
#include "views.h"

namespace ui {

void TextRight(const char* text) {
    float w = ImGui::CalcTextSize(text).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    ImGui::TextUnformatted(text);
    A11yText(text);
}

void Say(const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    A11yText(text);
}

void SayWrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    A11yText(text);
}

void SayDisabled(const std::string& text) {
    ImGui::TextDisabled("%s", text.c_str());
    A11yText(text);
}

int CheckboxColumns(const App& app, const std::vector<std::string>& party_ids) {
    float widest = ImGui::GetFontSize() * 6;
    for (auto& id : party_ids) {
        auto it = app.doc.ws.parties.find(id);
        if (it != app.doc.ws.parties.end()) widest = std::max(widest, ImGui::CalcTextSize(it->second.name.c_str()).x);
    }
    widest += ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::GetStyle().CellPadding.x * 2 + ImGui::GetFontSize();
    return std::max(1, (int)(ImGui::GetContentRegionAvail().x / widest));
}

void HeadersRow() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::PushID(c);
        ImGui::TableHeader(name);
        ImGui::PopID();
        std::string shown(name);
        shown = shown.substr(0, shown.find("##"));
        if (!shown.empty() && ImGui::IsItemHovered() && ImGui::CalcTextSize(shown.c_str()).x > ImGui::GetItemRectSize().x - ImGui::GetStyle().CellPadding.x)
            ImGui::SetTooltip("%s", shown.c_str());
    }
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

namespace {

const char* CsvLabel(sam::CsvTable t) {
    switch (t) {
        case sam::CsvTable::Parties: return "ui.csv_parties";
        case sam::CsvTable::Members: return "ui.csv_members";
        case sam::CsvTable::Decisions: return "ui.csv_decisions";
        case sam::CsvTable::Costs: default: return "ui.csv_costs";
    }
}

float ButtonWidth(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

// The next button (`width` wide) on the same line when it fits, else on the next one: at
// 320 CSS px or 400 % zoom the header wraps instead of cutting controls off (WCAG 1.4.10).
void FlowSameLine(float width) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

// Open, save, import and the documents made from the workspace.
void FileMenu(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (ImGui::MenuItem(T(app, "ui.open_file"), "Ctrl+O") && app.platform.open_file) app.platform.open_file(".json,.samverkan.json");
    Mark(app, "menu-open");
    if (app.platform.recent_files && app.platform.open_recent) {
        std::vector<std::string> recent = app.platform.recent_files();
        if (ImGui::BeginMenu(T(app, "ui.recent_files"), !recent.empty())) {
            for (auto& path : recent)
                if (ImGui::MenuItem(path.c_str())) app.platform.open_recent(path);
            ImGui::EndMenu();
        }
    }
    if (ImGui::MenuItem(T(app, "ui.save_file"), "Ctrl+S", false, app.doc.open)) SaveCopy(app);
    Mark(app, "menu-save");
    if (ImGui::MenuItem(T(app, "ui.import_parties"), nullptr, false, !app.read_only) && app.platform.open_file) app.platform.open_file(".csv");
    Mark(app, "menu-import");
    ImGui::Separator();
    if (ImGui::MenuItem(T(app, "ui.history_menu"), "Ctrl+Shift+H", false, app.doc.open)) OpenHistory(app);
    Mark(app, "menu-history");
    if (app.shared && ImGui::MenuItem(T(app, "ui.author_menu"))) app.ask_author = true;
    // The edit link's holder shares the workspace with named links, and takes them back.
    if (app.platform.open_links && app.shared && !app.read_only && !app.link_revoked) {
        if (ImGui::MenuItem(T(app, "ui.manage_links"))) app.platform.open_links();
        Mark(app, "menu-links");
        HelpTooltip(T(app, "ui.manage_links_tip"));
    }
    ImGui::Separator();
    if (!app.doc.open || !app.platform.save_file) return;
    bool csv_menu = ImGui::BeginMenu(T(app, "ui.export_csv"));
    Mark(app, "menu-export-csv");
    if (csv_menu) {
        for (sam::CsvTable t : {sam::CsvTable::Parties, sam::CsvTable::Members, sam::CsvTable::Decisions, sam::CsvTable::Costs}) {
            if (ImGui::MenuItem(T(app, CsvLabel(t))))
                app.platform.save_file(sam::CsvFileName(ws, t, app.lang), sam::ExportCsv(ws, t, app.lang));
            Mark(app, std::string("menu-export-") + sam::CsvTableName(t));
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(T(app, "ui.export_xlsx"), nullptr, false, app.doc.open && app.platform.export_xlsx)) app.platform.export_xlsx();
    if (!app.platform.export_xlsx) HelpTooltip(T(app, "ui.export_xlsx_server"));
    if (ImGui::MenuItem(T(app, "ui.copy_table"), "Ctrl+C", false, app.doc.open)) CopyTable(app);
    if (ImGui::MenuItem(T(app, "ui.paper")))
        app.platform.save_file(sam::Slug(ws.name) + "-beslutsunderlag.md", sam::DecisionPaper(ws, app.lang, app.today).text);
    if (ImGui::BeginMenu(T(app, "ui.annex"))) {
        std::vector<std::string> ids;
        for (auto& [id, p] : ws.parties) ids.push_back(id);
        sam::SortPartiesSwedish(ws, ids);
        for (auto& id : ids)
            if (ImGui::MenuItem(PartyName(app, id)))
                app.platform.save_file(sam::Slug(ws.name) + "-bilaga-" + id + ".html",
                                       sam::PartyAnnex(ws, id, sam::ReportFormat::Html, app.lang, app.today).text);
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(T(app, "ui.report_menu"))) app.report.open = true;   // DrawReportDialog: which sections, in which order
}

}  // namespace

void SaveCopy(App& app) {
    if (!app.doc.open || !app.platform.save_file) return;
    std::string name = sam::Slug(app.doc.ws.name);
    app.platform.save_file((name.empty() ? "samverkan" : name) + ".samverkan.json", sam::SaveWorkspace(app.doc.ws));
}

void DrawHeader(App& app) {
    ImGui::PushFont(app.font);
    ImGui::PushTextWrapPos(0);   // a long name wraps on a narrow screen
    ImGui::TextUnformatted(app.doc.open ? app.doc.ws.name.c_str() : T(app, "ui.app_title"));
    ImGui::PopTextWrapPos();
    A11yText(app.doc.open ? app.doc.ws.name : T(app, "ui.app_title"), Role::Heading);
    ImGui::PopFont();
    if (app.read_only || app.link_revoked) {
        // A view link, an archived workspace or a revoked link says so where everyone looks,
        // not only in the status bar.
        ImGui::SameLine();
        ImVec4 chip = app.link_revoked ? ImVec4(0.80f, 0.20f, 0.15f, 1) : ImVec4(0.96f, 0.76f, 0.20f, 1);
        ImGui::PushStyleColor(ImGuiCol_Button, chip);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, chip);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, chip);
        ImGui::PushStyleColor(ImGuiCol_Text, app.link_revoked ? ImVec4(1, 1, 1, 1) : ImVec4(0.1f, 0.08f, 0.0f, 1));
        bool past = app.history_panel.swapped;
        std::string chip_text = past ? sam::TrF(app.lang, "ui.history_chip", {std::to_string(app.history_panel.viewing)})
                                     : T(app, app.link_revoked ? "ui.revoked_chip" : app.archived ? "ui.archived_chip" : "ui.view_mode");
        ImGui::SmallButton(chip_text.c_str());
        ImGui::PopStyleColor(4);
        HelpTooltip(T(app, past ? "ui.history_read_only" : app.link_revoked ? "ui.link_revoked" : app.archived ? "ui.archived" : "ui.view_mode_help"));
        Mark(app, past ? "past" : app.link_revoked ? "revoked" : app.archived ? "archived" : "view-mode");
    }

    struct Tab { View view; const char* key; const char* mark; };
    static constexpr Tab kTabs[] = {{View::Overview, "ui.overview", "tab:overview"}, {View::Structure, "ui.structure", "tab:structure"},
                                    {View::Decisions, "ui.decisions", "tab:decisions"}, {View::Costs, "ui.costs", "tab:costs"},
                                    {View::Scenarios, "ui.scenarios", "tab:scenarios"}};
    static constexpr Tab kPortfolioTab{View::Portfolio, "ui.portfolio", "tab:portfolio"};
    std::vector<const Tab*> tabs;
    if (app.portfolio.open) tabs.push_back(&kPortfolioTab);
    if (app.doc.open || !app.portfolio.open)
        for (const Tab& t : kTabs) tabs.push_back(&t);
    for (const Tab* tab : tabs) {
        const Tab& t = *tab;
        bool active = app.view == t.view;
        if (tab != tabs.front()) FlowSameLine(ButtonWidth(T(app, t.key)));
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(T(app, t.key))) app.view = t.view;
        A11yLast(Role::Tab);
        A11ySelected(active);
        Mark(app, t.mark);
        if (active) ImGui::PopStyleColor();
    }
    // Tools on the right: search, present, file, scale, theme, language.
    const char* search = T(app, "ui.search");
    const char* present = T(app, "ui.present");
    const char* add_slide = T(app, "ui.add_slide");
    const char* file = T(app, "ui.file");
    char scale[16];
    std::snprintf(scale, sizeof scale, "%d %%", (int)(app.ui_scale * 100 + 0.5f));
    const char* lang = app.lang == sam::Lang::Sv ? "English" : "Svenska";
    const char* theme = T(app, app.dark ? "ui.theme_light" : "ui.theme_dark");
    float sp = ImGui::GetStyle().ItemSpacing.x;
    float w = ButtonWidth(search) + ButtonWidth(add_slide) + ButtonWidth(present) + ButtonWidth(file) + ButtonWidth(scale) + ButtonWidth(theme) +
              ButtonWidth(lang) + sp * 6;
    // All on the tabs' line, right-aligned, when they fit; else they flow onto the next lines.
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + sp + w <= right) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    } else {
        FlowSameLine(ButtonWidth(search));
    }
    if (ImGui::Button(search) && app.doc.open) { app.search_open = true; app.search_focus = true; }
    HelpTooltip("Ctrl+F");
    FlowSameLine(ButtonWidth(add_slide));
    if (EditButton(app, add_slide) && app.doc.open) AddViewAsSlide(app);
    Mark(app, "add-slide");
    HelpTooltip(T(app, "ui.add_slide_help"));
    FlowSameLine(ButtonWidth(present));
    if (ImGui::Button(present) && app.doc.open) SetPresenting(app, true);
    Mark(app, "present");
    HelpTooltip(T(app, "ui.present_help"));
    FlowSameLine(ButtonWidth(file));
    if (ImGui::Button(file)) ImGui::OpenPopup("##file");
    Mark(app, "file");
    if (ImGui::BeginPopup("##file")) { FileMenu(app); ImGui::EndPopup(); }
    FlowSameLine(ButtonWidth(scale));
    if (ImGui::Button(scale)) ImGui::OpenPopup("##scale");
    HelpTooltip(T(app, "ui.scale_help"));
    if (ImGui::BeginPopup("##scale")) {
        for (int pct = 75; pct <= 200; pct += 25) {
            char label[16];
            std::snprintf(label, sizeof label, "%d %%", pct);
            if (ImGui::Selectable(label, (int)(app.ui_scale * 100 + 0.5f) == pct)) SetUiScale(app, pct / 100.0f);
        }
        ImGui::EndPopup();
    }
    FlowSameLine(ButtonWidth(theme));
    if (ImGui::Button(theme)) SetLook(app, !app.dark, app.ui_scale, app.lang);
    Mark(app, "theme");
    FlowSameLine(ButtonWidth(lang));
    if (ImGui::Button(lang)) app.lang = app.lang == sam::Lang::Sv ? sam::Lang::En : sam::Lang::Sv;
    Mark(app, "language");
}

// A shared workspace the user may edit, and no name given yet: the status bar asks.
static bool AskAuthorInStatus(const App& app) {
    return app.shared && !app.read_only && app.author.name.empty() && app.conflict_text.empty();
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
    if (AskAuthorInStatus(app)) {
        if (ImGui::SmallButton(T(app, "ui.author_button"))) app.ask_author = true;
        Mark(app, "author");
        HelpTooltip(T(app, "ui.author_help"));
        ImGui::SameLine();
    }
    const char* status = app.status.empty() ? T(app, "ui.status_ready") : app.status.c_str();
    if (!app.status.empty()) ImGui::TextWrapped("%s", status);
    else ImGui::TextDisabled("%s", status);
    if (!app.sync_text.empty()) {
        float w = ImGui::CalcTextSize(app.sync_text.c_str()).x;
        if (StatusFitsOneLine(app, ImGui::GetContentRegionAvail().x)) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
        SayDisabled(app.sync_text);   // who else is here, and the connection: a screen reader reads it too
    }
}

// The status and the sync state share a line when both fit; in a narrow window the status
// wraps and the sync state goes below it, so neither overlaps the other.
bool StatusFitsOneLine(const App& app, float width) {
    const char* status = app.status.empty() ? T(app, "ui.status_ready") : app.status.c_str();
    float need = ImGui::CalcTextSize(status).x;
    if (AskAuthorInStatus(app)) need += ImGui::CalcTextSize(T(app, "ui.author_button")).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    if (!app.sync_text.empty()) need += ImGui::GetStyle().ItemSpacing.x * 2 + ImGui::CalcTextSize(app.sync_text.c_str()).x;
    return need <= width;
}

float StatusBarHeight(const App& app, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float line = ImGui::GetTextLineHeightWithSpacing();
    if (!app.conflict_text.empty() || StatusFitsOneLine(app, width)) return ImGui::GetFrameHeightWithSpacing();
    const char* status = app.status.empty() ? T(app, "ui.status_ready") : app.status.c_str();
    float h = ImGui::CalcTextSize(status, nullptr, false, width).y + style.ItemSpacing.y;
    if (!app.sync_text.empty()) h += line;
    return h + style.ItemSpacing.y + 1;   // the separator above
}

}  // namespace ui
