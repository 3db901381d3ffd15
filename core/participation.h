// Who pays in a scenario: the workspace's payers, less those who leave, plus those who join.
// The Scenarier view and the "what if" slide both tick parties through these.
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

bool TakesPart(const Workspace& ws, const Scenario& s, const std::string& party);
// Sets whether `party` pays in `s` (through its leave/join lists); true when anything changed.
bool SetTakesPart(const Workspace& ws, Scenario& s, const std::string& party, bool takes_part);
// The parties that could pay (municipalities, regions and the present payers), in Swedish order.
std::vector<std::string> PayingCandidates(const Workspace& ws);

}  // namespace sam
