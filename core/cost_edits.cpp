#include "cost_edits.h"

#include <cmath>
#include "json_io.h"
#include "patch.h"

namespace sam {

namespace {
std::string ItemPath(const std::string& id) { return "/cost_items/" + PointerToken(id); }
}  // namespace

json NewCostItemPatch(const Workspace& ws, const std::string& name, int year, std::string* id) {
    std::string made = MakeId(name, ws.cost_items);
    if (id) *id = made;
    json item = {{"name", name}, {"amount", 0}, {"first_year", year}, {"last_year", year}};
    return json::array({OpAdd(ItemPath(made), item)});
}

json SwitchCostKindPatch(const std::string& item_id, const CostItem& item) {
    std::string path = ItemPath(item_id);
    if (!item.amount) {
        int64_t amount = std::llround(item.fte * (double)item.cost_per_fte);
        return json::array({OpAdd(path + "/amount", amount)});
    }
    double fte = item.fte > 0 ? item.fte : 1.0;
    int64_t cost = std::llround((double)*item.amount / fte);
    return json::array({OpRemove(path + "/amount"), OpAdd(path + "/fte", fte), OpAdd(path + "/cost_per_fte", cost)});
}

json SetYearPatch(const std::string& item_id, const CostItem& item, bool first, int year, std::string* moved) {
    std::string path = ItemPath(item_id);
    json patch = json::array({OpAdd(path + (first ? "/first_year" : "/last_year"), year)});
    if (first && year > item.last_year) {
        patch.push_back(OpAdd(path + "/last_year", year));
        if (moved) *moved = "last_year";
    } else if (!first && year < item.first_year) {
        patch.push_back(OpAdd(path + "/first_year", year));
        if (moved) *moved = "first_year";
    }
    return patch;
}

}  // namespace sam
