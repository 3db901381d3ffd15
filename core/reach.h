// What an edit can have changed, from the JSON Pointers it changed: which derived figures
// (checks, budgets, adoption, lists) must be computed again. One answer for every part that
// keeps figures between edits (validate.h's CheckCache, the app's derived figures).
#pragma once
#include <set>
#include <string>
#include <vector>

namespace sam {

struct Reach {
    bool all = false;          // anything may have changed: everything again
    bool structure = false;    // the bodies' members, parties and local groups
    bool costs = false;        // allocation, budgets, scenarios and their checks
    bool slides = false;       // the slides' checks
    bool matter_set = false;   // which matters exist, their milestones, who decides on them
    std::set<std::string> matters;   // matters whose own checks and adoption changed
};

Reach ReachOf(const std::vector<std::string>& pointers);

}  // namespace sam
