// A matter's timeline: its milestones, proposal date and deadline on one axis, with
// today's line; overdue milestones are marked by colour, a symbol and the word.
#pragma once
#include "app.h"

namespace ui {

void DrawTimeline(App& app, const sam::Matter& m, float height);

}  // namespace ui
