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

json NewInKindPatch(const Workspace& ws, const std::string& name, const std::string& party, int year, std::string* id) {
    std::string made = MakeId(name, ws.in_kind);
    if (id) *id = made;
    json k = {{"name", name}, {"party", party}, {"amount", 0}, {"first_year", year}, {"last_year", year}, {"against_share", true}};
    return json::array({OpAdd("/in_kind/" + PointerToken(made), k)});
}

json NewFocusAreaPatch(const Workspace& ws, const std::string& name, bool national, std::string* id) {
    std::string made = MakeId(name, ws.focus_areas);
    if (id) *id = made;
    return json::array({OpAdd("/focus_areas/" + PointerToken(made), {{"name", name}, {"national", national}})});
}

json TagFocusPatch(const std::string& path, const std::vector<std::string>& tags, const std::string& focus_id, bool on) {
    std::vector<std::string> next;
    for (auto& t : tags) if (t != focus_id) next.push_back(t);
    if (on) next.push_back(focus_id);
    if (next.empty()) return tags.empty() ? json::array() : json::array({OpRemove(path + "/focus")});
    return json::array({OpAdd(path + "/focus", next)});
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
    return SetYearRangePatch(ItemPath(item_id), item.first_year, item.last_year, first, year, moved);
}

json SetYearRangePatch(const std::string& path, int first_year, int last_year, bool first, int year, std::string* moved) {
    json patch = json::array({OpAdd(path + (first ? "/first_year" : "/last_year"), year)});
    if (first && year > last_year) {
        patch.push_back(OpAdd(path + "/last_year", year));
        if (moved) *moved = "last_year";
    } else if (!first && year < first_year) {
        patch.push_back(OpAdd(path + "/first_year", year));
        if (moved) *moved = "first_year";
    }
    return patch;
}

}  // namespace sam
