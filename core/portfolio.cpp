#include "portfolio.h"

#include <algorithm>
#include "costs.h"
#include "decisions.h"
#include "planning.h"
#include "search.h"

namespace sam {

std::string OrgNumberDigits(std::string_view org) {
    std::string d;
    for (char c : org) if (c >= '0' && c <= '9') d += c;
    return d;
}

std::string CoreName(std::string_view name) {
    std::string s = FoldCase(name);
    // Words that say what kind of body it is, not which one.
    for (const char* w : {" kommuns", " kommun", "region ", " region", " landsting", "landstinget ", " län", "länsstyrelsen i "}) {
        size_t at = s.find(w);
        if (at != std::string::npos) s.erase(at, std::string_view(w).size());
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

namespace {

struct Wanted {
    std::string name;      // folded
    std::string core;      // CoreName
    std::string org;       // digits, "" when unknown
};

PartyMatch MatchOf(const Party& p, const Wanted& w) {
    std::string org = OrgNumberDigits(p.org_number);
    if (!org.empty() && !w.org.empty()) return org == w.org ? PartyMatch::OrgNumber : PartyMatch::None;
    if (FoldCase(p.name) == w.name) return PartyMatch::Name;
    if (!w.core.empty() && CoreName(p.name) == w.core) return PartyMatch::SimilarName;
    return PartyMatch::None;
}

// The best match in a workspace: by org number, then exact name, then similar name.
std::pair<std::string, PartyMatch> FindParty(const Workspace& ws, const Wanted& w) {
    std::pair<std::string, PartyMatch> best{"", PartyMatch::None};
    auto rank = [](PartyMatch m) { return m == PartyMatch::OrgNumber ? 3 : m == PartyMatch::Name ? 2 : m == PartyMatch::SimilarName ? 1 : 0; };
    for (auto& [id, p] : ws.parties) {
        PartyMatch m = MatchOf(p, w);
        if (rank(m) > rank(best.second)) best = {id, m};
    }
    return best;
}

void AddPending(const Workspace& ws, const std::string& pid, const std::string& today, PortfolioWorkspace& e) {
    for (auto& [mid, m] : ws.matters) {
        auto d = m.decisions.find(pid);
        if (d == m.decisions.end()) continue;
        if (d->second.status == DecisionStatus::AdoptedWithConditions && !d->second.conditions.empty())
            e.conditions.push_back({m.title, d->second.conditions});
        if (d->second.status != DecisionStatus::Pending) continue;
        PortfolioPending p{mid, m.title, m.deadline, "", !m.deadline.empty() && m.deadline < today};
        for (const PlanRow& r : PlanMatter(ws, m, today))
            if (r.party == pid) p.send_by = r.send_by;
        e.pending.push_back(std::move(p));
    }
    std::stable_sort(e.pending.begin(), e.pending.end(), [](const PortfolioPending& a, const PortfolioPending& b) {
        if (a.deadline.empty() != b.deadline.empty()) return b.deadline.empty();
        return a.deadline < b.deadline;
    });
}

}  // namespace

PortfolioWorkspace PartyInWorkspace(const Workspace& ws, const std::string& party_id, int year, const std::string& today) {
    return PartyInWorkspace(ws, ComputeBudget(ws), party_id, year, today);
}

PortfolioWorkspace PartyInWorkspace(const Workspace& ws, const Budget& b, const std::string& party_id, int year, const std::string& today) {
    PortfolioWorkspace e;
    e.name = ws.name;
    e.party_id = party_id;
    e.share_kr = b.PartyAt(party_id, year);
    e.in_kind_kr = b.InKindAt(party_id, year);
    e.amount_kr = b.CashAt(party_id, year);
    for (int y = b.first_year; y <= b.last_year; ++y) e.per_year[y] = b.CashAt(party_id, y);
    AddPending(ws, party_id, today, e);
    return e;
}

Portfolio ComputePortfolio(const std::string& party, int year, const std::vector<const Workspace*>& workspaces,
                           const std::string& today) {
    Portfolio out;
    out.year = year;
    Wanted w;
    std::string digits = OrgNumberDigits(party);
    bool is_org = digits.size() == 10 && party.find_first_not_of("0123456789- ") == std::string::npos;
    if (is_org) w.org = digits;
    else { w.name = FoldCase(party); w.core = CoreName(party); }
    // Asked by name: the first exact match lends its org number to the rest, so that two
    // parties of the same name but different numbers are told apart.
    if (!is_org)
        for (const Workspace* ws : workspaces)
            for (auto& [id, p] : ws->parties)
                if (w.org.empty() && FoldCase(p.name) == w.name && !p.org_number.empty()) w.org = OrgNumberDigits(p.org_number);
    for (size_t i = 0; i < workspaces.size(); ++i) {
        const Workspace& ws = *workspaces[i];
        auto [pid, match] = FindParty(ws, w);
        if (match == PartyMatch::None) { out.not_in.push_back(ws.name); continue; }
        const Party& p = ws.parties.at(pid);
        if (out.party.empty()) out.party = is_org ? p.name : (match == PartyMatch::SimilarName ? party : p.name);
        if (out.org_number.empty()) out.org_number = p.org_number;
        PortfolioWorkspace e = PartyInWorkspace(ws, pid, year, today);
        e.index = i;
        e.match = match;
        out.total_kr += e.amount_kr;
        out.in_kind_total_kr += e.in_kind_kr;
        out.workspaces.push_back(std::move(e));
    }
    if (out.party.empty()) out.party = party;
    return out;
}

}  // namespace sam

#include "csv.h"
#include "format.h"
#include "json_scan.h"

namespace sam {

namespace {
std::string Tx(Lang l, const char* key) { return std::string(Tr(l, key)); }
}  // namespace

std::vector<PortfolioDue> PendingInOrder(const Portfolio& p) {
    std::vector<PortfolioDue> out;
    for (size_t i = 0; i < p.workspaces.size(); ++i)
        for (auto& x : p.workspaces[i].pending) out.push_back({&x, i});
    std::stable_sort(out.begin(), out.end(), [](const PortfolioDue& a, const PortfolioDue& b) {
        if (a.pending->deadline.empty() != b.pending->deadline.empty()) return b.pending->deadline.empty();
        return a.pending->deadline < b.pending->deadline;
    });
    return out;
}

std::string DeadlineText(const PortfolioPending& x, Lang l) {
    if (x.deadline.empty()) return "–";
    return x.late ? x.deadline + " (" + Tx(l, "portfolio.late") + ")" : x.deadline;
}

std::string PortfolioDocument(const Portfolio& p, ReportFormat format, Lang l) {
    Doc d{format, ""};
    std::string title = TrF(l, "portfolio.title", {p.party, std::to_string(p.year)});
    if (format == ReportFormat::Html) d.out = HtmlBegin(l == Lang::En ? "en" : "sv", title);
    d.Heading(1, title);
    d.Para(TrF(l, "portfolio.total", {FormatKr(p.total_kr), std::to_string(p.workspaces.size()), std::to_string(p.year)}) +
           (p.in_kind_total_kr ? " " + TrF(l, "portfolio.in_kind_total", {FormatKr(p.in_kind_total_kr)}) : ""));
    Table t{{Tx(l, "portfolio.workspace"), TrF(l, "portfolio.share", {std::to_string(p.year)}), Tx(l, "ui.in_kind"), Tx(l, "ui.in_money")},
            {false, true, true, true}, {}};
    std::vector<std::string> notes;
    for (auto& w : p.workspaces) {
        t.rows.push_back({w.name + (w.Uncertain() ? " *" : ""), FormatKr(w.share_kr), w.in_kind_kr ? FormatKr(w.in_kind_kr) : "–", FormatKr(w.amount_kr)});
        if (w.Uncertain()) notes.push_back(TrF(l, "portfolio.uncertain", {w.name}));
    }
    int64_t share = 0;
    for (auto& w : p.workspaces) share += w.share_kr;
    t.rows.push_back({Tx(l, "ui.total"), FormatKr(share), p.in_kind_total_kr ? FormatKr(p.in_kind_total_kr) : "–", FormatKr(p.total_kr)});
    d.Emit(t, TrF(l, "portfolio.costs_caption", {std::to_string(p.year)}));
    d.List(notes);
    std::vector<PortfolioDue> due = PendingInOrder(p);
    d.Heading(2, Tx(l, "portfolio.pending"));
    if (due.empty()) d.Para(Tx(l, "portfolio.none_pending"));
    else {
        Table pt{{Tx(l, "ui.matter"), Tx(l, "portfolio.workspace"), Tx(l, "ui.deadline"), Tx(l, "ui.send_by")}, {false, false, false, false}, {}};
        for (auto& r : due)
            pt.rows.push_back({r.pending->matter, p.workspaces[r.line].name, DeadlineText(*r.pending, l), r.pending->send_by.empty() ? "–" : r.pending->send_by});
        d.Emit(pt, Tx(l, "portfolio.pending"));
    }
    std::vector<std::string> conditions;
    for (auto& w : p.workspaces)
        for (auto& c : w.conditions) conditions.push_back(w.name + ": " + c.matter + ": " + c.conditions);
    if (!conditions.empty()) {
        d.Heading(2, Tx(l, "portfolio.conditions"));
        d.List(conditions);
    }
    if (!p.not_in.empty()) {
        std::string names;
        for (auto& n : p.not_in) names += (names.empty() ? "" : ", ") + n;
        d.Para(TrF(l, "portfolio.not_in", {names}));
    }
    if (format == ReportFormat::Html) d.out += HtmlEnd();
    return d.out;
}

json PortfolioJson(const Portfolio& p) {
    json ws = json::array();
    for (auto& w : p.workspaces) {
        json pending = json::array();
        for (auto& x : w.pending) pending.push_back({{"matter", x.matter}, {"deadline", x.deadline}, {"send_by", x.send_by}});
        ws.push_back({{"name", w.name}, {"amount_kr", w.amount_kr}, {"in_kind_kr", w.in_kind_kr}, {"pending", pending}});
    }
    return {{"party", p.party}, {"year", p.year}, {"workspaces", ws}, {"total_kr", p.total_kr}};
}

json PortfolioJsonFull(const Portfolio& p) {
    json j = PortfolioJson(p);
    for (size_t i = 0; i < p.workspaces.size(); ++i) {
        const PortfolioWorkspace& w = p.workspaces[i];
        json& o = j["workspaces"][i];
        o["share_kr"] = w.share_kr;
        o["uncertain"] = w.Uncertain();
        o["per_year"] = json::object();
        for (auto& [y, kr] : w.per_year) o["per_year"][std::to_string(y)] = kr;
        o["conditions"] = json::array();
        for (auto& c : w.conditions) o["conditions"].push_back({{"matter", c.matter}, {"conditions", c.conditions}});
        for (size_t k = 0; k < w.pending.size(); ++k) o["pending"][k]["late"] = w.pending[k].late;
    }
    j["not_in"] = p.not_in;
    j["in_kind_total_kr"] = p.in_kind_total_kr;
    j["org_number"] = p.org_number;
    return j;
}

bool PortfolioFromJson(const json& j, Portfolio& out) {
    out = Portfolio{};
    if (!j.is_object() || !j.contains("workspaces") || !j["workspaces"].is_array()) return false;
    out.party = TextOf(j, "party");
    out.org_number = TextOf(j, "org_number");
    out.year = (int)IntOf(j, "year", 0);
    out.total_kr = IntOf(j, "total_kr", 0);
    out.in_kind_total_kr = IntOf(j, "in_kind_total_kr", 0);
    if (j.contains("not_in") && j["not_in"].is_array())
        for (auto& n : j["not_in"]) if (n.is_string()) out.not_in.push_back(n.get<std::string>());
    for (auto& o : j["workspaces"]) {
        if (!o.is_object()) return false;
        PortfolioWorkspace w;
        w.index = out.workspaces.size();
        w.name = TextOf(o, "name");
        w.amount_kr = IntOf(o, "amount_kr", 0);
        w.in_kind_kr = IntOf(o, "in_kind_kr", 0);
        w.share_kr = IntOf(o, "share_kr", w.amount_kr);
        w.match = BoolOf(o, "uncertain", false) ? PartyMatch::SimilarName : PartyMatch::Name;
        if (o.contains("per_year") && o["per_year"].is_object())
            for (auto& [y, kr] : o["per_year"].items())
                if (kr.is_number_integer()) w.per_year[std::atoi(y.c_str())] = kr.get<int64_t>();
        if (o.contains("pending") && o["pending"].is_array())
            for (auto& x : o["pending"])
                w.pending.push_back({"", TextOf(x, "matter"), TextOf(x, "deadline"), TextOf(x, "send_by"), BoolOf(x, "late", false)});
        if (o.contains("conditions") && o["conditions"].is_array())
            for (auto& c : o["conditions"]) w.conditions.push_back({TextOf(c, "matter"), TextOf(c, "conditions")});
        out.workspaces.push_back(std::move(w));
    }
    return true;
}

std::string PortfolioCsv(const Portfolio& p, Lang l) {
    std::string out = "\xEF\xBB\xBF";
    out += CsvField(Tx(l, "portfolio.workspace")) + ";" + CsvField(Tx(l, "ui.year")) + ";" + CsvField(Tx(l, "portfolio.amount_kr")) + "\r\n";
    for (auto& w : p.workspaces)
        for (auto& [y, kr] : w.per_year) out += CsvField(w.name) + ";" + std::to_string(y) + ";" + std::to_string(kr) + "\r\n";
    return out;
}

}  // namespace sam
