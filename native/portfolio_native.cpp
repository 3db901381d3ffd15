#include "portfolio_native.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include "files.h"
#include "format.h"
#include "json_io.h"
#include "search.h"

namespace native {

namespace {

void Compute(DesktopPortfolio& p, ui::App& app) {
    std::vector<const sam::Workspace*> ws;
    for (auto& w : p.workspaces) ws.push_back(&w);
    app.portfolio.result = sam::ComputePortfolio(p.party, p.year, ws, app.today);
    app.portfolio.opens.assign(app.portfolio.result.workspaces.size(), true);   // every file opens
    p.seen_revision = app.doc.revision;
}

// Every party name across the files, in Swedish order; the one in most files first chosen.
std::vector<std::string> PartyNames(const DesktopPortfolio& p, std::string& most) {
    std::map<std::string, std::pair<std::string, int>> by_fold;   // folded name -> (name, files)
    for (auto& w : p.workspaces) {
        std::map<std::string, bool> here;
        for (auto& [id, party] : w.parties) here[sam::FoldCase(party.name)] = true;
        for (auto& [fold, yes] : here) by_fold[fold].second++;
        for (auto& [id, party] : w.parties) if (by_fold[sam::FoldCase(party.name)].first.empty()) by_fold[sam::FoldCase(party.name)].first = party.name;
    }
    std::vector<std::string> names;
    for (auto& [fold, v] : by_fold) names.push_back(v.first);
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return sam::CompareSwedish(a, b) < 0; });
    int best = 0;
    for (auto& n : names) {
        int files = by_fold[sam::FoldCase(n)].second;
        if (files > best) { best = files; most = n; }
    }
    return names;
}

std::vector<int> Years(const DesktopPortfolio& p, int now) {
    std::vector<int> years{now};
    for (auto& w : p.workspaces) {
        sam::Budget b = sam::ComputeBudget(w);
        for (int y = b.first_year; y <= b.last_year; ++y) years.push_back(y);
    }
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

}  // namespace

bool OpenPortfolio(DesktopPortfolio& p, Desktop& d, ui::App& app, const std::vector<std::string>& paths, const std::string& party,
                   int year, std::string& error) {
    p = DesktopPortfolio{};
    for (auto& path : paths) {
        std::string text;
        if (!ReadFile(path, text, &error)) { error = path + ": " + error; return false; }
        sam::LoadResult r = sam::LoadWorkspace(text);
        if (!r.ok) {
            const sam::Problem& first = r.problems[0];
            error = path + ": " + (first.path.empty() ? "" : first.path + ": ") + first.Message(app.lang);
            return false;
        }
        p.paths.push_back(path);
        p.workspaces.push_back(std::move(r.workspace));
    }
    std::string most;
    app.portfolio.parties = PartyNames(p, most);
    p.party = party.empty() ? most : party;
    p.year = year ? year : std::atoi(app.today.substr(0, 4).c_str());
    app.portfolio.years = Years(p, std::atoi(app.today.substr(0, 4).c_str()));
    app.portfolio.open = true;
    if (!OpenPath(d, app, paths.front())) { error = paths.front() + ": " + app.status; return false; }
    Compute(p, app);
    if (!app.portfolio.result.Found()) { error = "no party \"" + p.party + "\" in any of the files"; return false; }
    app.view = ui::View::Portfolio;
    app.platform.portfolio_party = [&p, &app](const std::string& name) { p.party = name; Compute(p, app); };
    app.platform.portfolio_year = [&p, &app](int y) { p.year = y; Compute(p, app); };
    app.platform.portfolio_open = [&p, &d, &app](size_t line) {
        if (line >= app.portfolio.result.workspaces.size()) return;
        const std::string& path = p.paths[app.portfolio.result.workspaces[line].index];
        if (OpenPath(d, app, path)) app.view = ui::View::Overview;
    };
    return true;
}

void PortfolioFrame(DesktopPortfolio& p, ui::App& app) {
    if (!app.portfolio.open || !app.doc.open || app.doc.revision == p.seen_revision) return;
    for (size_t i = 0; i < p.paths.size(); ++i)
        if (p.paths[i] == app.doc.source) p.workspaces[i] = app.doc.ws;
    Compute(p, app);
}

}  // namespace native
