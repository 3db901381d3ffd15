#include "planning.h"

#include <algorithm>
#include "costs.h"
#include "decision_path.h"
#include "format.h"

namespace sam {

namespace {

std::vector<std::string> Sorted(const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (auto& d : in) if (IsValidDate(d)) out.push_back(d);
    std::sort(out.begin(), out.end());
    return out;
}

// The steps still ahead for a party, each with the dates its body meets: its decision's
// pending steps, else its path, else its one deciding committee.
std::vector<std::pair<PlanStep, std::vector<std::string>>> Ahead(const Workspace& ws, const Party& p, const std::string& pid, const Decision& d) {
    std::vector<std::pair<std::string, std::string>> bodies;   // body, planned date
    if (!d.steps.empty()) {
        PathPlace place = PlaceOf(d.steps);
        for (size_t i = (size_t)(place.done + 1); i < d.steps.size(); ++i) bodies.push_back({d.steps[i].body, d.steps[i].date});
    } else {
        for (auto& b : PathOf(ws, pid)) bodies.push_back({b, ""});
    }
    std::vector<std::pair<PlanStep, std::vector<std::string>>> out;
    if (bodies.empty()) {
        PlanStep s;
        out.push_back({s, Sorted(p.committee_meetings)});
    }
    for (auto& [body, planned] : bodies) {
        PlanStep s;
        s.body = body;
        std::vector<std::string> dates;
        if (IsValidDate(planned)) dates = {planned};   // a meeting already set for this step
        else if (auto it = p.body_meetings.find(body); it != p.body_meetings.end()) dates = Sorted(it->second);
        else if (bodies.size() == 1) dates = Sorted(p.committee_meetings);
        out.push_back({s, dates});
    }
    for (auto& [s, dates] : out) s.no_dates = dates.empty();
    return out;
}

}  // namespace

std::vector<Upcoming> UpcomingMeetings(const Workspace& ws, const std::string& matter, const std::string& as_of, int days) {
    std::vector<Upcoming> out;
    if (!IsValidDate(as_of)) return out;
    std::string until = DaysToDate(DateToDays(as_of) + days);
    auto soon = [&](const std::string& d) { return IsValidDate(d) && d >= as_of && d <= until; };
    for (auto& [mid, m] : ws.matters) {
        if (!matter.empty() && mid != matter) continue;
        for (auto& [pid, d] : m.decisions)
            for (auto& s : d.steps)
                if (s.outcome == StepOutcome::Pending && soon(s.date)) out.push_back({s.date, pid, s.body, mid, false});
        for (const PlanRow& r : PlanMatter(ws, m, as_of))
            for (const PlanStep& s : r.steps) {
                if (!soon(s.meeting)) continue;
                bool known = false;
                for (auto& u : out) known |= u.matter == mid && u.party == r.party && u.body == s.body && u.date == s.meeting;
                if (!known) out.push_back({s.meeting, r.party, s.body, mid, true});
            }
    }
    std::vector<std::string> order;
    for (auto& [pid, p] : ws.parties) order.push_back(pid);
    SortPartiesSwedish(ws, order);
    auto rank = [&](const std::string& pid) { return std::find(order.begin(), order.end(), pid) - order.begin(); };
    std::stable_sort(out.begin(), out.end(), [&](const Upcoming& a, const Upcoming& b) {
        return a.date != b.date ? a.date < b.date : rank(a.party) < rank(b.party);
    });
    return out;
}

std::string PlanMeetings(const PlanRow& r) {
    if (r.steps.size() <= 1) return r.meeting.empty() ? "–" : r.meeting;
    std::string out;
    for (auto& s : r.steps) out += (out.empty() ? "" : " → ") + BodyAbbreviation(s.body) + " " + (s.meeting.empty() ? "–" : s.meeting);
    return out;
}

std::vector<PlanRow> PlanMatter(const Workspace& ws, const Matter& m, const std::string& as_of) {
    std::vector<PlanRow> rows;
    if (!IsValidDate(m.deadline)) return rows;
    bool passed = !as_of.empty() && as_of > m.deadline;
    std::vector<std::string> ids;
    for (auto& [pid, d] : m.decisions)
        if (d.status == DecisionStatus::Pending && ws.parties.count(pid)) ids.push_back(pid);
    SortPartiesSwedish(ws, ids);
    for (auto& pid : ids) {
        const Party& p = ws.parties.at(pid);
        PlanRow r;
        r.party = pid;
        r.lead_days = p.lead_days > 0 ? p.lead_days : kDefaultLeadDays;
        r.deadline_passed = passed;
        auto ahead = Ahead(ws, p, pid, m.decisions.at(pid));
        for (auto& [s, dates] : ahead) r.no_dates |= s.no_dates;
        for (auto& d : ahead.front().second)
            if (r.next_meeting.empty() && (as_of.empty() || d >= as_of)) r.next_meeting = d;
        // Backward from the deadline: each step's last meeting that leaves the next step its
        // lead time (the last step's: on or before the deadline), none before as_of.
        std::string limit = m.deadline;
        bool chain = !passed && !r.no_dates;
        for (size_t k = ahead.size(); chain && k-- > 0;) {
            std::string found;
            for (auto& d : ahead[k].second)
                if (d <= limit && (as_of.empty() || d >= as_of)) found = d;
            ahead[k].first.meeting = found;
            if (found.empty()) chain = false;
            else limit = DaysToDate(DateToDays(found) - r.lead_days);
        }
        for (auto& [s, dates] : ahead) {
            if (!chain) s.meeting.clear();   // meetings of a chain that does not reach are no plan
            r.steps.push_back(s);
        }
        if (chain) {
            r.meeting = ahead.front().first.meeting;
            r.send_by = DaysToDate(DateToDays(r.meeting) - r.lead_days);
            r.send_by_passed = !as_of.empty() && r.send_by < as_of;
        }
        r.too_late = !passed && !r.no_dates && !chain;
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace sam
