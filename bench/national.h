// A generated national-scale workspace for benchmarks: 21 regions, 290 municipalities,
// 1 000 bodies, 2 000 matters with a decision per party, 500 cost items over 10 years.
#pragma once
#include "model.h"

namespace bench {

sam::Workspace NationalWorkspace(unsigned seed = 2026);

}  // namespace bench
