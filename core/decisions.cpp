#include "decisions.h"

#include <algorithm>
#include <iterator>
#include <set>
#include "format.h"

namespace sam {

bool IsAdopted(DecisionStatus s) { return s == DecisionStatus::Adopted || s == DecisionStatus::AdoptedWithConditions; }

AdoptionSummary Summarize(const Matter& m, const std::string& as_of) {
    AdoptionSummary s;
    bool past_deadline = !m.deadline.empty() && m.deadline < as_of;   // ISO dates compare as text
    for (auto& [party, d] : m.decisions) {
        if (d.status == DecisionStatus::NotConcerned) continue;
        ++s.concerned;
        switch (d.status) {
            case DecisionStatus::Adopted: ++s.adopted; break;
            case DecisionStatus::AdoptedWithConditions: ++s.adopted; ++s.with_conditions; break;
            case DecisionStatus::Declined: ++s.declined; s.declined_parties.push_back(party); break;
            case DecisionStatus::Paused: ++s.paused; break;
            case DecisionStatus::Pending:
                ++s.pending;
                if (past_deadline) s.late_parties.push_back(party);
                break;
            case DecisionStatus::NotConcerned: break;
        }
    }
    if (IsValidDate(as_of))
        for (auto& [sid, ms] : m.milestones) s.overdue_milestones += !ms.done && IsValidDate(ms.date) && ms.date < as_of;
    return s;
}

static void Count(AdoptionCount& c, const Decision& d) {
    c.concerned += d.status != DecisionStatus::NotConcerned;
    c.adopted += d.status == DecisionStatus::Adopted || d.status == DecisionStatus::AdoptedWithConditions;
}

AdoptionCount CountAdoption(const Matter& m) {
    AdoptionCount c;
    for (auto& [party, d] : m.decisions) Count(c, d);
    return c;
}

bool DecisionCounter::Add(const std::string& id, const Matter& m) {
    AdoptionCount c;
    // Each matter's decisions come in order: with the hint, a party seen before costs two
    // comparisons and no allocation.
    auto hint = deciding_.begin();
    for (auto& [pid, d] : m.decisions) {
        Count(c, d);
        hint = std::next(deciding_.insert(hint, pid));
    }
    auto& by = tally_.by_matter;
    if (!by.empty() && std::prev(by.end())->first < id) { by.emplace_hint(by.end(), id, c); return true; }
    return by.emplace(id, c).second;
}

DecisionTally DecisionCounter::Take() {
    tally_.deciding.assign(deciding_.begin(), deciding_.end());
    deciding_.clear();
    return std::move(tally_);
}

DecisionTally TallyDecisions(const Workspace& ws) {
    DecisionCounter counter;
    for (auto& [id, m] : ws.matters) counter.Add(id, m);
    return counter.Take();
}

std::vector<OverdueMilestone> OverdueMilestones(const Workspace& ws, const std::string& as_of) {
    std::vector<OverdueMilestone> out;
    bool as_of_ok = IsValidDate(as_of);
    for (auto& [mid, m] : ws.matters)
        for (auto& [sid, s] : m.milestones) {
            if (s.done || s.date.empty() || !(s.date < as_of)) continue;
            int days = as_of_ok && IsValidDate(s.date) ? (int)(DateToDays(as_of) - DateToDays(s.date)) : 0;
            out.push_back({mid, sid, s.date, s.what, days});
        }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.date != b.date ? a.date < b.date : a.matter < b.matter; });
    return out;
}

}  // namespace sam
