// Översikt: the parties, key figures and what needs attention.
#include <imgui.h>
#include "decisions.h"
#include "a11y.h"
#include "format.h"
#include "fields.h"
#include "utf8.h"
#include "views.h"

namespace ui {

namespace {

void KeyFigure(const char* label, const std::string& value, const std::string& how) {
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", label);
    A11yText(label);
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(value.c_str());
    A11yText(value);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::EndGroup();
    HelpTooltip(how.c_str());
}

// Where a check's problem is mended: the view its path belongs to, and the matter or body it
// names there. The overview itself stands for "nowhere else".
struct ProblemPlace {
    View view = View::Overview;
    std::string matter, body;
};

std::string FirstToken(const std::string& path, size_t prefix) {
    std::string rest = path.substr(prefix);
    return rest.substr(0, rest.find('/'));
}

ProblemPlace PlaceOf(const std::string& path) {
    auto starts = [&](const char* prefix) { return path.rfind(prefix, 0) == 0; };
    if (starts("/matters/")) return {View::Decisions, FirstToken(path, 9), ""};
    if (starts("/bodies/")) return {View::Structure, "", FirstToken(path, 8)};
    if (starts("/parties/")) return {View::Decisions, "", ""};   // a party's committee dates: its decisions are what they plan
    if (starts("/cost_items/") || starts("/costs") || starts("/funding")) return {View::Costs, "", ""};
    if (starts("/scenarios/")) return {View::Scenarios, "", ""};
    return {};
}

const char* ViewNameKey(View view) {
    switch (view) {
        case View::Structure: return "ui.structure";
        case View::Decisions: return "ui.decisions";
        case View::Costs: return "ui.costs";
        case View::Scenarios: return "ui.scenarios";
        default: return "ui.overview";
    }
}

// A line that wraps at the panel edge and acts as a link (a Selectable does not wrap).
bool WrappedLink(const std::string& text) {
    float wrap = ImGui::GetContentRegionAvail().x;
    ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::Selectable("##link", false, 0, ImVec2(0, size.y));
    A11yLast(Role::Button, text);   // its words are drawn, not its label: a reader is told them
    ImGui::GetWindowDrawList()->AddText(nullptr, 0, pos, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, wrap);
    return clicked;
}

// "What does my party pay, and which decisions does it still owe?" for the party chosen here
// (the official's own), from core (sam::PartyInWorkspace); each pending matter leads to Beslut.
void OwnParty(App& app, int year) {
    const sam::Workspace& ws = app.doc.ws;
    if (!ws.parties.count(app.overview_party)) app.overview_party.clear();
    std::vector<std::string> ids;
    for (auto& [id, p] : ws.parties) ids.push_back(id);
    sam::SortPartiesSwedish(ws, ids);
    const char* label = T(app, "ui.own_party");
    ImGui::AlignTextToFramePadding();
    Say(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const char* current = app.overview_party.empty() ? T(app, "ui.own_party_none") : PartyName(app, app.overview_party);
    ImGuiID combo = ImGui::GetID("##own");
    bool open = ImGui::BeginCombo("##own", current);
    A11ySet(combo, Role::ComboBox, label, current);
    if (open) {
        for (auto& id : ids) {
            if (ImGui::Selectable(PartyName(app, id), id == app.overview_party)) app.overview_party = id;
            A11ySelected(id == app.overview_party);
        }
        ImGui::EndCombo();
    }
    Mark(app, "own-party");
    if (app.overview_party.empty()) return;
    Derived& d = app.derived;
    if (d.own_party != app.overview_party || d.own_year != year || d.own_revision != app.doc.revision) {
        d.own = sam::PartyInWorkspace(ws, d.budget, app.overview_party, year, app.today);
        d.own_party = app.overview_party;
        d.own_year = year;
        d.own_revision = app.doc.revision;
    }
    const sam::PortfolioWorkspace& own = d.own;
    std::string pays = sam::TrF(app.lang, "ui.own_pays", {PartyName(app, own.party_id), sam::FormatKr(own.amount_kr), std::to_string(year)});
    if (own.in_kind_kr) pays += " " + sam::TrF(app.lang, "ui.own_in_kind", {sam::FormatKr(own.share_kr), sam::FormatKr(own.in_kind_kr)});
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(pays.c_str());
    A11yText(pays);
    ImGui::PopTextWrapPos();
    Mark(app, "own-pays");
    if (own.pending.empty()) {
        ImGui::TextDisabled("%s", T(app, "portfolio.none_pending"));
        A11yText(T(app, "portfolio.none_pending"));
    }
    for (auto& x : own.pending) {
        std::string line = sam::TrF(app.lang, "ui.own_pending", {x.matter, sam::DeadlineText(x, app.lang), x.send_by.empty() ? "–" : x.send_by});
        ImGui::PushID(x.matter_id.c_str());
        if (WrappedLink(line)) { app.selected_matter = x.matter_id; app.view = View::Decisions; }
        A11yLast(Role::Button, line);
        ImGui::PopID();
    }
}

}  // namespace

void DrawOverview(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Budget& b = app.derived.budget;
    if (!ws.description.empty()) {
        // A whole document pasted in as the description is cut here: wrapping a megabyte of
        // text every frame held the app at a frame a second. The report prints all of it.
        constexpr size_t kShown = 2000;
        ImGui::PushTextWrapPos(0);
        if (ws.description.size() <= kShown) {
            Say(ws.description);
        } else {
            std::string shown = sam::CutUtf8(ws.description, kShown);
            size_t more = 0;
            for (size_t i = shown.size(); i < ws.description.size(); ++i) more += ((unsigned char)ws.description[i] & 0xC0) != 0x80;
            Say(shown + " …");
            SayDisabled(sam::TrF(app.lang, "ui.description_cut", {sam::FormatInteger((int64_t)more)}));
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();

    // Key figures.
    sam::ShownYear shown_year = sam::YearToShow(b, app.cost_year, app.today);
    int year = shown_year.year;
    int adopted = app.derived.adopted, concerned = app.derived.concerned;
    const auto& overdue = app.derived.overdue;
    // Narrow (a phone, 400 % zoom): two figures a row, and the lists one under the other.
    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 36;
    if (ImGui::BeginTable("##figures", narrow ? 2 : 4, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        KeyFigure(sam::TrF(app.lang, "ui.total_cost_year", {std::to_string(year)}).c_str(),
                  b.Years() > 0 ? sam::FormatMnkr(b.At(b.net, year)) : "–",
                  sam::TrF(app.lang, "ui.how_total", {sam::FormatKr(b.At(b.gross, year)), sam::FormatKr(b.At(b.funding, year)),
                                                      sam::FormatKr(b.At(b.net, year))}));
        ImGui::TableNextColumn();
        KeyFigure(T(app, "ui.matters_count"), std::to_string(ws.matters.size()), T(app, "ui.how_matters"));
        ImGui::TableNextColumn();
        KeyFigure(T(app, "ui.adoption_rate"), concerned ? sam::FormatPercent(100.0 * adopted / concerned, 0) : "–",
                  sam::TrF(app.lang, "ui.how_adoption", {std::to_string(adopted), std::to_string(concerned)}));
        ImGui::TableNextColumn();
        KeyFigure(T(app, "ui.overdue"), std::to_string(overdue.size()), sam::TrF(app.lang, "ui.how_overdue", {app.today}));
        ImGui::EndTable();
    }
    // Not this year's figure: say so, not quietly another year.
    if (!shown_year.note.empty()) SayDisabled(sam::TrF(app.lang, shown_year.note, shown_year.args));
    ImGui::Spacing();
    OwnParty(app, year);
    ImGui::Spacing();

    float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImVec2 parties_size = narrow ? ImVec2(0, ImGui::GetContentRegionAvail().y * 0.55f) : ImVec2(half - ImGui::GetStyle().ItemSpacing.x, 0);
    ImGui::BeginChild("##parties", parties_size, false);
    ImGui::TextUnformatted(T(app, "ui.parties"));
    A11yText(T(app, "ui.parties"), Role::Heading);
    if (ImGui::BeginTable("##partytable", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(app, "ui.kind"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(app, "ui.population"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        HeadersRow();
        std::vector<std::string> ids;
        for (auto& [id, p] : ws.parties) ids.push_back(id);
        sam::SortPartiesSwedish(ws, ids);
        ImGuiListClipper clip;   // only the rows on screen
        clip.Begin((int)ids.size());
        while (clip.Step())
        for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
            const std::string& id = ids[row];
            const sam::Party& p = ws.parties.at(id);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(id.c_str());
            if (ImGui::Selectable(p.name.c_str(), app.selected_party == id, ImGuiSelectableFlags_SpanAllColumns)) app.selected_party = id;
            Mark(app, "party:" + id);
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(sam::TrEnum(app.lang, "party_kind", sam::ToString(p.kind)).data());
            A11yText(sam::TrEnum(app.lang, "party_kind", sam::ToString(p.kind)).data());
            ImGui::TableNextColumn();
            TextRight(p.population ? sam::FormatInteger(p.population).c_str() : "–");
        }
        ImGui::EndTable();
    }
    if (EditButton(app, T(app, "ui.add_party"), true)) AddParty(app);
    ImGui::SameLine();
    SayDisabled(T(app, "ui.party_click_help"));
    if (!ws.population_note.empty()) {
        ImGui::PushTextWrapPos(0);
        SayDisabled(ws.population_note);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    if (!narrow) ImGui::SameLine();

    ImGui::BeginChild("##attention", ImVec2(0, 0), false);
    if (!app.selected_party.empty()) {
        DrawPartyPanel(app);
        ImGui::EndChild();
        return;
    }
    ImGui::TextUnformatted(T(app, "ui.needs_attention"));
    A11yText(T(app, "ui.needs_attention"), Role::Heading);
    ImGui::PushTextWrapPos(0);
    int shown = 0;
    const int kMaxLines = 60;   // a long list is a report's job; the count says how many more
    size_t total = overdue.size() + sam::CountChecks(app.derived.check_cache);
    if (size_t left = app.derived.check_cache.unchecked.size()) {   // said, never shown as all there is
        size_t all = app.doc.ws.matters.size();
        std::string line = sam::TrF(app.lang, "ui.checking_matters", {sam::FormatInteger((int64_t)(all - std::min(left, all))), sam::FormatInteger((int64_t)all)});
        ImGui::TextDisabled("%s", line.c_str());
        A11yText(line, Role::Text);
    }
    for (auto& o : overdue) {
        if (shown >= kMaxLines) break;
        const sam::Matter& m = ws.matters.at(o.matter);
        std::string line = sam::TrF(app.lang, "ui.overdue_line", {o.date, o.what, m.title});
        ImGui::PushID(shown++);
        if (WrappedLink(line)) { app.view = View::Decisions; app.selected_matter = o.matter; }
        HelpTooltip(sam::TrF(app.lang, "ui.open_in", {T(app, ViewNameKey(View::Decisions))}).c_str());
        ImGui::PopID();
    }
    sam::ForEachCheck(app.derived.check_cache, [&](const sam::Problem& p) {
        if (shown >= kMaxLines) return false;
        std::string line = p.Message(app.lang);
        ProblemPlace place = PlaceOf(p.path);
        ImGui::PushID(shown++);
        if (WrappedLink(line) && place.view != View::Overview) {
            app.view = place.view;
            if (!place.matter.empty()) app.selected_matter = place.matter;
            if (!place.body.empty()) app.selected_body = place.body;
        }
        if (place.view != View::Overview) HelpTooltip(sam::TrF(app.lang, "ui.open_in", {T(app, ViewNameKey(place.view))}).c_str());
        ImGui::PopID();
        return true;
    });
    if (shown == 0) SayDisabled(T(app, "ui.nothing_needs_attention"));
    if (total > (size_t)shown) ImGui::TextDisabled("%s", sam::TrF(app.lang, "ui.more_lines", {std::to_string(total - shown)}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace ui
