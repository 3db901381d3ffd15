// Splitting an amount between parties by an allocation key, in whole kronor that
// always add up to the total exactly.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "model.h"

namespace sam {

struct Payer {
    std::string id;
    std::string name;
    PartyKind kind = PartyKind::Municipality;
    int64_t population = 0;
};

struct AllocationLine {
    std::string party;    // payer id
    int64_t amount = 0;   // kr
    double share = 0;     // amount / total, 0..1 (0 when the total is 0)
};

struct Allocation {
    bool ok = false;
    std::string error;                  // translation key when !ok, e.g. "alloc.shares_sum"
    std::vector<std::string> args;      // its {0}, {1}, ...
    std::vector<AllocationLine> lines;  // in the payers' order
};

// Largest remainder on integer weights: floor each quota, then give the remaining
// kronor to the largest remainders; ties go to the larger population, then to the
// name in Swedish alphabetical order. Weights must not all be 0.
std::vector<int64_t> LargestRemainder(int64_t total, const std::vector<uint64_t>& weights,
                                      const std::vector<Payer>& payers);

// Splits `total` (may be negative, e.g. a net refund) between `payers` by `key`.
// equal: the same for each; per_capita: by population; fixed: key.shares (percent,
// must name every payer and sum to 100); region_split: the region pays
// region_percent, the other payers share the rest per capita; base_plus_per_capita:
// each payer pays base_fee, the rest per capita.
Allocation Allocate(int64_t total, const AllocationKey& key, const std::vector<Payer>& payers);

}  // namespace sam
