// The desktop's portfolio: several workspace files opened together (`samverkan a.json
// b.json …`) give the Portfölj view for one party across them; a line opens its file.
#pragma once
#include <string>
#include <vector>
#include "app.h"
#include "desktop.h"

namespace native {

struct DesktopPortfolio {
    std::vector<std::string> paths;
    std::vector<sam::Workspace> workspaces;   // as read, or as edited when the file is open
    std::string party;
    int year = 0;
    uint64_t seen_revision = 0;               // of the open document, when last computed
};

// Reads every file (a file that does not load is an error naming it) and shows the portfolio
// of `party` ("" : the party in most files) for `year` (0: this year).
bool OpenPortfolio(DesktopPortfolio& p, Desktop& d, ui::App& app, const std::vector<std::string>& paths, const std::string& party,
                   int year, std::string& error);
// Each frame: an edit to the open file shows in the portfolio too.
void PortfolioFrame(DesktopPortfolio& p, ui::App& app);

}  // namespace native
