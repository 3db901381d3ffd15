// Edits of cost items whose rules belong to the domain, not to a view: a new item's
// defaults, the switch between a fixed amount and FTE × cost, and a year range typed left
// to right. Each returns the JSON Patch to apply through ApplyEdit.
#pragma once
#include <string>
#include "model.h"

namespace sam {

// A new item named `name`: a fixed amount of 0 kr for `year`, so adding one changes no total.
json NewCostItemPatch(const Workspace& ws, const std::string& name, int year, std::string* id = nullptr);

// A fixed amount becomes FTE × cost per FTE, or the other way round, at the same cost:
// FTE × cost becomes an amount of their product; an amount becomes 1 FTE (or the item's
// FTE) at the cost that gives the same amount.
json SwitchCostKindPatch(const std::string& item_id, const CostItem& item);

// Sets the first (or last) year. When that would put the range the wrong way round, the
// other end moves with it, so that 2024 can be typed into "från" before "till";
// `moved` (when given) then says which end moved: "last_year" or "first_year".
json SetYearPatch(const std::string& item_id, const CostItem& item, bool first, int year, std::string* moved = nullptr);

}  // namespace sam
