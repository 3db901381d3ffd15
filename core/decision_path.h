// A party's decision path: the bodies a joint matter passes through in that party (working
// committee, committee, executive board, council), each step with its meeting and outcome.
// The party's status follows from its steps; a decision without steps works as before.
#pragma once
#include <string>
#include <vector>
#include "i18n.h"
#include "model.h"

namespace sam {

// The path a party's matters take: its own, else the workspace's default (may be empty).
const std::vector<std::string>& PathOf(const Workspace& ws, const std::string& party_id);

// The status the steps give: the last step with an outcome decides (adopted, with
// conditions, declined, paused); prepared, recommended onward or returned is still pending.
DecisionStatus StatusFromSteps(const std::vector<DecisionStep>& steps);
// The step that decided (adopted, with conditions, declined, paused), or -1.
int DecidingStep(const std::vector<DecisionStep>& steps);
// The last step with an outcome (-1: none yet) and the first step after it that has none (-1: none).
struct PathPlace {
    int done = -1;
    int next = -1;
};
PathPlace PlaceOf(const std::vector<DecisionStep>& steps);

// Short names for the marker: "Socialnämnden" -> "SN", "Kommunstyrelsen" -> "KS".
std::string BodyAbbreviation(const std::string& body);
// Where the matter is, small: "AU 16/3 → SN 30/3 → KS" up to the next step ("" without steps).
std::string StepMarker(const std::vector<DecisionStep>& steps);
// A whole path, small: "SNAU → SN → KS".
std::string PathMarker(const std::vector<std::string>& path);
// Where the matter is, in words: "Rekommenderat vidare av Socialnämnden 2023-03-30; nästa:
// Kommunstyrelsen" ("" without steps).
std::string WhereText(const std::vector<DecisionStep>& steps, Lang lang);

// Pending steps for each body of a path (what "Lägg till beslutsgång" starts from).
std::vector<DecisionStep> StepsFromPath(const std::vector<std::string>& path);
// The patch that gives a party's decision these steps, with its status, date and body as
// the steps say (one Undo step).
json SetStepsPatch(const std::string& matter_id, const std::string& party_id, const Decision& d,
                   const std::vector<DecisionStep>& steps);

}  // namespace sam
