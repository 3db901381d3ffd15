// Pieces shared by the Scenarier view and the "what if" slide: who takes part, and a
// base-against-scenario comparison per party as a table and a chart.
#pragma once
#include "app.h"
#include "participation.h"

namespace ui {

// Who takes part is core's rule (participation.h).
using sam::PayingCandidates;
using sam::SetTakesPart;
using sam::TakesPart;

// Base and scenario for `year`, side by side per party with the difference in kr and %,
// changed rows highlighted; then the same as paired bars.
void DrawComparison(App& app, const sam::Budget& base, const sam::Budget& scenario, int year, const char* id, bool high_contrast);

}  // namespace ui
