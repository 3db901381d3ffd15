// Deleting a party or a body, and everything that refers to it, as one patch: one Undo
// step, and nothing left pointing at what is gone. The web, desktop, CLI and server all
// delete through these.
#pragma once
#include <string>
#include "model.h"

namespace sam {

// The party, its decisions, its place among the payers (the workspace's, each item's and
// each scenario's), its key shares, its members in every body, the bodies that belong to
// it (as DeleteBodyPatch does), and its own group count in repeated bodies.
json DeletePartyPatch(const Workspace& ws, const std::string& party_id);

// The body; its child bodies move up to its parent; cost items and matters stop referring to it.
json DeleteBodyPatch(const Workspace& ws, const std::string& body_id);

// The matter; cost items stop counting it as their project, and its slides go.
json DeleteMatterPatch(const Workspace& ws, const std::string& matter_id);

// The focus area, and its tag on every body, matter and cost item.
json DeleteFocusAreaPatch(const Workspace& ws, const std::string& focus_id);

// Whether anything in `ws` still refers to the party or body (for the tests and the checks).
bool RefersToParty(const Workspace& ws, const std::string& party_id);
bool RefersToBody(const Workspace& ws, const std::string& body_id);

}  // namespace sam
