// Presentation mode for workshops: full screen, large type, high contrast, no editing
// chrome. Slides are saved views; the "what if" slide recomputes every party's cost
// as the facilitator ticks parties in or out or changes an item.
#include <imgui.h>
#include <algorithm>
#include "charts.h"
#include "a11y.h"
#include "comparison.h"
#include "decisions.h"
#include "diagram.h"
#include "format.h"
#include "json_io.h"
#include "patch.h"
#include "structure.h"
#include "views.h"

namespace ui {

std::vector<sam::Slide> Slides(const sam::Workspace& ws) { return sam::SlideDeck(ws); }

// The current view as a slide at the end of the show. A workspace without slides of its own
// starts from the default set, so that nothing the room would have seen disappears.
void AddViewAsSlide(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    sam::Slide s;
    switch (app.view) {
        case View::Portfolio: return;   // not a view of the workspace
        case View::Overview: s.kind = sam::SlideKind::Overview; break;
        case View::Structure: s.kind = sam::SlideKind::Structure; break;
        case View::Decisions: s.kind = sam::SlideKind::Matter; s.ref = app.selected_matter; break;
        case View::Costs: s.kind = sam::SlideKind::Costs; s.year = app.cost_year; break;
        case View::Scenarios:
            if (ws.scenarios.empty()) { s.kind = sam::SlideKind::WhatIf; break; }
            s.kind = sam::SlideKind::Comparison;
            s.ref = ws.scenarios.begin()->first;
            s.year = app.cost_year;
            break;
    }
    if (s.kind == sam::SlideKind::Matter && !ws.matters.count(s.ref)) {
        if (ws.matters.empty()) return;
        s.ref = ws.matters.begin()->first;
    }
    sam::json patch = sam::json::array();
    if (ws.slides.empty()) {
        sam::json all = sam::json::array();
        for (const sam::Slide& d : Slides(ws)) all.push_back(sam::ToJson(d));
        all.push_back(sam::ToJson(s));
        patch.push_back(sam::OpAdd("/slides", all));
    } else {
        patch.push_back(sam::OpAdd("/slides/-", sam::ToJson(s)));
    }
    if (ApplyEdit(app, patch)) app.status = sam::TrF(app.lang, "ui.slide_added", {std::to_string(Slides(app.doc.ws).size())});
}

void SetPresenting(App& app, bool on) {
    if (app.presenting == on) return;
    app.presenting = on;
    app.style_dirty = true;   // the slide fonts are made (or dropped)
    if (on) app.what_if = sam::Scenario{};
    if (!on) app.following = false;
    if (app.platform.set_fullscreen) app.platform.set_fullscreen(on);
    if (!app.read_only && app.platform.presentation_changed) app.platform.presentation_changed(on, app.slide);
}

void Follow(App& app, bool active, int slide, const sam::json& what_if) {
    if (active) {
        sam::Scenario s;
        app.what_if = what_if.is_object() && sam::ParseScenarioFor(app.doc.ws, what_if, s) ? s : sam::Scenario{};
        app.following = true;
        if (!app.presenting) {
            app.presenting = true;
            app.style_dirty = true;   // the slide fonts, as on the facilitator's screen
        }
        GoToSlide(app, slide);
    } else if (app.following) {
        app.following = false;
        if (app.presenting) {
            app.presenting = false;
            app.style_dirty = true;
        }
    }
}

sam::json WhatIfJson(const App& app) {
    sam::Scenario s = app.what_if;
    s.name = T(app, "ui.what_if");   // a scenario has a name; the follower reads it as one
    return sam::ToJson(s);
}

void GoToSlide(App& app, int slide) {
    int n = (int)Slides(app.doc.ws).size();
    slide = std::clamp(slide, 0, std::max(0, n - 1));
    if (slide == app.slide) return;
    app.slide = slide;
    app.fit_diagram = true;
    if (!app.read_only && app.platform.presentation_changed) app.platform.presentation_changed(app.presenting, app.slide);
}

namespace {

int SlideYear(const App& app, const sam::Budget& b, const sam::Slide& s) {
    if (b.HasYear(s.year)) return s.year;
    int y = app.today.size() >= 4 ? std::atoi(app.today.substr(0, 4).c_str()) : b.first_year;
    return b.HasYear(y) ? y : b.first_year;
}

std::string SlideTitle(const App& app, const sam::Slide& s) {
    if (!s.title.empty()) return s.title;
    const sam::Workspace& ws = app.doc.ws;
    switch (s.kind) {
        case sam::SlideKind::Overview: return ws.name;
        case sam::SlideKind::Structure: return T(app, "ui.structure");
        case sam::SlideKind::Matter: return ws.matters.count(s.ref) ? ws.matters.at(s.ref).title : s.ref;
        case sam::SlideKind::Costs: return T(app, "ui.cost_summary");
        case sam::SlideKind::Comparison: return ws.scenarios.count(s.ref) ? ws.scenarios.at(s.ref).name : s.ref;
        case sam::SlideKind::WhatIf: default: return T(app, "ui.what_if");
    }
}

void BigFigure(const char* label, const std::string& value, float scale) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(label);
    ImGui::SetWindowFontScale(scale * 1.8f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::SetWindowFontScale(scale);
    ImGui::EndGroup();
    A11yText(std::string(label) + ": " + value);
}

void OverviewSlide(App& app, int year, float scale) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Budget& b = app.derived.budget;
    int adopted = app.derived.adopted, concerned = app.derived.concerned;
    if (!ws.description.empty()) SayWrapped(ws.description);
    ImGui::Spacing();
    if (ImGui::BeginTable("##big", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        BigFigure(T(app, "ui.parties"), std::to_string(ws.parties.size()), scale);
        ImGui::TableNextColumn();
        BigFigure(sam::TrF(app.lang, "ui.total_cost_year", {std::to_string(year)}).c_str(), b.Years() > 0 ? sam::FormatMnkr(b.At(b.net, year)) : "–", scale);
        ImGui::TableNextColumn();
        BigFigure(T(app, "ui.adoption_rate"), concerned ? sam::FormatPercent(100.0 * adopted / concerned, 0) : "–", scale);
        ImGui::EndTable();
    }
}

// One card per party: a band in the status colour, the symbol, the name and the status
// in words, so that it reads in black and white too.
void MatterSlide(App& app, const sam::Matter& m) {
    const sam::Workspace& ws = app.doc.ws;
    sam::AdoptionSummary sum = sam::Summarize(m, app.today);
    Say(sam::TrF(app.lang, "ui.adopted_of", {std::to_string(sum.adopted), std::to_string(sum.concerned)}));
    if (!m.deadline.empty()) {
        ImGui::SameLine();
        Say("· " + std::string(T(app, "ui.deadline")) + " " + m.deadline);
    }
    ImGui::Spacing();
    std::vector<std::string> ids;
    for (auto& [pid, d] : m.decisions) ids.push_back(pid);
    sam::SortPartiesSwedish(ws, ids);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float gap = line * 0.5f;
    int columns = ids.size() > 9 ? 4 : 3;
    float w = (ImGui::GetContentRegionAvail().x - gap * (float)(columns - 1)) / (float)columns;
    float h = line * 2.4f;
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < ids.size(); ++i) {
        const sam::Decision& d = m.decisions.at(ids[i]);
        StatusLook look = LookOf(d.status);
        ImVec2 p(o.x + (float)(i % columns) * (w + gap), o.y + (float)(i / columns) * (h + gap));
        ImVec4 tint = look.color;
        tint.w = 0.14f;
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(tint), 6);
        dl->AddRectFilled(p, ImVec2(p.x + line * 0.45f, p.y + h), ImGui::GetColorU32(look.color), 6, ImDrawFlags_RoundCornersLeft);
        dl->AddRect(p, ImVec2(p.x + w, p.y + h), IM_COL32(0, 0, 0, 255), 6, 0, 1.5f);
        float x = p.x + line * 0.8f;
        std::string name = std::string(look.symbol) + "  " + PartyName(app, ids[i]);
        dl->AddText(ImVec2(x, p.y + line * 0.15f), IM_COL32(0, 0, 0, 255), name.c_str());
        std::string status(sam::TrEnum(app.lang, "status", sam::ToString(d.status)));
        if (!d.date.empty()) status += " " + d.date;
        dl->AddText(ImVec2(x, p.y + line * 1.15f), IM_COL32(40, 40, 40, 255), status.c_str());
        A11yTextAt(std::string(PartyName(app, ids[i])) + ": " + status, p, ImVec2(p.x + w, p.y + h));   // the card in words
    }
    int rows = ((int)ids.size() + columns - 1) / columns;
    ImGui::Dummy(ImVec2(0, (float)rows * (h + gap)));
    // Conditions, in full: they are what the room discusses.
    for (auto& pid : ids) {
        const sam::Decision& d = m.decisions.at(pid);
        if (d.conditions.empty()) continue;
        SayWrapped(std::string(PartyName(app, pid)) + ": " + d.conditions);
    }
}

void CostsSlide(App& app, int year) {
    const sam::Budget& b = app.derived.budget;
    std::vector<Bar> bars;
    for (auto& id : b.parties) bars.push_back({PartyName(app, id), (double)b.PartyAt(id, year), 0, false, false, sam::FormatKr(b.PartyAt(id, year)), ""});
    Say(std::string(T(app, "ui.total")) + ": " + sam::FormatKr(b.At(b.net, year)));
    BarChart("##slidebars", bars, 0, DefaultChartColors(true));
}

// The facilitator ticks parties in or out and changes an item's FTE; nothing is saved
// unless asked.
// The facilitator's what-if changed: followers see the same figures.
void WhatIfChanged(App& app) {
    if (!app.read_only && app.platform.presentation_changed) app.platform.presentation_changed(app.presenting, app.slide);
}

void WhatIfSlide(App& app, int year) {
    const sam::Workspace& ws = app.doc.ws;
    std::vector<std::string> ids = PayingCandidates(ws);
    int columns = CheckboxColumns(app, ids);
    if (ImGui::BeginTable("##whoparts", columns)) {
        for (auto& pid : ids) {
            ImGui::TableNextColumn();
            bool on = TakesPart(ws, app.what_if, pid);
            if (ImGui::Checkbox(PartyName(app, pid), &on) && !app.following) {
                SetTakesPart(ws, app.what_if, pid, on);
                WhatIfChanged(app);
            }
            Mark(app, "what-if:" + pid);
        }
        ImGui::EndTable();
    }
    // One item's FTE, in steps of 0,1.
    for (auto& [iid, item] : ws.cost_items) {
        if (item.amount) continue;
        ImGui::PushID(iid.c_str());
        auto ch = app.what_if.items.find(iid);
        double fte = ch != app.what_if.items.end() && ch->second.fte ? *ch->second.fte : item.fte;
        ImGui::AlignTextToFramePadding();
        Say(item.name);
        // The stepper after the name, never over it; its buttons named in words for a reader.
        ImGui::SameLine(0, ImGui::GetFontSize());
        if (ImGui::Button("−") && !app.following) { app.what_if.items[iid].fte = std::max(0.0, fte - 0.1); WhatIfChanged(app); }
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.fte_less", {item.name}));
        ImGui::SameLine();
        Say(sam::FormatFte(fte) + " " + T(app, "ui.fte"));
        ImGui::SameLine();
        if (ImGui::Button("+") && !app.following) { app.what_if.items[iid].fte = fte + 0.1; WhatIfChanged(app); }
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.fte_more", {item.name}));
        ImGui::PopID();
        break;   // the first FTE item: enough to show the mechanism on a slide
    }
    sam::Budget sb = sam::ComputeBudget(ws, &app.what_if);
    DrawComparison(app, app.derived.budget, sb, year, "whatif", true);
    if (!app.read_only && ImGui::Button(T(app, "ui.save_as_scenario"))) {
        sam::json s = {{"name", T(app, "ui.what_if")}};
        if (!app.what_if.leave.empty()) s["leave"] = app.what_if.leave;
        if (!app.what_if.join.empty()) s["join"] = app.what_if.join;
        for (auto& [iid, ch] : app.what_if.items)
            if (ch.fte) s["items"][iid]["fte"] = *ch.fte;
        std::string id = sam::MakeId(T(app, "ui.what_if"), ws.scenarios);
        if (ApplyEdit(app, sam::json::array({sam::OpAdd("/scenarios/" + id, s)}))) app.status = sam::TrF(app.lang, "ui.saved_scenario", {T(app, "ui.what_if")});
    }
}

// Black on white, strong lines: readable from the back of a bright room.
const struct { ImGuiCol id; ImVec4 colour; } kHighContrast[] = {
    {ImGuiCol_WindowBg, {1, 1, 1, 1}},
    {ImGuiCol_ChildBg, {1, 1, 1, 1}},
    {ImGuiCol_Text, {0, 0, 0, 1}},
    {ImGuiCol_TextDisabled, {0.2f, 0.2f, 0.2f, 1}},
    {ImGuiCol_Border, {0, 0, 0, 1}},
    {ImGuiCol_TableBorderStrong, {0, 0, 0, 1}},
    {ImGuiCol_TableBorderLight, {0.3f, 0.3f, 0.3f, 1}},
    {ImGuiCol_TableHeaderBg, {0.85f, 0.88f, 0.92f, 1}},
    {ImGuiCol_TableRowBgAlt, {0, 0, 0, 0.04f}},
    {ImGuiCol_FrameBg, {1, 1, 1, 1}},
    {ImGuiCol_CheckMark, {0, 0.2f, 0.55f, 1}},
    {ImGuiCol_Button, {0.85f, 0.88f, 0.92f, 1}},
};
const int kHighContrastColors = IM_ARRAYSIZE(kHighContrast);

void PushHighContrast() {
    for (auto& c : kHighContrast) ImGui::PushStyleColor(c.id, c.colour);
}

}  // namespace

void DrawPresentation(App& app) {
    std::vector<sam::Slide> slides = Slides(app.doc.ws);
    if (slides.empty()) { SetPresenting(app, false); return; }
    app.slide = std::clamp(app.slide, 0, (int)slides.size() - 1);
    const sam::Slide& s = slides[app.slide];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    PushHighContrast();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(vp->Size.x * 0.04f, vp->Size.y * 0.04f));
    ImGui::Begin("##presentation", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // The fonts are made for 1080 lines: scale with the window so a smaller projector shows the same slide.
    float scale = std::clamp(vp->Size.y / (1080.0f * std::max(app.dpi_scale, 0.5f)), 0.5f, 2.0f);
    ImGui::PushFont(app.font_slide_title ? app.font_slide_title : app.font);
    ImGui::SetWindowFontScale(scale);
    ImGui::TextWrapped("%s", SlideTitle(app, s).c_str());
    A11yText(SlideTitle(app, s), Role::Heading);
    ImGui::PopFont();
    ImGui::PushFont(app.font_slide ? app.font_slide : app.font);
    ImGui::SetWindowFontScale(scale);
    ImGui::Separator();
    ImGui::Spacing();
    float footer = ImGui::GetFrameHeightWithSpacing() * 1.2f;
    ImGui::BeginChild("##slide", ImVec2(0, -footer), false);
    const sam::Budget& b = app.derived.budget;
    int year = SlideYear(app, b, s);
    switch (s.kind) {
        case sam::SlideKind::Overview: OverviewSlide(app, year, scale); break;
        case sam::SlideKind::Structure: DrawDiagram(app, ImVec2(0, 0), false); break;
        case sam::SlideKind::Matter:
            if (app.doc.ws.matters.count(s.ref)) MatterSlide(app, app.doc.ws.matters.at(s.ref));
            break;
        case sam::SlideKind::Costs: if (b.Years() > 0) CostsSlide(app, year); break;
        case sam::SlideKind::Comparison:
            if (b.Years() > 0 && app.derived.scenarios.count(s.ref)) DrawComparison(app, b, app.derived.scenarios.at(s.ref), year, "slidecmp", true);
            break;
        case sam::SlideKind::WhatIf: if (b.Years() > 0) WhatIfSlide(app, year); break;
    }
    ImGui::EndChild();
    // Footer: where we are, and how to move.
    ImGui::Separator();
    std::string where = sam::TrF(app.lang, "ui.slide_of", {std::to_string(app.slide + 1), std::to_string(slides.size())});
    ImGui::TextUnformatted(where.c_str());
    A11yText(where);
    Mark(app, "slide-number");
    ImGui::SameLine();
    SayDisabled(T(app, app.following ? "ui.following" : "ui.slide_keys"));
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(kHighContrastColors);
}

}  // namespace ui
