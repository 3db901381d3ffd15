#include "a11y.h"

#include <imgui_internal.h>
#include <algorithm>
#include <cstring>

namespace ui {

namespace {

A11yTree* Recording(ImGuiContext* ctx) { return ctx ? static_cast<A11yTree*>(ctx->IO.UserData) : nullptr; }

// "Spara##file" -> "Spara"; "##status" -> ""; "Ta bort###x" -> "Ta bort".
std::string VisibleLabel(const char* label) {
    if (!label) return "";
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

// Whole mode: ImGui clips nothing in the app's windows while its logging is on. Logged text
// goes to a buffer emptied here; trees do not open by themselves (depth to expand 0). Popups
// and tooltips keep clipping (a top-level window's End ends ImGui's logging anyway).
void ClipNothing(ImGuiContext& g, bool on) {
    if (on && !g.LogEnabled) {
        g.LogEnabled = true;
        g.LogType = ImGuiLogType_Buffer;
        g.LogDepthRef = 0;
        g.LogDepthToExpand = 0;
        g.LogLinePosY = FLT_MAX;
        g.LogLineFirstItem = true;
    } else if (!on && g.LogEnabled && g.LogType == ImGuiLogType_Buffer) {
        g.LogEnabled = false;
        g.LogType = ImGuiLogType_None;
    }
    if (g.LogBuffer.size() > 1 << 16) g.LogBuffer.clear();
}

bool InPopup(const ImGuiContext& g) {
    return g.CurrentWindow && (g.CurrentWindow->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip));
}

// Whether an item at `r` is mirrored: on screen, or anywhere in whole mode (outside popups).
bool Mirrored(const ImGuiContext& g, const A11yTree& tree, const ImRect& r) {
    if (!g.CurrentWindow || r.Overlaps(g.CurrentWindow->ClipRect)) return true;
    return tree.whole && !InPopup(g);
}

A11yNode* Last(A11yTree& tree, ImGuiID id) {
    for (size_t i = tree.nodes.size(); i-- > 0 && i + 64 >= tree.nodes.size();)
        if (tree.nodes[i].id == id) return &tree.nodes[i];
    return nullptr;
}

// Where the current item sits in a table: its id, row (-1 for the header row) and column.
void PlaceInTable(ImGuiContext& g, A11yTree& tree, A11yNode& n) {
    ImGuiTable* t = g.CurrentTable;
    if (!t || g.CurrentWindow != t->InnerWindow) return;
    n.table = t->ID;
    n.row = (t->RowFlags & ImGuiTableRowFlags_Headers) ? -1 : t->CurrentRow;
    n.col = t->CurrentColumn;
    for (auto& [id, names] : tree.tables)
        if (id == t->ID) return;
    std::vector<std::string> names;
    for (int c = 0; c < t->ColumnsCount; ++c) names.push_back(VisibleLabel(ImGui::TableGetColumnName(t, c)));
    tree.tables.push_back({t->ID, std::move(names)});
}

const std::vector<std::string>* ColumnNames(const A11yTree& tree, ImGuiID table) {
    for (auto& [id, names] : tree.tables)
        if (id == table) return &names;
    return nullptr;
}

bool Interactive(Role r) { return r != Role::None && r != Role::Heading && r != Role::Text && r != Role::Cell; }

// A control without a name of its own takes its column's name and its row's first text
// ("Status, Kramfors"), or the text just before it on the same line ("Namn").
void NameFromContext(A11yTree& tree) {
    for (size_t i = 0; i < tree.nodes.size(); ++i) {
        A11yNode& n = tree.nodes[i];
        if (!Interactive(n.role) || !n.name.empty()) continue;
        if (n.table) {
            // The row's name: its first column's text, else its first column's control.
            std::string row_name, row_text;
            for (size_t k = i; k-- > 0;) {
                const A11yNode& o = tree.nodes[k];
                if (o.table != n.table || o.row != n.row) break;
                if (o.col != 0 || o.name.empty()) continue;
                row_name = o.name;
                if (o.role == Role::Text || o.role == Role::Cell) row_text = o.name;
            }
            if (!row_text.empty()) row_name = row_text;
            const auto* cols = ColumnNames(tree, n.table);
            std::string col = cols && n.col >= 0 && n.col < (int)cols->size() ? (*cols)[n.col] : "";
            n.name = col.empty() ? row_name : row_name.empty() ? col : col + ", " + row_name;
        }
        for (size_t k = i; n.name.empty() && k-- > 0;) {
            const A11yNode& o = tree.nodes[k];
            if (o.window != n.window) break;
            bool same_line = o.y < n.y + n.h && n.y < o.y + o.h;
            if (!same_line) break;
            if (o.role == Role::Text && !o.name.empty()) n.name = o.name;
        }
        if (n.name.empty()) n.name = n.value;
    }
}

}  // namespace

const char* RoleName(Role r) {
    switch (r) {
        case Role::Button: return "button";
        case Role::Tab: return "tab";
        case Role::Checkbox: return "checkbox";
        case Role::Radio: return "radio";
        case Role::ComboBox: return "combobox";
        case Role::Option: return "option";
        case Role::TextBox: return "textbox";
        case Role::MenuItem: return "menuitem";
        case Role::TreeItem: return "treeitem";
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::Cell: return "cell";
        case Role::None: break;
    }
    return "";
}

void A11yBeginFrame(A11yTree& tree) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    tree.nodes.clear();
    tree.tables.clear();
    g.TestEngineHookItems = tree.enabled;
    g.IO.UserData = tree.enabled ? &tree : nullptr;
    ClipNothing(g, tree.enabled && tree.whole);
}

void A11yEndFrame(A11yTree& tree) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.IO.UserData = nullptr;
    g.TestEngineHookItems = false;
    ClipNothing(g, false);
    g.LogBuffer.clear();
    if (!tree.enabled) return;
    // A table's header cells (ImGui reports them as bare items): named by their columns.
    for (A11yNode& n : tree.nodes) {
        if (n.role != Role::None || !n.table || n.row != -1) continue;
        const auto* cols = ColumnNames(tree, n.table);
        if (cols && n.col >= 0 && n.col < (int)cols->size()) { n.role = Role::Cell; n.name = (*cols)[n.col]; n.id = 0; }
    }
    NameFromContext(tree);
    // Only what a reader can use: items ImGui merely laid out (scrollbars) are left out.
    std::erase_if(tree.nodes, [](const A11yNode& n) { return n.role == Role::None || (n.role == Role::Text && n.name.empty()); });
    tree.focus = g.NavId;
    tree.editing = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
    tree.sel_start = tree.sel_end = 0;
    tree.sel_backward = false;
    if (tree.editing) {
        tree.focus = g.ActiveId;
        const ImGuiInputTextState& s = g.InputTextState;
        int a = s.Stb.select_start, b = s.Stb.select_end, cursor = s.Stb.cursor;
        if (a == b) a = b = cursor;
        tree.sel_start = std::max(0, std::min(a, b));
        tree.sel_end = std::min(std::max(a, b), s.CurLenW);
        tree.sel_start = std::min(tree.sel_start, tree.sel_end);
        tree.sel_backward = a != b && cursor == tree.sel_start;
    }
}

bool A11yOn() { return Recording(ImGui::GetCurrentContext()) != nullptr; }

void A11yLast(Role role, std::string_view name, std::string_view value) {
    A11ySet(ImGui::GetCurrentContext()->LastItemData.ID, role, name, value);
}

void A11ySet(ImGuiID id, Role role, std::string_view name, std::string_view value) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    A11yTree* tree = Recording(&g);
    if (!tree) return;
    A11yNode* n = Last(*tree, id);
    if (!n) return;   // clipped away: not drawn, not mirrored
    n->role = role;
    if (!name.empty()) n->name = std::string(name);
    n->value = std::string(value);
}

void A11yText(std::string_view text, Role role) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    A11yTree* tree = Recording(&g);
    if (!tree || text.empty()) return;
    ImRect r = g.LastItemData.Rect;
    if (!Mirrored(g, *tree, r)) return;   // scrolled away and not whole: not drawn, not said
    A11yNode n;
    n.role = role;
    n.name = std::string(text);
    n.x = r.Min.x, n.y = r.Min.y, n.w = r.GetWidth(), n.h = r.GetHeight();
    n.window = g.CurrentWindow;
    PlaceInTable(g, *tree, n);
    tree->nodes.push_back(std::move(n));
}

void A11yTextAt(std::string_view text, ImVec2 min, ImVec2 max) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    A11yTree* tree = Recording(&g);
    if (!tree || text.empty()) return;
    ImRect r(min, max);
    if (!Mirrored(g, *tree, r)) return;
    A11yNode n;
    n.role = Role::Text;
    n.name = std::string(text);
    n.x = r.Min.x, n.y = r.Min.y, n.w = r.GetWidth(), n.h = r.GetHeight();
    n.window = g.CurrentWindow;
    tree->nodes.push_back(std::move(n));
}

void A11ySelected(bool selected) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    A11yTree* tree = Recording(&g);
    if (!tree) return;
    if (A11yNode* n = Last(*tree, g.LastItemData.ID)) n->selected = selected;
}

void A11yDrawn(const std::string& key, Role role, const std::string& name, ImVec2 min, ImVec2 max, bool selected,
               std::function<void()> activate) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    A11yTree* tree = Recording(&g);
    if (!tree) return;
    A11yNode n;
    n.id = ImGui::GetID(key.c_str());
    n.role = role;
    n.name = name;
    n.x = min.x, n.y = min.y, n.w = max.x - min.x, n.h = max.y - min.y;
    n.selected = selected;
    n.activate = std::move(activate);
    tree->nodes.push_back(std::move(n));
}

void A11yFocus(A11yTree& tree, ImGuiID id) {
    for (auto& n : tree.nodes) {
        if (n.id != id || !n.window) continue;
        tree.bring_into_view = id;   // it may be scrolled out of sight (whole mode)
        ImGuiWindow* window = static_cast<ImGuiWindow*>(n.window);
        ImGuiContext& ctx = *ImGui::GetCurrentContext();
        if (ctx.ActiveId != 0 && ctx.ActiveId != id) ImGui::ClearActiveID();   // a field being edited ends (and commits)
        ImGui::FocusWindow(window);
        ImGui::SetFocusID(id, window);
        ImGuiContext& g = *ImGui::GetCurrentContext();
        g.NavDisableHighlight = false;   // the focus rectangle shows where the reader is (WCAG 2.4.7)
        g.NavDisableMouseHover = true;
        return;
    }
}

void A11yActivate(A11yTree& tree, ImGuiID id) {
    for (auto& n : tree.nodes)
        if (n.id == id && n.activate) { n.activate(); return; }
    A11yFocus(tree, id);
    ImGui::ActivateItem(id);
}

}  // namespace ui

// ImGui's test engine hooks (imgui_internal.h): every item with an id, then its label and state.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    ui::A11yTree* tree = ui::Recording(ctx);
    if (!tree) return;
    // Runs just before ImGui's own clipping test: in whole mode nothing is clipped outside
    // popups; otherwise what the window clips away is not drawn and not mirrored either (a
    // grid of a thousand checkboxes costs only the ones on screen).
    if (tree->whole) ui::ClipNothing(*ctx, !ui::InPopup(*ctx));
    if (!ui::Mirrored(*ctx, *tree, bb)) return;
    if (id == tree->bring_into_view && ctx->CurrentWindow) {
        ImGui::ScrollToBringRectIntoView(ctx->CurrentWindow, bb);
        tree->bring_into_view = 0;
    }
    ui::A11yNode n;
    n.id = id;
    n.x = bb.Min.x, n.y = bb.Min.y, n.w = bb.GetWidth(), n.h = bb.GetHeight();
    n.window = ctx->CurrentWindow;
    n.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    ui::PlaceInTable(*ctx, *tree, n);
    tree->nodes.push_back(std::move(n));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    ui::A11yTree* tree = ui::Recording(ctx);
    if (!tree) return;
    ui::A11yNode* n = ui::Last(*tree, id);
    if (!n) return;
    n->name = ui::VisibleLabel(label);
    ImGuiWindowFlags wf = ctx->CurrentWindow ? ctx->CurrentWindow->Flags : 0;
    bool in_menu = (wf & ImGuiWindowFlags_ChildMenu) || ((wf & ImGuiWindowFlags_Popup) && !(wf & ImGuiWindowFlags_Modal) &&
                                                         std::strncmp(ctx->CurrentWindow->Name, "##Combo", 7) != 0);
    bool in_combo = (wf & ImGuiWindowFlags_Popup) && std::strncmp(ctx->CurrentWindow->Name, "##Combo", 7) == 0;
    if (flags & ImGuiItemStatusFlags_Openable) {
        n->role = in_menu ? ui::Role::MenuItem : ui::Role::TreeItem;
        n->expanded = (flags & ImGuiItemStatusFlags_Opened) ? 1 : 0;
    } else if (flags & ImGuiItemStatusFlags_Checkable) {
        n->role = in_menu ? ui::Role::MenuItem : ui::Role::Checkbox;
        n->checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    } else {
        n->role = in_combo ? ui::Role::Option : in_menu ? ui::Role::MenuItem : ui::Role::Button;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
