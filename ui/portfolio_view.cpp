// Portfölj: one party across several workspaces — what it pays per workspace and year, what
// it gives in kind, the decisions it still owes in date order, and the conditions it set.
// The figures are core's (sam::Portfolio); other years or parties come from the platform.
#include <imgui.h>
#include <algorithm>
#include <string>
#include "charts.h"
#include "format.h"
#include "views.h"
#include "wide_table.h"

namespace ui {

namespace {

// A labelled combo a screen reader knows as one: its role, name and value, each option's state.
template <class Items, class Label, class Choose>
void Chooser(App& app, const char* label, const char* id, const std::string& current, float width, const Items& items, Label text, Choose choose) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width);
    ImGuiID combo = ImGui::GetID(id);
    bool open = ImGui::BeginCombo(id, current.c_str());
    A11ySet(combo, Role::ComboBox, label, current);
    if (open) {
        for (auto& item : items) {
            std::string name = text(item);
            if (ImGui::Selectable(name.c_str(), name == current)) choose(item);
            A11ySelected(name == current);
        }
        ImGui::EndCombo();
    }
}

void Choosers(App& app) {
    const PortfolioState& pf = app.portfolio;
    if (!pf.parties.empty()) {
        Chooser(app, T(app, "ui.party"), "##portfolio-party", pf.result.party, 14, pf.parties, [](const std::string& n) { return n; },
                [&app](const std::string& n) { if (app.platform.portfolio_party) app.platform.portfolio_party(n); });
        Mark(app, "portfolio-party");
        ImGui::SameLine();
    }
    if (!pf.years.empty()) {
        Chooser(app, T(app, "ui.year"), "##portfolio-year", std::to_string(pf.result.year), 6, pf.years, [](int y) { return std::to_string(y); },
                [&app](int y) { if (app.platform.portfolio_year) app.platform.portfolio_year(y); });
        Mark(app, "portfolio-year");
    }
}

// A workspace's name; a button into it where the line leads there.
void WorkspaceCell(App& app, const std::string& name, size_t line) {
    if (!app.portfolio.Opens(line)) return SayWrapped(name);
    if (ImGui::Selectable(name.c_str()) && app.platform.portfolio_open) app.platform.portfolio_open(line);
    HelpTooltip(T(app, "ui.portfolio_open"));
}

// Per workspace this year: share, in kind and paid in money; a line opens its workspace.
void CostTable(App& app) {
    const sam::Portfolio& p = app.portfolio.result;
    std::string share = sam::TrF(app.lang, "portfolio.share", {std::to_string(p.year)});
    if (!BeginWideTable("##portfolio", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * 34)) return;
    ImGui::TableSetupColumn(T(app, "portfolio.workspace"), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn(share.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(app, "ui.in_kind"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(app, "ui.in_money"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    HeadersRow();
    int64_t shares = 0;
    for (size_t i = 0; i < p.workspaces.size(); ++i) {
        const sam::PortfolioWorkspace& w = p.workspaces[i];
        shares += w.share_kr;
        ImGui::PushID((int)i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        WorkspaceCell(app, w.name + (w.Uncertain() ? " *" : ""), i);
        Mark(app, "portfolio-line:" + std::to_string(i));
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(w.share_kr).c_str());
        ImGui::TableNextColumn();
        TextRight(w.in_kind_kr ? sam::FormatKr(w.in_kind_kr).c_str() : "–");
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(w.amount_kr).c_str());
        Mark(app, "portfolio-amount:" + std::to_string(i));
        ImGui::PopID();
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    Say(T(app, "ui.total"));
    ImGui::TableNextColumn();
    TextRight(sam::FormatKr(shares).c_str());
    ImGui::TableNextColumn();
    TextRight(p.in_kind_total_kr ? sam::FormatKr(p.in_kind_total_kr).c_str() : "–");
    ImGui::TableNextColumn();
    TextRight(sam::FormatKr(p.total_kr).c_str());
    Mark(app, "portfolio-total");
    EndWideTable();
    for (auto& w : p.workspaces)
        if (w.Uncertain()) SayWrapped(sam::TrF(app.lang, "portfolio.uncertain", {w.name}));
}

// What the party pays in money each year, per workspace: the years side by side.
void YearTable(App& app) {
    const sam::Portfolio& p = app.portfolio.result;
    // Every year from the first to the last any workspace has, so that a gap shows as one.
    int first = 0, last = -1;
    for (auto& w : p.workspaces)
        for (auto& [y, kr] : w.per_year) {
            if (last < first) first = last = y;
            first = std::min(first, y);
            last = std::max(last, y);
        }
    if (last < first || last - first >= 40) return;
    std::vector<int> years;
    for (int y = first; y <= last; ++y) years.push_back(y);
    Say(T(app, "ui.portfolio_years"));
    int columns = (int)years.size() + 1;
    if (!BeginWideTable("##portfolio-years", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * (12 + 7 * (float)years.size()))) return;
    ImGui::TableSetupColumn(T(app, "portfolio.workspace"), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    std::vector<std::string> heads;
    for (int y : years) heads.push_back(std::to_string(y));
    for (auto& h : heads) ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    HeadersRow();
    for (auto& w : p.workspaces) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        SayWrapped(w.name);
        for (int y : years) {
            ImGui::TableNextColumn();
            auto it = w.per_year.find(y);
            TextRight(it == w.per_year.end() ? "–" : sam::FormatKr(it->second).c_str());
        }
    }
    EndWideTable();
}

void PendingTable(App& app) {
    const sam::Portfolio& p = app.portfolio.result;
    ImGui::TextUnformatted(T(app, "portfolio.pending"));
    A11yText(T(app, "portfolio.pending"), Role::Heading);
    std::vector<sam::PortfolioDue> due = sam::PendingInOrder(p);
    if (due.empty()) { Say(T(app, "portfolio.none_pending")); return; }
    if (!BeginWideTable("##portfolio-due", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * 40)) return;
    ImGui::TableSetupColumn(T(app, "ui.matter"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn(T(app, "portfolio.workspace"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(app, "ui.deadline"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(T(app, "ui.send_by"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    HeadersRow();
    for (size_t k = 0; k < due.size(); ++k) {
        const sam::PortfolioDue& d = due[k];
        ImGui::PushID((int)k);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        SayWrapped(d.pending->matter);
        ImGui::TableNextColumn();
        WorkspaceCell(app, p.workspaces[d.line].name, d.line);
        ImGui::TableNextColumn();
        std::string deadline = sam::DeadlineText(*d.pending, app.lang);
        if (d.pending->late) ImGui::TextColored(ImVec4(0.75f, 0.22f, 0.12f, 1), "%s", deadline.c_str());
        else ImGui::TextUnformatted(deadline.c_str());
        A11yText(deadline);   // "(passerad)" says in words what the colour shows
        ImGui::TableNextColumn();
        Say(d.pending->send_by.empty() ? "–" : d.pending->send_by);
        ImGui::PopID();
    }
    EndWideTable();
}

}  // namespace

void DrawPortfolio(App& app) {
    const sam::Portfolio& p = app.portfolio.result;
    std::string title = sam::TrF(app.lang, "portfolio.title", {p.party, std::to_string(p.year)});
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(title.c_str());
    A11yText(title, Role::Heading);
    Choosers(app);
    std::string total = sam::TrF(app.lang, "portfolio.total", {sam::FormatKr(p.total_kr), std::to_string(p.workspaces.size()), std::to_string(p.year)});
    if (p.in_kind_total_kr) total += " " + sam::TrF(app.lang, "portfolio.in_kind_total", {sam::FormatKr(p.in_kind_total_kr)});
    Say(total);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    CostTable(app);
    ImGui::Spacing();
    std::vector<Bar> bars;
    for (auto& w : p.workspaces) bars.push_back({w.name, (double)w.amount_kr, 0, false, false, sam::FormatKr(w.amount_kr), ""});
    Say(T(app, "ui.portfolio_chart"));
    BarChart("##portfolio-bars", bars, 0, DefaultChartColors(false));
    ImGui::Spacing();
    YearTable(app);
    ImGui::Spacing();
    PendingTable(app);
    std::vector<std::string> conditions;
    for (auto& w : p.workspaces)
        for (auto& c : w.conditions) conditions.push_back(w.name + ": " + c.matter + ": " + c.conditions);
    if (!conditions.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(T(app, "portfolio.conditions"));
        A11yText(T(app, "portfolio.conditions"), Role::Heading);
        for (auto& c : conditions) { ImGui::Bullet(); SayWrapped(c); }
    }
    if (!p.not_in.empty()) {
        std::string names;
        for (auto& n : p.not_in) names += (names.empty() ? "" : ", ") + n;
        ImGui::Spacing();
        SayWrapped(sam::TrF(app.lang, "portfolio.not_in", {names}));
    }
}

}  // namespace ui
