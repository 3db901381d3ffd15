// Backward planning: from each party's committee meeting dates to the latest day a
// proposal must be sent out, and the parties whose committee meets too late.
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

struct PlanRow {
    std::string party;          // party id
    std::string meeting;        // the last committee meeting on or before the deadline ("" when none)
    std::string send_by;        // the latest day to send the proposal out for that meeting
    std::string next_meeting;   // the first meeting on or after as_of ("" when none entered)
    int lead_days = kDefaultLeadDays;
    bool no_dates = false;      // the party has no committee meetings entered
    bool too_late = false;      // no meeting between as_of and the deadline: the party cannot decide in time
    bool send_by_passed = false;// send_by is before as_of
};

// One row per party whose decision on the matter is still pending, in Swedish order.
// Without a deadline, or once it has passed, there is nothing to plan: empty.
std::vector<PlanRow> PlanMatter(const Workspace& ws, const Matter& m, const std::string& as_of);

}  // namespace sam
