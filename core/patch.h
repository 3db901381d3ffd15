// The one edit path: every change to a workspace is a JSON Patch (RFC 6902),
// applied whole or not at all, answered with its inverse for Undo.
#pragma once
#include <string>
#include <vector>
#include "model.h"
#include "problem.h"

namespace sam {

struct PatchResult {
    bool ok = false;
    std::vector<Problem> problems;   // why it was rejected (errors with paths)
    json inverse;                    // applying it undoes the patch exactly
    json forward;                    // the change as saved forms see it (defaults filled in):
                                     // applied to the saved JSON before, it gives the saved JSON after
};

// Applies `patch` to `ws`. On any error (malformed patch, a path that does not
// exist, a value that breaks a rule) nothing changes. Only the entities the patch
// touches are serialized and re-read, so a one-field edit is cheap in a large workspace.
PatchResult ApplyPatch(Workspace& ws, const json& patch);

// Convenience builders for the UI and tests.
json OpReplace(const std::string& path, json value);
json OpAdd(const std::string& path, json value);
json OpRemove(const std::string& path);
// Escapes one JSON Pointer token ("a/b" -> "a~1b").
std::string PointerToken(std::string_view s);

// A short human summary of a patch ("ersätt /matters/x/decisions/y/status"), for history.
std::string SummarizePatch(const json& patch);

}  // namespace sam
