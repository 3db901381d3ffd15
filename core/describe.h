// What a change did, in words, for the history ("Kramfors: Ej beslutat → Antaget med
// villkor", "Ny kostnadspost Utbildning 150 000 kr/år"). A patch is described against the
// workspace it was applied to, so that names and old values can be read from it.
#pragma once
#include <string>
#include <vector>
#include "i18n.h"
#include "model.h"

namespace sam {

// One sentence per operation, in patch order. Operations that only test are left out.
std::vector<std::string> DescribePatch(const Workspace& before, const json& patch, Lang lang);

// The history's one line: the first `max_lines` sentences joined with "; ", and how many
// more there are ("… och 4 ändringar till"). Empty for an empty patch.
std::string DescribePatchLine(const Workspace& before, const json& patch, Lang lang, size_t max_lines = 3);

// The server keeps both languages in one stored summary; the reader takes its own.
std::string SummaryBothLanguages(const Workspace& before, const json& patch);
// The summary of a restore, and the stored summary in one language ("created" and older
// rows, written before summaries had words, are read as they are).
std::string RestoredSummary(int64_t revision);
std::string SummaryIn(const std::string& stored, Lang lang);

}  // namespace sam
