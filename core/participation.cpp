#include "participation.h"

#include <algorithm>
#include "costs.h"

namespace sam {

namespace {
bool Contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
void Erase(std::vector<std::string>& v, const std::string& x) { v.erase(std::remove(v.begin(), v.end(), x), v.end()); }
}  // namespace

bool TakesPart(const Workspace& ws, const Scenario& s, const std::string& party) { return Contains(Participants(ws, &s), party); }

bool SetTakesPart(const Workspace& ws, Scenario& s, const std::string& party, bool takes_part) {
    if (TakesPart(ws, s, party) == takes_part) return false;
    bool in_base = Contains(ws.costs.participants, party);
    Erase(s.leave, party);
    Erase(s.join, party);
    if (in_base && !takes_part) s.leave.push_back(party);
    if (!in_base && takes_part) s.join.push_back(party);
    return true;
}

std::vector<std::string> PayingCandidates(const Workspace& ws) {
    std::vector<std::string> ids;
    for (auto& [id, p] : ws.parties)
        if (IsPayingParty(p) || Contains(ws.costs.participants, id)) ids.push_back(id);
    SortPartiesSwedish(ws, ids);
    return ids;
}

}  // namespace sam
