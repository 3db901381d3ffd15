// Rules a workspace must keep (errors: a patch that breaks them is rejected) and
// consistency checks that help officials (warnings: shown, never blocking).
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>
#include "model.h"
#include "problem.h"

namespace sam {

// Cross-entity rules: a body's parent exists and the bodies form a tree.
// (Field-level rules are checked while parsing, see json_io.h.)
void ValidateStructure(const Workspace& ws, std::vector<Problem>& out);
// The same rules for the bodies `ids` only, seen through `find` (which may overlay
// edits on a workspace without copying it).
using BodyLookup = std::function<const Body*(const std::string&)>;
void ValidateBodies(const BodyLookup& find, const std::vector<std::string>& ids, size_t body_count, std::vector<Problem>& out);

// Warnings, each with the JSON path it concerns:
// cost per FTE far from the other items', fixed shares not summing to 100 %,
// a municipality without its local group, a decision dated after its deadline,
// references to parties, bodies or items that are not in the workspace,
// a region counted per capita, allocations that cannot be made.
std::vector<Problem> CheckConsistency(const Workspace& ws, const std::string& as_of);

// The same checks kept between edits, by section: after a change only what its paths can
// touch is checked again (a decision: its matter; an item's FTE: the costs; a party or a
// body: everything). AllChecks gives exactly what CheckConsistency would, in the same order.
struct CheckCache {
    std::vector<Problem> structure, slides, costs;
    std::map<std::string, std::vector<Problem>> matters;   // matter id -> its problems
    std::set<std::string> unchecked;   // matters left for ContinueChecks (none: the checks are whole)
    std::string as_of;
    bool valid = false;
};
// `changed`: the JSON Pointers the edits since the last update changed (nullptr: anything;
// history.h's PatchPaths gives them for a patch).
// `budget`: ComputeBudget(ws) when the caller has it already (its problems are the checks' last).
// `defer_matters`: a whole new check leaves the matters in `unchecked` (a national workspace's
// 2 000 take most of a second in the browser), for ContinueChecks to do a few at a time while
// the app goes on drawing; what an edit reaches is checked at once either way.
void UpdateChecks(CheckCache& cache, const Workspace& ws, const std::string& as_of, const std::vector<std::string>* changed,
                  const struct Budget* budget = nullptr, bool defer_matters = false);
// Checks at most `limit` of the matters left unchecked; returns how many are left.
size_t ContinueChecks(CheckCache& cache, const Workspace& ws, size_t limit);
std::vector<Problem> AllChecks(const CheckCache& cache);
// Without copying them (a national workspace can have tens of thousands): how many, and each
// in AllChecks' order until `visit` returns false.
size_t CountChecks(const CheckCache& cache);
void ForEachCheck(const CheckCache& cache, const std::function<bool(const Problem&)>& visit);

}  // namespace sam
