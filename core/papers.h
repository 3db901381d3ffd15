// Texts officials file with their committees: the "beslutsunderlag" (cost per party,
// adoption status, what happens if some parties decline) and one party's annex.
#pragma once
#include <string>
#include "doc.h"
#include "i18n.h"
#include "model.h"

namespace sam {

struct PaperResult {
    bool ok = false;
    std::string error, error_sv;   // e.g. an unknown party id
    std::string text;
};

// Markdown, ready to paste into a tjänsteskrivelse. as_of: YYYY-MM-DD for what is late.
PaperResult DecisionPaper(const Workspace& ws, Lang lang, const std::string& as_of);

// For one party (id or name): its share per year, the decisions it still has to make
// (with the latest day to send the proposal out), and what declining would mean.
// Markdown or HTML.
PaperResult PartyAnnex(const Workspace& ws, const std::string& party, ReportFormat format, Lang lang, const std::string& as_of);

}  // namespace sam
