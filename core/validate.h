// Rules a workspace must keep (errors: a patch that breaks them is rejected) and
// consistency checks that help officials (warnings: shown, never blocking).
#pragma once
#include <functional>
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

}  // namespace sam
