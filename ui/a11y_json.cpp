#include "a11y_json.h"

#include "model.h"
#include "utf8.h"

namespace ui {

std::string A11yJson(const A11yTree& tree, float scale) {
    sam::json nodes = sam::json::array();
    for (const A11yNode& n : tree.nodes) {
        // [id, role, name, value, x, y, w, h, state, table, row, col]; state: checked 1|2,
        // expanded 4|8, selected 16, disabled 32, drawn (no ImGui item, not in the Tab order) 64.
        int state = (n.checked >= 0 ? 1 | (n.checked ? 2 : 0) : 0) | (n.expanded >= 0 ? 4 | (n.expanded ? 8 : 0) : 0) |
                    (n.selected ? 16 : 0) | (n.disabled ? 32 : 0) | (n.activate ? 64 : 0);
        auto px = [scale](float v) { return (int)(v * scale + 0.5f); };
        nodes.push_back({n.id, RoleName(n.role), n.name, n.value, px(n.x), px(n.y), px(n.w), px(n.h), state, n.table, n.row, n.col});
    }
    sam::json tables = sam::json::array();
    for (auto& [id, names] : tree.tables) tables.push_back({id, names});
    sam::json out{{"lang", tree.lang}, {"focus", tree.focus}, {"editing", tree.editing}, {"polite", tree.polite},
                  {"assertive", tree.assertive}, {"tables", tables}, {"nodes", nodes}};
    if (tree.editing) out["selection"] = {tree.sel_start, tree.sel_end, tree.sel_backward};   // UTF-16 code units
    return sam::JsonText(out);
}

}  // namespace ui
