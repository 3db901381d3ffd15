// What the parties have decided on a matter, and which milestones are overdue.
#pragma once
#include <map>
#include <set>
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
// Summarize's `concerned` and `adopted` alone, with no lists of parties: for every matter at
// once (a national workspace has 600 000 decisions).
struct AdoptionCount { int adopted = 0, concerned = 0; };
AdoptionCount CountAdoption(const Matter& m);
// Every matter's count and the parties that have a decision in some matter (by id), in one
// walk over the decisions: a national workspace's do not stay in a cache for a second walk.
struct DecisionTally {
    std::map<std::string, AdoptionCount> by_matter;
    std::vector<std::string> deciding;
};
DecisionTally TallyDecisions(const Workspace& ws);
// The same tally a matter at a time, for the reader to count each matter's decisions while
// they are still in the cache it just wrote them through (json_stream.cpp).
class DecisionCounter {
public:
    // False when a matter with that id was counted before: the tally no longer says what the
    // workspace holds.
    bool Add(const std::string& id, const Matter& m);
    DecisionTally Take();

private:
    DecisionTally tally_;
    std::set<std::string> deciding_;
};

struct OverdueMilestone {
    std::string matter, milestone;   // ids
    std::string date, what;
    int days_overdue = 0;
};
// Milestones not done whose date is before as_of, oldest first.
std::vector<OverdueMilestone> OverdueMilestones(const Workspace& ws, const std::string& as_of);

bool IsAdopted(DecisionStatus s);

}  // namespace sam
