// Edits of cost items whose rules belong to the domain, not to a view: a new item's
// defaults, the switch between a fixed amount and FTE × cost, and a year range typed left
// to right. Each returns the JSON Patch to apply through ApplyEdit.
#pragma once
#include <string>
#include "model.h"

namespace sam {

// A new item named `name`: a fixed amount of 0 kr for `year`, so adding one changes no total.
json NewCostItemPatch(const Workspace& ws, const std::string& name, int year, std::string* id = nullptr);

// A new contribution in kind of `party`: an amount of 0 kr for `year`, against its share,
// so adding one changes no figure until its value is typed.
json NewInKindPatch(const Workspace& ws, const std::string& name, const std::string& party, int year, std::string* id = nullptr);

// A new focus area named `name` (the county's own unless `national`).
json NewFocusAreaPatch(const Workspace& ws, const std::string& name, bool national, std::string* id = nullptr);

// Tags (or untags) a body, matter or cost item with a focus area: `path` is the entity's.
json TagFocusPatch(const std::string& path, const std::vector<std::string>& tags, const std::string& focus_id, bool on);

// A fixed amount becomes FTE × cost per FTE, or the other way round, at the same cost:
// FTE × cost becomes an amount of their product; an amount becomes 1 FTE (or the item's
// FTE) at the cost that gives the same amount.
json SwitchCostKindPatch(const std::string& item_id, const CostItem& item);

// Sets the first (or last) year. When that would put the range the wrong way round, the
// other end moves with it, so that 2024 can be typed into "från" before "till";
// `moved` (when given) then says which end moved: "last_year" or "first_year".
json SetYearPatch(const std::string& item_id, const CostItem& item, bool first, int year, std::string* moved = nullptr);
// The same for anything with first_year and last_year at `path` (a contribution in kind).
json SetYearRangePatch(const std::string& path, int first_year, int last_year, bool first, int year, std::string* moved = nullptr);

}  // namespace sam
