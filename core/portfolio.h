// One party across all the collaborations it is in: what it pays in a year in each, what it
// gives in kind, which decisions it still owes and by when, and the conditions it set.
// Answers the social services director's question over several workspaces at once.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include "doc.h"
#include "costs.h"
#include "i18n.h"
#include "model.h"

namespace sam {

// How a workspace's party was found to be the one asked about.
enum class PartyMatch { None, OrgNumber, Name, SimilarName };

struct PortfolioPending {
    std::string matter_id, matter;   // id and title
    std::string deadline;            // "" when the matter has none
    std::string send_by;             // latest day to send the proposal out ("" when not planned)
    bool late = false;               // the deadline has passed
};

struct PortfolioCondition {
    std::string matter, conditions;
};

struct PortfolioWorkspace {
    size_t index = 0;                // position among the workspaces given
    std::string name;                // the workspace's name
    std::string party_id;            // the party in that workspace ("" when not found)
    PartyMatch match = PartyMatch::None;
    bool Uncertain() const { return match == PartyMatch::SimilarName; }
    int64_t amount_kr = 0;           // paid in money in the year (share less in kind against it)
    int64_t share_kr = 0;            // its share by the key, before in kind
    int64_t in_kind_kr = 0;          // the value of what it gives in kind in the year
    std::map<int, int64_t> per_year; // paid in money, every year of the workspace's budget
    std::vector<PortfolioPending> pending;      // by deadline, undated last
    std::vector<PortfolioCondition> conditions;
};

struct Portfolio {
    std::string party;               // the name asked for, as the first match spells it
    std::string org_number;          // when a match has one
    int year = 0;
    std::vector<PortfolioWorkspace> workspaces;   // those the party is in, in the order given
    std::vector<std::string> not_in;              // names of the workspaces it is not in
    int64_t total_kr = 0;            // sum of amount_kr
    int64_t in_kind_total_kr = 0;
    bool Found() const { return !workspaces.empty(); }
};

// One party in one workspace: what it pays, gives in kind and still owes (match and index
// left for the caller). The overview's "what does my party pay" and each portfolio line.
PortfolioWorkspace PartyInWorkspace(const Workspace& ws, const std::string& party_id, int year, const std::string& today);
// The same from the workspace's budget, already computed (the apps keep one).
PortfolioWorkspace PartyInWorkspace(const Workspace& ws, const Budget& b, const std::string& party_id, int year, const std::string& today);

// `party`: a name (matched with Swedish case folding) or an organisation number. A party
// is matched by organisation number when both sides have one, else by name; a name that
// matches only without "kommun", "region" or the like is an uncertain match.
// `today` (YYYY-MM-DD) decides what is late and the planning.
Portfolio ComputePortfolio(const std::string& party, int year, const std::vector<const Workspace*>& workspaces,
                           const std::string& today);

// Normalised forms used for matching (exposed for the tests).
std::string OrgNumberDigits(std::string_view org);    // "212000-2411" -> "2120002411"
std::string CoreName(std::string_view name);          // "Kramfors kommun" -> "kramfors"


// Every pending decision across the workspaces, by deadline (undated last): what the
// committee still owes, and by when.
struct PortfolioDue {
    const PortfolioPending* pending;
    size_t line;                       // index into Portfolio::workspaces
};
std::vector<PortfolioDue> PendingInOrder(const Portfolio& p);
std::string DeadlineText(const PortfolioPending& x, Lang lang);   // "2022-12-09 (passerad)", "–"

// The portfolio as the director reads it: Markdown or an accessible HTML page (a table of
// what the party pays per workspace, then its pending decisions in date order).
std::string PortfolioDocument(const Portfolio& p, ReportFormat format, Lang lang);
// The pinned JSON: {"party", "year", "workspaces": [{"name", "amount_kr", "in_kind_kr",
// "pending": [{"matter", "deadline", "send_by"}]}], "total_kr"}.
json PortfolioJson(const Portfolio& p);
// The pinned JSON and what an app needs beyond it to draw the portfolio: per workspace
// "share_kr", "per_year", "conditions", "uncertain", per pending decision "late"; "not_in",
// "in_kind_total_kr" and "org_number". PortfolioFromJson reads it back (false: not a portfolio).
json PortfolioJsonFull(const Portfolio& p);
bool PortfolioFromJson(const json& j, Portfolio& out);
// CSV for Excel (BOM, semicolons): one row per workspace and year.
std::string PortfolioCsv(const Portfolio& p, Lang lang);

}  // namespace sam
