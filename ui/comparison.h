// Pieces shared by the Scenarier view and the "what if" slide: who takes part, and a
// base-against-scenario comparison per party as a table and a chart.
#pragma once
#include "app.h"

namespace ui {

// Sets whether `party` pays in scenario `s` (through its leave/join lists). Returns true
// when that changed anything.
bool SetTakesPart(const sam::Workspace& ws, sam::Scenario& s, const std::string& party, bool takes_part);
bool TakesPart(const sam::Workspace& ws, const sam::Scenario& s, const std::string& party);
// The parties that could pay (municipalities and regions), in Swedish order.
std::vector<std::string> PayingCandidates(const sam::Workspace& ws);

// Base and scenario for `year`, side by side per party with the difference in kr and %,
// changed rows highlighted; then the same as paired bars.
void DrawComparison(App& app, const sam::Budget& base, const sam::Budget& scenario, int year, const char* id, bool high_contrast);

}  // namespace ui
