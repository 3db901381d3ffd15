#include "planning.h"

#include <algorithm>
#include "format.h"
#include "costs.h"

namespace sam {

std::vector<PlanRow> PlanMatter(const Workspace& ws, const Matter& m, const std::string& as_of) {
    std::vector<PlanRow> rows;
    if (!IsValidDate(m.deadline)) return rows;
    if (!as_of.empty() && as_of > m.deadline) return rows;   // past the deadline: late, not something to plan
    std::vector<std::string> ids;
    for (auto& [pid, d] : m.decisions)
        if (d.status == DecisionStatus::Pending && ws.parties.count(pid)) ids.push_back(pid);
    SortPartiesSwedish(ws, ids);
    for (auto& pid : ids) {
        const Party& p = ws.parties.at(pid);
        PlanRow r;
        r.party = pid;
        r.lead_days = p.lead_days > 0 ? p.lead_days : kDefaultLeadDays;
        std::vector<std::string> dates;
        for (auto& d : p.committee_meetings) if (IsValidDate(d)) dates.push_back(d);
        std::sort(dates.begin(), dates.end());
        r.no_dates = dates.empty();
        for (auto& d : dates) {
            if (d <= m.deadline && (as_of.empty() || d >= as_of)) r.meeting = d;   // the last one that counts
            if (r.next_meeting.empty() && (as_of.empty() || d >= as_of)) r.next_meeting = d;
        }
        if (!r.meeting.empty()) {
            r.send_by = DaysToDate(DateToDays(r.meeting) - r.lead_days);
            r.send_by_passed = !as_of.empty() && r.send_by < as_of;
        }
        r.too_late = !r.no_dates && r.meeting.empty();
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace sam
