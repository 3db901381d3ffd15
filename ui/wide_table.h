// Data tables that fill the width when there is room and scroll sideways when the window
// is narrower than the table needs (WCAG 1.4.10 lets data tables scroll in two dimensions):
// at 320 CSS px or 400 % zoom the columns keep a readable width instead of squeezing.
#pragma once
#include <imgui.h>

namespace ui {

// `min_width`: the narrowest width (px) at which the columns still read well. Stretch
// columns keep their weights either way. Pair with EndWideTable when it returns true.
bool BeginWideTable(const char* id, int columns, ImGuiTableFlags flags, float min_width);
void EndWideTable();

}  // namespace ui
