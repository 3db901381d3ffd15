// What changed between two versions of a workspace, as a JSON Patch on the saved form:
// entities compared field by field in the model (cheap where nothing changed), and only
// the changed ones written out and compared as JSON. For a national workspace this takes
// milliseconds where diffing the two saved forms takes seconds.
#pragma once
#include "model.h"

namespace sam {

// A patch that turns `from` into `to` (saved form): added and removed entities whole,
// a changed entity's fields one by one, the root's fields likewise.
json DiffWorkspaces(const Workspace& from, const Workspace& to);

}  // namespace sam
