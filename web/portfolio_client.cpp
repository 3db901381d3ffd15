// The web app opened with a portfolio link (#p=ID&t=TOKEN): the Portfölj view, fetched from
// the server, and fetched again when one of its workspaces changes or another year is chosen.
// The token opens only the portfolio: no workspace is opened or kept in this browser. A line
// leads into its workspace, in a tab of its own, where the portfolio carries a view link for it
// (made by the admin with the portfolio, ended with it).
#include <emscripten.h>
#include <algorithm>
#include <cstdlib>
#include <string>
#include "json_scan.h"
#include "web.h"

namespace web {

namespace {

Web* g_portfolio = nullptr;
std::string g_id, g_token;
int g_year = 0;   // 0: the portfolio's own year
std::vector<std::string> g_open;   // per line: "#w=ID&t=TOKEN", or "" when it leads nowhere

EM_JS(void, js_portfolio_fetch, (const char* id, const char* token, int year), {
    const url = '/api/portfolios/' + encodeURIComponent(UTF8ToString(id)) + (year ? '?year=' + year : '');
    fetch(url, {headers: {'Authorization': 'Bearer ' + UTF8ToString(token), 'Accept': 'application/json'}})
        .then(r => r.text().then(body => Module.callText('samverkan_portfolio', null, ['number', 'string'], [r.status, body])))
        .catch(() => Module.callText('samverkan_portfolio', null, ['number', 'string'], [0, '']));
});

// A change in one of its workspaces: fetched again. The stream ends when the link is removed.
EM_JS(void, js_portfolio_follow, (const char* id, const char* token), {
    const url = '/api/portfolios/' + encodeURIComponent(UTF8ToString(id)) + '/events?access_token=' + encodeURIComponent(UTF8ToString(token));
    const es = new EventSource(url);
    window.samverkanPortfolioStream = es;
    es.addEventListener('changed', () => Module.ccall('samverkan_portfolio_changed', null, [], []));
    es.onerror = () => Module.ccall('samverkan_portfolio_changed', null, [], []);
});

EM_JS(void, js_open_tab, (const char* fragment), {
    window.open(location.origin + '/' + UTF8ToString(fragment), '_blank', 'noopener');
});

// The years to choose among: from the first to the last any workspace has, and the one shown.
std::vector<int> Years(const sam::Portfolio& p) {
    int first = p.year, last = p.year;
    for (auto& w : p.workspaces)
        for (auto& [y, kr] : w.per_year) { first = std::min(first, y); last = std::max(last, y); }
    std::vector<int> out;
    for (int y = first; y <= last && out.size() < 60; ++y) out.push_back(y);
    return out;
}

void Fetch() { js_portfolio_fetch(g_id.c_str(), g_token.c_str(), g_year); }

}  // namespace

void InstallPortfolio(Web& w) {
    g_portfolio = &w;
    w.app.platform.portfolio_year = [](int year) { g_year = year; Fetch(); };
    w.app.platform.portfolio_open = [](size_t line) {
        if (line < g_open.size() && !g_open[line].empty()) js_open_tab(g_open[line].c_str());
    };
}

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE void samverkan_portfolio_link(const char* id, const char* token) {
    using namespace web;
    if (!g_portfolio) return;
    g_id = id;
    g_token = token;
    g_portfolio->app.status = sam::Tr(g_portfolio->app.lang, "ui.portfolio_loading");
    Fetch();
    js_portfolio_follow(id, token);
}

EMSCRIPTEN_KEEPALIVE void samverkan_portfolio_changed() {
    if (web::g_portfolio && !web::g_id.empty()) web::Fetch();
}

EMSCRIPTEN_KEEPALIVE void samverkan_portfolio(int status, const char* body) {
    using namespace web;
    if (!g_portfolio) return;
    ui::App& app = g_portfolio->app;
    sam::Portfolio p;
    sam::json j = status == 200 ? sam::ReadJson(body) : sam::json();
    if (status != 200 || !sam::PortfolioFromJson(j, p)) {
        // Said in the status bar; what was shown stays (an old figure is marked, not dropped).
        app.status = sam::Tr(app.lang, status == 401 || status == 404 ? "ui.portfolio_gone" : "ui.portfolio_unreachable");
        app.sync_text = sam::Tr(app.lang, "ui.portfolio_stale");
        MarkDirty(*g_portfolio);
        return;
    }
    bool first = !app.portfolio.open;
    app.portfolio.open = true;
    app.portfolio.result = std::move(p);
    app.portfolio.years = Years(app.portfolio.result);
    g_open.assign(app.portfolio.result.workspaces.size(), "");
    app.portfolio.opens.assign(g_open.size(), false);
    for (size_t i = 0; i < g_open.size() && i < j["workspaces"].size(); ++i) {
        const sam::json& open = j["workspaces"][i]["open"];
        if (open.is_string() && open.get_ref<const std::string&>().rfind("#w=", 0) == 0) {
            g_open[i] = open.get<std::string>();
            app.portfolio.opens[i] = true;
        }
    }
    if (first) {
        app.view = ui::View::Portfolio;
        app.status.clear();
    }
    app.sync_text = sam::Tr(app.lang, "ui.portfolio_live");
    EM_ASM({ const s = window.samverkan || (window.samverkan = {}); s.source = 'portfolio'; s.name = UTF8ToString($0); s.portfolioYear = $1; },
           app.portfolio.result.party.c_str(), app.portfolio.result.year);
    MarkDirty(*g_portfolio);
}

}  // extern "C"
