// What the parties have decided on a matter, and which milestones are overdue.
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

struct AdoptionSummary {
    int concerned = 0;          // decisions other than not_concerned
    int adopted = 0;            // adopted, with or without conditions
    int with_conditions = 0;
    int declined = 0;
    int paused = 0;
    int pending = 0;
    std::vector<std::string> declined_parties;   // ids
    std::vector<std::string> late_parties;       // pending although the deadline has passed
    int overdue_milestones = 0;                  // not done although their date has passed
    double AdoptionRate() const { return concerned ? (double)adopted / concerned : 0.0; }
};

// as_of: YYYY-MM-DD; a pending decision is late when the matter's deadline is before it.
AdoptionSummary Summarize(const Matter& m, const std::string& as_of);

struct OverdueMilestone {
    std::string matter, milestone;   // ids
    std::string date, what;
    int days_overdue = 0;
};
// Milestones not done whose date is before as_of, oldest first.
std::vector<OverdueMilestone> OverdueMilestones(const Workspace& ws, const std::string& as_of);

bool IsAdopted(DecisionStatus s);

}  // namespace sam
