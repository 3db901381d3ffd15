// Backward planning: from a matter's deadline back through each pending party's decision
// path (or its one deciding committee) to the latest day to send the proposal out.
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

// One step still ahead on a party's path, and the meeting it must take to reach the deadline.
struct PlanStep {
    std::string body;
    std::string meeting;        // "" when its calendar has none that reaches (or none is entered)
    bool no_dates = false;      // no meeting dates entered for this body
};

struct PlanRow {
    std::string party;          // party id
    std::string meeting;        // the first step's meeting that still reaches the deadline ("" when none)
    std::string send_by;        // the latest day to send the proposal out for that meeting
    std::string next_meeting;   // the first step's first meeting on or after as_of ("" when none entered)
    int lead_days = kDefaultLeadDays;
    bool no_dates = false;      // some step has no meeting dates entered
    bool too_late = false;      // no chain of meetings between as_of and the deadline: the party cannot decide in time
    bool send_by_passed = false;// send_by is before as_of
    bool deadline_passed = false;   // the deadline is behind as_of and the party has not decided
    std::vector<PlanStep> steps;    // the steps still ahead (one: the deciding committee)
};

// One row per party whose decision on the matter is still pending, in Swedish order.
// Without a deadline there is nothing to plan: empty. Past it, each row says so.
std::vector<PlanRow> PlanMatter(const Workspace& ws, const Matter& m, const std::string& as_of);
// A body that takes up a matter soon: a step's meeting that is set, or one the backward
// planning needs to reach the deadline (`planned`).
struct Upcoming {
    std::string date, party, body, matter;   // party and matter ids
    bool planned = false;
};
// Every such meeting from as_of to as_of + days, by date then party (Swedish order); one
// matter's, or every matter's when `matter` is empty.
std::vector<Upcoming> UpcomingMeetings(const Workspace& ws, const std::string& matter, const std::string& as_of, int days);

// The meetings a row needs: one date, or each step's ("SNAU 2023-03-16 → SN 2023-03-30"); "–" for none.
std::string PlanMeetings(const PlanRow& r);

}  // namespace sam
