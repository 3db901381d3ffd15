#include "timeline.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <algorithm>
#include "a11y.h"
#include "decision_path.h"
#include "format.h"
#include "views.h"

namespace ui {

namespace {

struct TimePoint {
    int64_t day;
    std::string date, label;
    bool done = false, overdue = false, deadline = false;
    bool milestone = false;   // its state is said in words (the proposal and deadline are dates only)
};

// The timeline in words for a screen reader, in date order: each mark with its state
// ("klart", "försenad"), and today where it falls among them.
void Describe(App& app, const std::vector<TimePoint>& marks, const std::vector<ImRect>& places, int64_t today, const std::string& today_label) {
    bool said_today = false;
    ImRect all = places.front();
    for (auto& p : places) all.Add(p);
    for (size_t i = 0; i < marks.size(); ++i) {
        const TimePoint& k = marks[i];
        if (!said_today && today < k.day) {
            A11yTextAt(today_label, all.Min, ImVec2(all.Min.x + 1, all.Max.y));
            said_today = true;
        }
        std::string text = k.date + " " + k.label;
        if (k.overdue) text += " (" + std::string(T(app, "report.overdue")) + ")";
        else if (k.done && k.milestone) text += " (" + std::string(T(app, "report.done")) + ")";
        A11yTextAt(text, places[i].Min, places[i].Max);
    }
    if (!said_today) A11yTextAt(today_label, ImVec2(all.Max.x - 1, all.Min.y), all.Max);
}

}  // namespace

void DrawTimeline(App& app, const sam::Matter& m, float height) {
    std::vector<TimePoint> marks;
    if (sam::IsValidDate(m.date)) marks.push_back({sam::DateToDays(m.date), m.date, T(app, "ui.proposed"), true, false, false});
    for (auto& [id, ms] : m.milestones) {
        if (!sam::IsValidDate(ms.date)) continue;
        bool overdue = !ms.done && !app.today.empty() && ms.date < app.today;
        marks.push_back({sam::DateToDays(ms.date), ms.date, ms.what, ms.done, overdue, false, true});
    }
    if (sam::IsValidDate(m.deadline)) marks.push_back({sam::DateToDays(m.deadline), m.deadline, T(app, "ui.deadline"), false, false, true});
    // The parties' steps with a meeting, when asked for ("Luleå: SN"): held, or late when not.
    if (app.timeline_steps)
        for (auto& [pid, d] : m.decisions)
            for (auto& s : d.steps) {
                if (!sam::IsValidDate(s.date)) continue;
                bool done = s.outcome != sam::StepOutcome::Pending;
                bool overdue = !done && !app.today.empty() && s.date < app.today;
                marks.push_back({sam::DateToDays(s.date), s.date, std::string(PartyName(app, pid)) + ": " + sam::BodyAbbreviation(s.body),
                                 done, overdue, false, true});
            }
    if (marks.empty()) {
        ImGui::TextDisabled("%s", T(app, "ui.no_milestones"));
        A11yText(T(app, "ui.no_milestones"));
        return;
    }
    std::sort(marks.begin(), marks.end(), [](const TimePoint& a, const TimePoint& b) { return a.day < b.day; });

    int64_t today = sam::IsValidDate(app.today) ? sam::DateToDays(app.today) : marks.front().day;
    // Today joins the axis only when it is near the matter's dates; otherwise an arrow at the edge says where it is.
    int64_t near = std::max<int64_t>(90, (marks.back().day - marks.front().day) / 3);
    bool today_on_axis = today >= marks.front().day - near && today <= marks.back().day + near;
    int64_t lo = marks.front().day, hi = marks.back().day;
    if (today_on_axis) { lo = std::min(lo, today); hi = std::max(hi, today); }
    int64_t span = std::max<int64_t>(hi - lo, 30);
    lo -= span / 20;
    hi = lo + span + span / 10;

    const float font = ImGui::GetFontSize();
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    Mark(app, "timeline");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 red = IM_COL32(196, 40, 30, 255), green = IM_COL32(30, 130, 70, 255), blue = IM_COL32(40, 90, 160, 255);
    float axis_y = o.y + height - font * 1.6f;
    auto x_of = [&](int64_t day) { return o.x + font + (float)(day - lo) / (float)(hi - lo) * (width - font * 2); };
    dl->AddLine(ImVec2(o.x, axis_y), ImVec2(o.x + width, axis_y), axis, 2);
    // Year (or month) ticks.
    int y0 = std::atoi(sam::DaysToDate(lo).substr(0, 4).c_str()), y1 = std::atoi(sam::DaysToDate(hi).substr(0, 4).c_str());
    bool months = y1 - y0 < 2;
    for (int y = y0; y <= y1; ++y)
        for (int mo = 1; mo <= (months ? 12 : 1); ++mo) {
            int64_t d = sam::DaysFromCivil(y, mo, 1);
            if (d < lo || d > hi) continue;
            float x = x_of(d);
            dl->AddLine(ImVec2(x, axis_y - 4), ImVec2(x, axis_y + 4), axis, 1);
            char label[16];
            if (months) std::snprintf(label, sizeof label, "%d-%02d", y, mo);
            else std::snprintf(label, sizeof label, "%d", y);
            dl->AddText(nullptr, font * 0.8f, ImVec2(x + 2, axis_y + 4), faint, label);
        }
    // Today's line (or an arrow at the edge when today is far off).
    std::string today_label = std::string(T(app, "ui.today")) + " " + app.today;
    const ImU32 orange = IM_COL32(200, 100, 10, 255);
    if (today_on_axis) {
        float tx = x_of(today);
        dl->AddLine(ImVec2(tx, o.y), ImVec2(tx, axis_y + 6), IM_COL32(230, 120, 20, 255), 2.5f);
        float lw = ImGui::CalcTextSize(today_label.c_str()).x;
        dl->AddText(ImVec2(tx + 4 + lw > o.x + width ? tx - 4 - lw : tx + 4, o.y), orange, today_label.c_str());
    } else {
        std::string arrow = today > hi ? today_label + " →" : "← " + today_label;
        float lw = ImGui::CalcTextSize(arrow.c_str()).x;
        dl->AddText(ImVec2(today > hi ? o.x + width - lw : o.x, o.y), orange, arrow.c_str());
    }
    // Markers, their labels stacked in as many rows as fit. Overdue milestones and the
    // deadline get their rows first; a label that finds no free row is left to its tooltip.
    int rows = std::max(1, (int)((axis_y - o.y - font * 2.4f) / (font * 1.25f)));
    std::vector<std::vector<std::pair<float, float>>> taken((size_t)rows);
    std::vector<const TimePoint*> order;
    for (const TimePoint& k : marks) order.push_back(&k);
    std::stable_sort(order.begin(), order.end(), [](const TimePoint* a, const TimePoint* b) {
        return (a->overdue || a->deadline) > (b->overdue || b->deadline);
    });
    ImVec2 mouse = ImGui::GetIO().MousePos;
    std::vector<ImRect> places(marks.size());   // each mark's marker and label, for the mirror
    for (const TimePoint* kp : order) {
        const TimePoint& k = *kp;
        float x = x_of(k.day);
        std::string full = k.date + " " + k.label + (k.overdue ? " · " + std::string(T(app, "report.overdue")) : "");
        ImRect& place = places[(size_t)(kp - marks.data())];
        // Long milestone texts are cut (the tooltip and the list below have them whole); the
        // date and "försenad" always show.
        std::string what = k.label;
        float max_w = std::max(font * 8, width * 0.28f);
        auto compose = [&] { return k.date + " " + what + (k.overdue ? " · " + std::string(T(app, "report.overdue")) : ""); };
        std::string label = compose();
        while (ImGui::CalcTextSize(label.c_str()).x > max_w && what.size() > 1) {
            do what.pop_back(); while (!what.empty() && ((unsigned char)what.back() & 0xC0) == 0x80);
            if (!what.empty()) what.pop_back();
            std::string shorter = what + "…";
            std::swap(what, shorter);
            label = compose();
            std::swap(what, shorter);
        }
        float w = ImGui::CalcTextSize(label.c_str()).x;
        // Near the right edge the label goes to the left of its marker.
        float lx = x + 3 + w <= o.x + width ? x + 3 : x - 3 - w;
        auto free = [&](int r) {
            for (auto& [a, b] : taken[r])
                if (lx < b + 6 && lx + w > a - 6) return false;
            return true;
        };
        int row = 0;
        while (row < rows && !free(row)) ++row;
        bool labelled = row < rows;   // no free row: the marker only (its tooltip has the text)
        if (labelled) taken[row].push_back({lx, lx + w});
        else row = 0;
        float ly = axis_y - font * (1.6f + 1.25f * (float)row);
        ImU32 c = k.overdue ? red : k.deadline ? blue : k.done ? green : text;
        if (labelled) dl->AddLine(ImVec2(x, ly + font), ImVec2(x, axis_y), axis, 1);
        if (k.overdue) {   // a warning triangle as well as the colour and the word
            dl->AddTriangleFilled(ImVec2(x, axis_y - 7), ImVec2(x - 7, axis_y + 6), ImVec2(x + 7, axis_y + 6), red);
        } else if (k.done) {
            dl->AddCircleFilled(ImVec2(x, axis_y), 6, c);
        } else {
            dl->AddCircle(ImVec2(x, axis_y), 6, c, 0, 2.5f);
        }
        place = ImRect(x - 7, axis_y - 7, x + 7, axis_y + 7);
        if (labelled) place.Add(ImRect(lx, ly, lx + w, ly + font));
        ImVec4 clip(o.x, o.y, o.x + width, o.y + height);
        if (labelled) dl->AddText(nullptr, 0, ImVec2(lx, ly), c, label.c_str(), nullptr, 0, &clip);
        if (ImGui::IsItemHovered() && std::abs(mouse.x - x) < 8 && mouse.y > (labelled ? ly : axis_y - 8) && mouse.y < axis_y + 8) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(full.c_str());
            ImGui::EndTooltip();
        }
    }
    if (A11yOn()) Describe(app, marks, places, today, today_label);
}

}  // namespace ui
