#include "wide_table.h"
#include <imgui_internal.h>

namespace ui {

namespace {

// A scrolling table lives in a child window whose height must be given: the height its
// rows took last frame, kept in the window's storage under the table's id.
ImGuiID HeightKey(const char* id) { return ImGui::GetID(id) + 1; }

}  // namespace

bool BeginWideTable(const char* id, int columns, ImGuiTableFlags flags, float min_width) {
    if (ImGui::GetContentRegionAvail().x >= min_width) return ImGui::BeginTable(id, columns, flags);
    const ImGuiStyle& style = ImGui::GetStyle();
    float rows = ImGui::GetStateStorage()->GetFloat(HeightKey(id), ImGui::GetFrameHeightWithSpacing() * 6);
    ImVec2 size(0, rows + style.ScrollbarSize + 2);
    return ImGui::BeginTable(id, columns, flags | ImGuiTableFlags_ScrollX, size, min_width);
}

void EndWideTable() {
    ImGuiTable* table = ImGui::GetCurrentTable();
    ImGuiWindow* inner = table ? table->InnerWindow : nullptr;
    bool scrolls = inner && table->OuterWindow != inner;
    ImGuiID key = table ? table->ID + 1 : 0;
    ImGui::EndTable();
    if (!scrolls) return;
    // Measured after EndTable, which closes the last row.
    float used = inner->DC.CursorMaxPos.y - inner->DC.CursorStartPos.y;
    ImGui::GetStateStorage()->SetFloat(key, used);
}

}  // namespace ui
