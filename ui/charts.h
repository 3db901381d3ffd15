// Charts drawn with ImDrawList (there is no plotting library here): horizontal bars with
// their labels and Swedish amounts, so every figure is readable as text too.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace ui {

struct Bar {
    std::string label;
    double value = 0;
    double compare = 0;      // a second value drawn under the first (base vs scenario)
    bool has_compare = false;
    bool highlight = false;  // drawn in the accent colour
    std::string text;        // the value as shown, e.g. "295 000 kr"
    std::string note;        // after the value, e.g. "+12,3 %"
};

struct ChartColors {
    ImU32 bar, compare, highlight, text, grid;
};
ChartColors DefaultChartColors(bool high_contrast);

// One row per bar, labels on the left, the value after the bar; fits `width` (0: all
// available). Returns the index of the bar under the mouse, or -1.
int BarChart(const char* id, const std::vector<Bar>& bars, float width, const ChartColors& colors);

}  // namespace ui
