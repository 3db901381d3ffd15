// Beslut: every matter's status per party, and a party's decision edited in place.
#include <imgui.h>
#include <algorithm>
#include <functional>
#include "decision_path.h"
#include "decisions.h"
#include "a11y.h"
#include "format.h"
#include "patch.h"
#include "planning.h"
#include "fields.h"
#include "timeline.h"
#include "views.h"
#include "wide_table.h"

namespace ui {

namespace {

void StatusCombo(App& app, const std::string& matter, const std::string& party, const sam::Decision& d) {
    const char* current = sam::TrEnum(app.lang, "status", sam::ToString(d.status)).data();
    bool open = BeginEnumCombo(app, "##status", current);
    Mark(app, "status:" + party);
    if (open) {
        for (sam::DecisionStatus s : sam::AllValues<sam::DecisionStatus>()) {
            bool selected = s == d.status;
            if (EnumItem(sam::TrEnum(app.lang, "status", sam::ToString(s)).data(), selected) && !selected) {
                std::string base = "/matters/" + sam::PointerToken(matter) + "/decisions/" + sam::PointerToken(party);
                ApplyEdit(app, sam::json::array({sam::OpReplace(base + "/status", sam::ToString(s))}));
            }
            Mark(app, std::string("status-option:") + sam::ToString(s));
        }
        EndEnumCombo();
    }
}

// What one body on the path did: a combo of outcomes, named for a reader.
void OutcomeCombo(App& app, const std::string& name, sam::StepOutcome now, const std::function<void(sam::StepOutcome)>& choose) {
    bool open = BeginEnumCombo(app, "##outcome", sam::TrEnum(app.lang, "outcome", sam::ToString(now)).data(), name);
    if (!open) return;
    for (sam::StepOutcome o : sam::AllValues<sam::StepOutcome>())
        if (EnumItem(sam::TrEnum(app.lang, "outcome", sam::ToString(o)).data(), o == now) && o != now) choose(o);
    EndEnumCombo();
}

// A party's decision path, opened under its row: a line per step (body, meeting, outcome,
// note), a step added or removed, or the path started from the default. Each edit sets the
// steps and the status they give in one patch (one Undo step).
void PathRows(App& app, const std::string& mid, const std::string& pid, const sam::Decision& d, const sam::PlanRow* plan) {
    const std::string party = PartyName(app, pid);
    auto with = [&](auto change) {
        std::vector<sam::DecisionStep> steps = d.steps;
        change(steps);
        return sam::SetStepsPatch(mid, pid, d, steps);
    };
    for (size_t i = 0; i < d.steps.size(); ++i) {
        const sam::DecisionStep& s = d.steps[i];
        std::string n = std::to_string(i + 1);
        ImGui::PushID((int)i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Say("   " + n + ".");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditTextWith(app, "##step-body", s.body, [&](const std::string& v) { return with([&](auto& st) { st[i].body = v; }); }, true);
        A11yLast(Role::TextBox, sam::TrF(app.lang, "ui.step_body", {n, party}));
        Mark(app, "step-body:" + pid + ":" + n);
        ImGui::TableNextColumn();
        OutcomeCombo(app, sam::TrF(app.lang, "ui.step_outcome", {n, party}), s.outcome,
                     [&](sam::StepOutcome o) { ApplyEdit(app, with([&](auto& st) { st[i].outcome = o; })); });
        Mark(app, "step-outcome:" + pid + ":" + n);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditDateWith(app, "##step-date", s.date, [&](const std::string& v) { return with([&](auto& st) { st[i].date = v; }); });
        A11yLast(Role::TextBox, sam::TrF(app.lang, "ui.step_date", {n, party}));
        Mark(app, "step-date:" + pid + ":" + n);
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditTextWith(app, "##step-note", s.note, [&](const std::string& v) { return with([&](auto& st) { st[i].note = v; }); });
        A11yLast(Role::TextBox, sam::TrF(app.lang, "ui.step_note", {n, party}));
        ImGui::TableNextColumn();
        if (EditButton(app, "×", true)) ApplyEdit(app, with([&](auto& st) { st.erase(st.begin() + (long)i); }));
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.step_remove", {n, party}));
        ImGui::TableNextColumn();
        // The meeting this step must take to reach the deadline (backward planning).
        if (plan)
            for (auto& ps : plan->steps)
                if (ps.body == s.body && !ps.meeting.empty()) SayDisabled(ps.meeting);
        ImGui::PopID();
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::vector<std::string>& path = sam::PathOf(app.doc.ws, pid);
    if (d.steps.empty() && !path.empty()) {
        std::string from = sam::TrF(app.lang, "ui.path_start", {sam::PathMarker(path)});
        if (EditButton(app, from.c_str(), true)) ApplyEdit(app, sam::SetStepsPatch(mid, pid, d, sam::StepsFromPath(path)));
        Mark(app, "path-start:" + pid);
        ImGui::SameLine();
    }
    if (EditButton(app, T(app, "ui.step_add"), true)) {
        // The next body of the default path not yet on it, else a body to name.
        std::string body = T(app, "ui.new_step_body");
        for (auto& b : path) {
            bool used = false;
            for (auto& s : d.steps) used |= s.body == b;
            if (!used) { body = b; break; }
        }
        ApplyEdit(app, with([&](auto& st) { sam::DecisionStep s; s.body = body; st.push_back(s); }));
    }
    A11yLast(Role::Button, sam::TrF(app.lang, "ui.step_add_for", {party}));
    Mark(app, "step-add:" + pid);
}

// Financed within the party's ordinary budget: not said, yes or no (seed 000: "Kostnaden tas
// inom ordinarie budget").
void BudgetCombo(App& app, const std::string& base, const sam::Decision& d) {
    static constexpr const char* kKeys[] = {"ui.budget_unknown", "ui.budget_within", "ui.budget_outside"};
    int now = !d.within_budget ? 0 : *d.within_budget ? 1 : 2;
    if (!BeginEnumCombo(app, "##budget", T(app, kKeys[now]))) return;
    for (int i = 0; i < 3; ++i)
        if (EnumItem(T(app, kKeys[i]), i == now) && i != now)
            ApplyEdit(app, sam::json::array({i == 0 ? sam::OpRemove(base + "/within_budget") : sam::OpAdd(base + "/within_budget", i == 1)}));
    EndEnumCombo();
}

}  // namespace

// Status is shown by colour and by a symbol, never by colour alone.
StatusLook LookOf(sam::DecisionStatus s) {
    switch (s) {
        case sam::DecisionStatus::Adopted: return {"✓", ImVec4(0.16f, 0.55f, 0.27f, 1)};
        case sam::DecisionStatus::AdoptedWithConditions: return {"✓*", ImVec4(0.40f, 0.62f, 0.18f, 1)};
        case sam::DecisionStatus::Declined: return {"✗", ImVec4(0.75f, 0.20f, 0.18f, 1)};
        case sam::DecisionStatus::Paused: return {"‖", ImVec4(0.80f, 0.55f, 0.10f, 1)};
        case sam::DecisionStatus::NotConcerned: return {"–", ImVec4(0.55f, 0.55f, 0.55f, 1)};
        case sam::DecisionStatus::Pending: default: return {"…", ImVec4(0.35f, 0.45f, 0.70f, 1)};
    }
}

void StatusCell(App& app, sam::DecisionStatus s, const std::string& mark, bool say, const sam::Decision* d) {
    StatusLook l = LookOf(s);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 0.5f, p.y + h), ImGui::GetColorU32(l.color), 2.0f);
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    if (!mark.empty()) Mark(app, mark);   // the chip itself
    ImGui::SameLine();
    ImGui::TextUnformatted(l.symbol);
    std::string words(sam::TrEnum(app.lang, "status", sam::ToString(s)));
    // On a decision path: where the matter is, small ("SN 30/3 → KS"), and in words for a reader.
    if (d && !d->steps.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", sam::StepMarker(d->steps).c_str());
        words += ": " + sam::WhereText(d->steps, app.lang);
        if (!mark.empty()) Mark(app, mark + ":path");
    }
    if (say) A11yText(words, Role::Cell);   // in words, not a symbol
    HelpTooltip(words.c_str());
}

// A matter's state as a chip: its word and count on a colour, e.g. "Försenat 0/8".
void MatterChip(App& app, const sam::Matter& m) {
    sam::AdoptionSummary s = sam::Summarize(m, app.today);
    const char* key = "ui.chip_open";
    ImVec4 color(0.35f, 0.45f, 0.70f, 1);
    if (s.concerned > 0 && s.adopted == s.concerned) { key = "ui.chip_adopted"; color = ImVec4(0.16f, 0.55f, 0.27f, 1); }
    else if (!s.late_parties.empty() || s.overdue_milestones > 0) { key = "ui.chip_late"; color = ImVec4(0.75f, 0.20f, 0.18f, 1); }
    else if (s.declined > 0) { key = "ui.chip_declined"; color = ImVec4(0.80f, 0.55f, 0.10f, 1); }
    std::string text = std::string(T(app, key)) + " " + std::to_string(s.adopted) + "/" + std::to_string(s.concerned);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    float pad = ImGui::GetFontSize() * 0.3f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x + pad * 2, p.y + size.y), ImGui::GetColorU32(color), size.y * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad, p.y), IM_COL32(255, 255, 255, 255), text.c_str());
    ImGui::Dummy(ImVec2(size.x + pad * 2, size.y));
    A11yText(text, Role::Cell);
    HelpTooltip(sam::TrF(app.lang, "ui.adopted_of", {std::to_string(s.adopted), std::to_string(s.concerned)}).c_str());
}

// Which bodies take up the matter in the coming 30 days, across the parties: meetings set on
// their steps and those the backward planning needs.
void ComingMeetings(App& app, const std::string& mid) {
    std::vector<sam::Upcoming> soon = sam::UpcomingMeetings(app.doc.ws, mid, app.today, 30);
    Say(T(app, "ui.coming_meetings"));
    Mark(app, "coming-meetings");
    if (soon.empty()) { SayDisabled(T(app, "ui.no_coming_meetings")); return; }
    if (!BeginWideTable("##coming", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * 30)) return;
    ImGui::TableSetupColumn(T(app, "ui.date"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(app, "ui.body"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    HeadersRow();
    for (const sam::Upcoming& u : soon) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        Say(u.date);
        ImGui::TableNextColumn();
        Say(PartyName(app, u.party));
        ImGui::TableNextColumn();
        // A meeting the plan needs is said to be one (not yet set on the step).
        Say(u.planned ? sam::TrF(app.lang, "ui.meeting_needed", {u.body}) : u.body);
    }
    EndWideTable();
}

// The path every party's matters take unless a party has its own (Parter: a party's panel).
void DefaultPath(App& app) {
    if (!ImGui::TreeNode(T(app, "ui.default_path"))) return;
    HelpTooltip(T(app, "ui.decision_path_help"));
    std::vector<std::string> next;
    if (EditList(app, "##default-path", app.doc.ws.decision_path, next, false, T(app, "ui.body"), T(app, "ui.add_body")))
        ApplyEdit(app, sam::json::array({next.empty() ? sam::OpRemove("/decision_path") : sam::OpAdd("/decision_path", next)}));
    Mark(app, "default-path");
    ImGui::TreePop();
}

// One party's row of the selected matter: status, date, body, conditions, budget and the
// latest day to send the proposal out; its decision path under it when opened.
void DecisionRow(App& app, const sam::Matter& m, const std::string& pid, const std::vector<sam::PlanRow>& plan) {
    const sam::Decision& d = m.decisions.at(pid);
    std::string base = "/matters/" + sam::PointerToken(app.selected_matter) + "/decisions/" + sam::PointerToken(pid);
    ImGui::PushID(pid.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    StatusCell(app, d.status, "", false);   // the combo says it
    ImGui::SameLine();
    bool path_open = app.open_path == pid;
    // An arrow opens the party's decision path under the row (its marker says where it is).
    if (ImGui::ArrowButton("##path", path_open ? ImGuiDir_Down : ImGuiDir_Right)) app.open_path = path_open ? "" : pid;
    A11yLast(Role::Button, sam::TrF(app.lang, path_open ? "ui.path_close" : "ui.path_open", {PartyName(app, pid)}));
    Mark(app, "path-toggle:" + pid);
    ImGui::SameLine();
    Say(PartyName(app, pid));
    if (!d.steps.empty()) {
        ImGui::SameLine();
        SayDisabled(sam::StepMarker(d.steps));
    }
    ImGui::TableNextColumn();
    StatusCombo(app, app.selected_matter, pid, d);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    EditDate(app, "##date", base + "/date", d.date);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    EditText(app, "##body", base + "/body", d.body);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    EditText(app, "##conditions", base + "/conditions", d.conditions);
    ImGui::TableNextColumn();
    BudgetCombo(app, base, d);
    // Backward planning from the party's committee meetings.
    ImGui::TableNextColumn();
    if (m.deadline.empty() && d.status == sam::DecisionStatus::Pending) SayDisabled(T(app, "ui.no_deadline"));
    for (const sam::PlanRow& r : plan) {
        if (r.party != pid) continue;
        if (r.too_late) {
            std::string late = sam::TrF(app.lang, "ui.plan_too_late", {r.next_meeting.empty() ? "–" : r.next_meeting});
            ImGui::TextColored(ImVec4(0.77f, 0.16f, 0.12f, 1), "! %s", late.c_str());
            A11yText(late);
        } else if (!r.send_by.empty()) {
            Say((r.send_by_passed ? "! " : "") + r.send_by);
            HelpTooltip(sam::TrF(app.lang, "ui.how_send_by", {r.meeting, std::to_string(r.lead_days)}).c_str());
        } else if (r.deadline_passed) {
            Say(T(app, "ui.plan_deadline_passed"));
        } else {
            SayDisabled(T(app, "ui.plan_no_dates"));
        }
    }
    if (app.open_path == pid) {
        const sam::PlanRow* mine = nullptr;
        for (const sam::PlanRow& r : plan) if (r.party == pid) mine = &r;
        PathRows(app, app.selected_matter, pid, d, mine);
    }
    ImGui::PopID();
}

void DrawDecisions(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (ws.matters.empty()) { SayDisabled(T(app, "ui.no_matters")); return; }
    if (app.selected_matter.empty() || !ws.matters.count(app.selected_matter)) app.selected_matter = ws.matters.begin()->first;

    // Matrix: matters down, parties across, a page of parties at a time (a table holds 64 columns).
    const std::vector<std::string>& all_parties = app.derived.deciding_parties;
    const int kPage = 40;
    int pages = std::max(1, ((int)all_parties.size() + kPage - 1) / kPage);
    app.party_page = std::clamp(app.party_page, 0, pages - 1);
    if (pages > 1) {
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) app.party_page = std::max(0, app.party_page - 1);
        ImGui::SameLine();
        int first = app.party_page * kPage;
        int last = std::min((int)all_parties.size(), first + kPage);
        Say(sam::TrF(app.lang, "ui.party_page", {std::to_string(first + 1), std::to_string(last), std::to_string(all_parties.size())}));
        ImGui::SameLine();
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) app.party_page = std::min(pages - 1, app.party_page + 1);
    }
    std::vector<std::string> parties(all_parties.begin() + std::min((size_t)app.party_page * kPage, all_parties.size()),
                                     all_parties.begin() + std::min((size_t)(app.party_page + 1) * kPage, all_parties.size()));
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingFixedFit;
    const ImGuiStyle& st = ImGui::GetStyle();
    float row_h = ImGui::GetTextLineHeight() + st.CellPadding.y * 2;
    float rows_h = std::min(row_h * (float)(ws.matters.size() + 1) + st.ScrollbarSize + 4, ImGui::GetContentRegionAvail().y * 0.45f);
    if (ImGui::BeginTable("##matrix", (int)parties.size() + 2, flags, ImVec2(0, rows_h))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(T(app, "ui.matter"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 16);
        ImGui::TableSetupColumn(T(app, "ui.status"));
        for (auto& p : parties) ImGui::TableSetupColumn(PartyName(app, p));
        HeadersRow();
        ImGuiListClipper clip;   // only the rows on screen: thousands of matters stay fast
        clip.Begin((int)app.derived.matter_ids.size());
        while (clip.Step())
            for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
                const std::string& mid = app.derived.matter_ids[row];
                const sam::Matter& m = ws.matters.at(mid);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(row);
                if (ImGui::Selectable(m.title.c_str(), app.selected_matter == mid)) app.selected_matter = mid;
                ImGui::PopID();
                Mark(app, "matter:" + mid);
                ImGui::TableNextColumn();
                MatterChip(app, m);
                for (auto& p : parties) {
                    ImGui::TableNextColumn();
                    auto it = m.decisions.find(p);
                    if (it == m.decisions.end()) { ImGui::TextDisabled(" "); continue; }
                    StatusCell(app, it->second.status, app.test_mode ? "cell:" + mid + ":" + p : std::string(), true, &it->second);
                }
            }
        ImGui::EndTable();
    }

    // The selected matter: summary, then one row per party to edit.
    const sam::Matter& m = ws.matters.at(app.selected_matter);
    ImGui::Spacing();
    ImGui::TextUnformatted(m.title.c_str());
    A11yText(m.title, Role::Heading);
    sam::AdoptionSummary s = sam::Summarize(m, app.today);
    SayDisabled(sam::TrF(app.lang, "ui.adopted_of", {std::to_string(s.adopted), std::to_string(s.concerned)}));
    if (!m.deadline.empty()) { ImGui::SameLine(); ImGui::TextDisabled("· %s %s", T(app, "ui.deadline"), m.deadline.c_str()); }
    // A project's period and the focus areas the matter follows, in words.
    std::string about;
    if (!m.start.empty() || !m.end.empty()) about = std::string(sam::Tr(app.lang, "report.period")) + " " + m.start + "–" + m.end;
    if (!m.focus.empty()) {
        std::string names;
        for (auto& f : m.focus) {
            auto it = ws.focus_areas.find(f);
            names += (names.empty() ? "" : ", ") + (it == ws.focus_areas.end() ? f : it->second.name);
        }
        about += (about.empty() ? "" : " · ") + std::string(T(app, "ui.focus_areas")) + ": " + names;
    }
    if (!about.empty()) {
        ImGui::PushTextWrapPos(0);
        SayDisabled(about);
        ImGui::PopTextWrapPos();
        A11yText(about);
    }
    bool any_steps = false;
    for (auto& [pid, d] : m.decisions) any_steps |= !d.steps.empty();
    if (any_steps) {
        ImGui::Checkbox(T(app, "ui.timeline_steps"), &app.timeline_steps);   // a view choice, not an edit
        Mark(app, "timeline-steps");
    }
    DrawTimeline(app, m, ImGui::GetFontSize() * 7.8f);
    ComingMeetings(app, app.selected_matter);
    std::vector<sam::PlanRow> plan = sam::PlanMatter(ws, m, app.today);
    if (BeginWideTable("##decisions", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * 52)) {
        ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch, 1.7f);
        ImGui::TableSetupColumn(T(app, "ui.status"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(T(app, "ui.date"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(T(app, "ui.deciding_body"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.conditions"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn(T(app, "ui.within_budget"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(T(app, "ui.send_by"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        HeadersRow();
        std::vector<std::string> ids;
        for (auto& [pid, d] : m.decisions) ids.push_back(pid);
        sam::SortPartiesSwedish(ws, ids);
        // Rows of one height are clipped to those on screen; an open path makes one row taller,
        // which the clipper cannot know, so then every row is laid out.
        bool uneven = !app.open_path.empty() && m.decisions.count(app.open_path);
        if (uneven) {
            for (auto& pid : ids) DecisionRow(app, m, pid, plan);
        } else {
            ImGuiListClipper clip;
            clip.Begin((int)ids.size());
            while (clip.Step())
                for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) DecisionRow(app, m, ids[row], plan);
        }
        EndWideTable();
    }

    DefaultPath(app);

    // Milestones: done or not, one click.
    if (!m.milestones.empty() && ImGui::TreeNodeEx(T(app, "ui.milestones"), ImGuiTreeNodeFlags_DefaultOpen)) {
        std::string base = "/matters/" + sam::PointerToken(app.selected_matter) + "/milestones/";
        for (auto& [sid, ms] : m.milestones) {
            bool done = ms.done;
            ImGui::PushID(sid.c_str());
            if (EditCheckbox(app, "##done", &done)) ApplyEdit(app, sam::json::array({sam::OpAdd(base + sam::PointerToken(sid) + "/done", done)}));
            A11yLast(Role::Checkbox, sam::TrF(app.lang, "ui.milestone_done", {ms.date, ms.what}));
            ImGui::SameLine();
            bool overdue = !ms.done && !app.today.empty() && ms.date < app.today;
            std::string text = ms.date + "  " + ms.what + (overdue ? "  (" + std::string(T(app, "report.overdue")) + ")" : "");
            if (overdue) ImGui::TextColored(ImVec4(0.77f, 0.16f, 0.12f, 1), "%s", text.c_str());
            else ImGui::TextUnformatted(text.c_str());
            A11yText(text);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
}

}  // namespace ui
