// What a screen reader needs of a frame: every item ImGui drew, with a role, a name, a
// value, its state and its place on screen. ImGui reports its items through the test
// engine's hooks (compiled in with IMGUI_ENABLE_TEST_ENGINE; the hooks are implemented
// here, the test engine library is not used); what the hooks do not say (text, a combo's
// role and value, a field's name) the views add with the helpers below. The recorder is
// platform-neutral: the web layer turns the tree into a mirror DOM over the canvas.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <imgui.h>

namespace ui {

enum class Role : uint8_t {
    None,       // seen by ItemAdd only (scrollbars, resize grips): not mirrored
    Button, Tab, Checkbox, Radio, ComboBox, Option, TextBox, MenuItem, TreeItem,
    Heading, Text, Cell
};
const char* RoleName(Role r);   // ARIA: "button", "tab", "checkbox", …

struct A11yNode {
    ImGuiID id = 0;            // ImGui's id; 0 for text
    Role role = Role::None;
    std::string name, value;
    float x = 0, y = 0, w = 0, h = 0;   // framebuffer pixels, as ImGui draws
    int8_t checked = -1;       // -1: not checkable
    int8_t expanded = -1;      // -1: not expandable
    bool selected = false;     // a tab that is the current view, an option that is chosen
    bool disabled = false;
    ImGuiID table = 0;         // inside a table: its id, row and column (row -1: the header row)
    int row = 0, col = 0;
    void* window = nullptr;    // ImGui's window, for moving the focus there
    std::function<void()> activate;   // a part of a drawing that is no ImGui item (a box in the diagram)
};

// One frame's tree. `focus`: ImGui's keyboard (nav) focus, the single source of focus.
struct A11yTree {
    bool enabled = false;
    // Also what is scrolled out of sight (a long list, a table's columns scrolled sideways):
    // ImGui is told to clip nothing (its logging mode, with nothing logged), so every item
    // reports its name and state. Chosen per frame by how much there is (app.cpp).
    bool whole = false;
    ImGuiID bring_into_view = 0;   // the reader moved to it: scrolled into view when drawn
    std::vector<A11yNode> nodes;
    std::vector<std::pair<ImGuiID, std::vector<std::string>>> tables;   // a table's column names
    ImGuiID focus = 0;
    bool editing = false;      // the focused item is a text field being edited
    // While editing: ImGui's selection in the field, in UTF-16 code units (its ImWchar), so
    // that the page's <input> caret is where ImGui's is; `backward` when the caret is its start.
    int sel_start = 0, sel_end = 0;
    bool sel_backward = false;
    std::string polite, assertive;   // the status line: messages, and clashes or errors
    std::string lang = "sv";
};

// Starts and ends recording a frame into `tree` (nothing is recorded when it is disabled).
void A11yBeginFrame(A11yTree& tree);
void A11yEndFrame(A11yTree& tree);

// Whether this frame is being recorded: a view builds a text only for the mirror behind it.
// (The helpers below take views of text and cost nothing when nothing is recorded.)
bool A11yOn();
// The last item is a `role` with this name (and value); an empty name keeps ImGui's label.
void A11yLast(Role role, std::string_view name = {}, std::string_view value = {});
// The same for the item with `id` (a combo, whose popup is the current window once it opens).
void A11ySet(ImGuiID id, Role role, std::string_view name = {}, std::string_view value = {});
// Text the last (id-less) item drew: a heading, a figure, a cell's words.
void A11yText(std::string_view text, Role role = Role::Text);
// Text a drawing shows at `min`–`max` (a date on the timeline): read, not chosen.
void A11yTextAt(std::string_view text, ImVec2 min, ImVec2 max);
// The last item's state.
void A11ySelected(bool selected);
// A part of a drawing a reader can choose (no ImGui item): a button at `min`–`max` that does
// `activate`. Not in the Tab order; a reader's click reaches it.
void A11yDrawn(const std::string& key, Role role, const std::string& name, ImVec2 min, ImVec2 max, bool selected,
               std::function<void()> activate);

// Actions from the mirror, applied at the start of the next frame.
void A11yFocus(A11yTree& tree, ImGuiID id);
void A11yActivate(A11yTree& tree, ImGuiID id);

}  // namespace ui
