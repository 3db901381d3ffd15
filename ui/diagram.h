// The structure diagram: the bodies as boxes by level, joined to their parent and laid
// out as a tidy tree. Shared by the Struktur view (zoom, pan, select) and the slides.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>
#include "app.h"
#include "structure.h"

namespace ui {

struct DiagramLayout {
    std::vector<sam::BodyNode> nodes;
    std::vector<ImVec2> pos;       // top-left of each box, in diagram units
    ImVec2 box{0, 0};              // box size in diagram units
    ImVec2 size{0, 0};             // the whole tree
};

// Leaves side by side, each parent centred over its children, one row per depth.
DiagramLayout LayoutDiagram(const sam::Workspace& ws, float box_w, float box_h, float gap_x, float gap_y);

// Draws the diagram into a canvas of `size` (0: all available). With `interactive`, the
// mouse pans (drag) and zooms (wheel), the keyboard pans (arrows), zooms (+ -) and fits (0),
// and a click selects a box (app.selected_body). Returns true when the selection changed.
bool DrawDiagram(App& app, ImVec2 size, bool interactive);

}  // namespace ui
