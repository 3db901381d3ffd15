// Migration of older workspace files to the current schema version.
#pragma once
#include <vector>
#include "model.h"
#include "problem.h"

namespace sam {

// Brings `j` to kSchemaVersion in place. Returns the version it had when older
// (0 when already current or unreadable). A newer or unknown version is an error.
int Migrate(json& j, std::vector<Problem>& out);

// Version 1 kept collections as arrays of objects with an "id" (decisions with a
// "party"); version 2 keys them by id so that JSON Patch paths stay stable.
void MigrateV1ToV2(json& j);

}  // namespace sam
