// Multi-year budget: cost items with index, external funding, and each party's share
// by allocation key; scenarios evaluated side by side with the base.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include "allocate.h"
#include "model.h"
#include "problem.h"

namespace sam {

// Per-year series: index 0 is Budget::first_year.
using Series = std::vector<int64_t>;

struct ItemResult {
    std::string id;                  // cost item id ("" for funding of the whole budget)
    std::string name;
    double quantity = 1;             // product of the quantity factors
    double fte_total = 0;            // fte x quantity
    double implied_cost_per_fte = 0; // kr per fte (0 when no fte)
    std::string quantity_text;       // "3 grupper per kommun × 7 kommuner"
    Series gross, funding, net;
    size_t group = 0;                // index into Budget::groups: how it is shared
    bool ok = true;                  // false when its group's allocation failed
    std::string error;               // translation key
    std::vector<std::string> args;
};

// Items with the same key and the same payers are shared as one sum each year: one
// rounding instead of one per item, and fast for hundreds of items.
struct ShareGroup {
    AllocationKey key;
    std::vector<Payer> payers;
    std::vector<std::string> items;           // item ids ("" for funding of the whole budget)
    Series net;                               // per year
    std::map<std::string, Series> per_party;  // party id -> share per year
    bool ok = true;
    std::string error;
    std::vector<std::string> args;
};

struct Budget {
    int first_year = 0, last_year = -1;
    std::vector<ItemResult> items;
    std::vector<ShareGroup> groups;
    std::vector<std::string> parties;        // every payer, in Swedish alphabetical order of name
    std::map<std::string, Series> per_party; // party id -> net per year
    std::map<std::string, Series> per_level; // level name -> net per year ("" when none)
    std::map<std::string, Series> per_body;  // body id -> net per year ("" when none)
    Series gross, funding, net;              // per year
    // Contributions in kind, valued per party and year: all of them, and those that count
    // against the party's share. What a party pays in money is its share less the latter.
    std::map<std::string, Series> in_kind;
    std::map<std::string, Series> in_kind_against;
    std::map<std::string, Series> per_focus;   // focus area id -> net per year ("" untagged);
                                               // an item with several areas is split evenly
    std::map<std::string, Series> per_project; // project matter id -> net per year
    Series unallocated;                      // net of groups whose allocation failed
    std::vector<Problem> problems;           // allocations that failed, with paths

    int Years() const { return last_year - first_year + 1; }
    bool HasYear(int y) const { return y >= first_year && y <= last_year; }
    // The value of a series in year y (0 outside the budget's years).
    int64_t At(const Series& s, int y) const { return HasYear(y) && (size_t)(y - first_year) < s.size() ? s[y - first_year] : 0; }
    int64_t PartyAt(const std::string& party, int y) const;
    int64_t PartyTotal(const std::string& party) const;   // over all years
    int64_t InKindAt(const std::string& party, int y) const;  // value of all its contributions in kind
    // What the party pays in money: its share less what it gives in kind against it (not below 0).
    int64_t CashAt(const std::string& party, int y) const;
    int64_t Total(const Series& s) const;
};

// The paying parties of the workspace (or the scenario): the base participants,
// less those that leave, plus those that join.
std::vector<std::string> Participants(const Workspace& ws, const Scenario* scenario = nullptr);

// A contribution in kind's value in a year (0 outside its years).
int64_t InKindValue(const InKind& k, int year);

// One item's gross cost in a year, before funding (0 outside its years).
int64_t ItemCost(const CostItem& item, int year, double quantity);
// The product of the quantity factors given the participating parties.
double Quantity(const CostItem& item, const Workspace& ws, const std::vector<std::string>& participants);

Budget ComputeBudget(const Workspace& ws, const Scenario* scenario = nullptr);

// Base against scenario for one year, per party.
struct PartyDelta {
    std::string party;
    int64_t base = 0, scenario = 0, diff = 0;
    double diff_percent = 0;      // diff / base * 100 (0 when base is 0)
    bool in_base = false, in_scenario = false;
};
struct Comparison {
    int year = 0;
    std::vector<PartyDelta> rows;   // parties of either budget, Swedish order
    int64_t base_total = 0, scenario_total = 0;
};
Comparison Compare(const Workspace& ws, const Budget& base, const Budget& scenario, int year);

// Sorts party ids by their names in Swedish order.
// Which year the cost views show: `chosen` when the budget has it; else this year (from
// `today`, YYYY-MM-DD); else the budget's nearest year. `note` is empty, or says why another
// year than this one is shown (a key of the translation table, with its args).
struct ShownYear {
    int year = 0;
    std::string note;                 // "" or "ui.year_outside"
    std::vector<std::string> args;    // {this year, first, last, shown}
};
ShownYear YearToShow(const Budget& b, int chosen, const std::string& today);

void SortPartiesSwedish(const Workspace& ws, std::vector<std::string>& ids);

}  // namespace sam
