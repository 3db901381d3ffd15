#include "papers.h"

#include "report.h"

#include <algorithm>
#include "costs.h"
#include "decision_path.h"
#include "decisions.h"
#include "format.h"
#include "planning.h"

namespace sam {

namespace {

std::string Tx(Lang l, const char* key) { return std::string(Tr(l, key)); }

std::string Name(const Workspace& ws, const std::string& id) {
    auto it = ws.parties.find(id);
    return it == ws.parties.end() ? id : it->second.name;
}

std::string Names(const Workspace& ws, std::vector<std::string> ids) {
    SortPartiesSwedish(ws, ids);
    std::string s;
    for (auto& id : ids) s += (s.empty() ? "" : ", ") + Name(ws, id);
    return s;
}

std::string Signed(int64_t kr) { return (kr > 0 ? "+" : "") + FormatKr(kr); }
std::string SignedPercent(double p) { return (p > 0 ? "+" : "") + FormatPercent(p); }

std::string KeyText(const AllocationKey& k, Lang l) {
    std::string key(TrEnum(l, "key_kind", ToString(k.kind)));
    if (k.kind == KeyKind::RegionSplit) key += " (" + FormatPercent(k.region_percent) + ")";
    if (k.kind == KeyKind::BasePlusPerCapita) key += " (" + FormatKr(k.base_fee) + ")";
    return key;
}

// Base against a scenario for one year, as a table of every party.
void ComparisonTable(Doc& d, const Workspace& ws, const Budget& base, const Scenario& s, int year, const std::string& caption,
                     const std::string& column, Lang l) {
    Budget sb = ComputeBudget(ws, &s);
    Comparison c = Compare(ws, base, sb, year);
    Table t{{Tx(l, "ui.party"), Tx(l, "ui.base"), column, Tx(l, "ui.difference"), Tx(l, "report.diff_percent")},
            {false, true, true, true, true}, {}};
    for (auto& r : c.rows)
        t.rows.push_back({Name(ws, r.party), r.in_base ? FormatKr(r.base) : "–", r.in_scenario ? FormatKr(r.scenario) : "–",
                          Signed(r.diff), r.base ? SignedPercent(r.diff_percent) : "–"});
    t.rows.push_back({Tx(l, "ui.total"), FormatKr(c.base_total), FormatKr(c.scenario_total), Signed(c.scenario_total - c.base_total), ""});
    d.Emit(t, caption);
}

// The paying parties whose decision on a matter is one of `statuses`.
std::vector<std::string> PayersWith(const Workspace& ws, const Matter& m, std::initializer_list<DecisionStatus> statuses) {
    std::vector<std::string> payers = Participants(ws);
    std::vector<std::string> out;
    for (auto& [pid, dec] : m.decisions)
        if (std::find(statuses.begin(), statuses.end(), dec.status) != statuses.end() &&
            std::find(payers.begin(), payers.end(), pid) != payers.end())
            out.push_back(pid);
    return out;
}

// "If X decline": base against a budget without them, when someone is left to pay.
void DeclineTable(Doc& d, const Workspace& ws, const Budget& base, const Matter& m, const std::vector<std::string>& out,
                  const char* intro, Lang l) {
    if (base.Years() <= 0 || out.empty() || out.size() >= Participants(ws).size()) return;
    Scenario s;
    s.leave = out;
    std::string without = TrF(l, "paper.without", {Names(ws, out)});
    d.Para(TrF(l, intro, {Names(ws, out), std::to_string(base.first_year)}));
    ComparisonTable(d, ws, base, s, base.first_year, m.title + ": " + without, out.size() <= 2 ? without : Tx(l, "paper.without_them"), l);
}

}  // namespace

PaperResult DecisionPaper(const Workspace& ws, Lang l, const std::string& as_of) {
    PaperResult res;
    Doc d{ReportFormat::Markdown, ""};
    d.Heading(1, Tx(l, "paper.title") + ": " + ws.name);
    d.Para(ws.description);
    if (!as_of.empty()) d.Para(Tx(l, "report.as_of") + " " + as_of + ".");

    Budget base = ComputeBudget(ws);
    if (base.Years() > 0) {
        d.Heading(2, Tx(l, "ui.cost_summary"));
        Table t{{Tx(l, "ui.party")}, {false}, {}};
        for (int y = base.first_year; y <= base.last_year; ++y) { t.head.push_back(std::to_string(y)); t.numeric.push_back(true); }
        t.head.push_back(Tx(l, "ui.share"));
        t.numeric.push_back(true);
        int64_t all = 0;
        for (auto& id : base.parties) all += base.PartyTotal(id);
        for (auto& id : base.parties) {
            std::vector<std::string> row{Name(ws, id)};
            for (int y = base.first_year; y <= base.last_year; ++y) row.push_back(FormatKr(base.PartyAt(id, y)));
            row.push_back(all ? FormatPercent((double)base.PartyTotal(id) * 100.0 / (double)all) : "–");
            t.rows.push_back(row);
        }
        std::vector<std::string> total{Tx(l, "ui.total")};
        for (int y = base.first_year; y <= base.last_year; ++y) total.push_back(FormatKr(base.At(base.net, y)));
        total.push_back(all ? "100 %" : "–");
        t.rows.push_back(total);
        d.Emit(t, Tx(l, "ui.cost_summary"));
        d.Para(Tx(l, "ui.key") + ": " + KeyText(ws.costs.key, l) + ".");
    }

    if (!ws.matters.empty()) {
        d.Heading(2, Tx(l, "paper.adoption"));
        for (auto& [mid, m] : ws.matters) {
            AdoptionSummary s = Summarize(m, as_of);
            std::vector<std::string> by[6];
            for (auto& [pid, dec] : m.decisions) by[(int)dec.status].push_back(pid);
            std::vector<std::string> lines;
            lines.push_back(TrF(l, "ui.adopted_of", {std::to_string(s.adopted), std::to_string(s.concerned)}) +
                            (m.deadline.empty() ? "" : " (" + Tx(l, "ui.deadline") + " " + m.deadline + ")"));
            for (DecisionStatus st : AllValues<DecisionStatus>())
                if (!by[(int)st].empty() && st != DecisionStatus::NotConcerned)
                    lines.push_back(std::string(TrEnum(l, "status", ToString(st))) + ": " + Names(ws, by[(int)st]));
            if (!s.late_parties.empty()) lines.push_back(TrF(l, "ui.late", {Names(ws, s.late_parties)}));
            for (auto& [pid, dec] : m.decisions)
                if (!dec.conditions.empty()) lines.push_back(TrF(l, "paper.condition", {Name(ws, pid), dec.conditions}));
            // Where the matter is in each party with a decision path, and its next step.
            for (auto& [pid, dec] : m.decisions)
                if (!dec.steps.empty() && dec.status == DecisionStatus::Pending)
                    lines.push_back(Name(ws, pid) + ": " + WhereText(dec.steps, l));
            d.Heading(3, m.title);
            d.List(lines);

            // What if those that declined stay out, and what if those that have not decided follow them?
            std::vector<std::string> declined = PayersWith(ws, m, {DecisionStatus::Declined, DecisionStatus::Paused});
            std::vector<std::string> open = PayersWith(ws, m, {DecisionStatus::Declined, DecisionStatus::Paused, DecisionStatus::Pending});
            DeclineTable(d, ws, base, m, declined, "paper.if_decline", l);
            if (open.size() > declined.size()) DeclineTable(d, ws, base, m, open, "paper.if_also_pending", l);
        }
    }

    if (base.Years() > 0 && !ws.scenarios.empty()) {
        d.Heading(2, Tx(l, "ui.scenarios"));
        for (auto& [id, s] : ws.scenarios) {
            d.Heading(3, s.name);
            d.Para(s.description);
            ComparisonTable(d, ws, base, s, base.first_year, s.name + " " + std::to_string(base.first_year), Tx(l, "ui.scenario"), l);
        }
    }
    res.ok = true;
    res.text = std::move(d.out);
    return res;
}

PaperResult PartyAnnex(const Workspace& ws, const std::string& party, ReportFormat format, Lang l, const std::string& as_of) {
    PaperResult res;
    std::string pid;
    for (auto& [id, p] : ws.parties)
        if (id == party || p.name == party) pid = id;
    if (pid.empty()) {
        res.error = "unknown party \"" + party + "\"";
        res.error_sv = "okänd part \"" + party + "\"";
        return res;
    }
    const Party& p = ws.parties.at(pid);
    Doc d{format == ReportFormat::Html ? ReportFormat::Html : ReportFormat::Markdown, ""};
    std::string title = TrF(l, "annex.title", {p.name, ws.name});
    if (d.format == ReportFormat::Html) d.out += HtmlBegin(l == Lang::Sv ? "sv" : "en", title, PrintHeader(ws, as_of, l));
    d.Heading(1, title);
    if (!as_of.empty()) d.Para(Tx(l, "report.as_of") + " " + as_of + ".");

    Budget base = ComputeBudget(ws);
    bool pays = std::find(base.parties.begin(), base.parties.end(), pid) != base.parties.end();
    d.Heading(2, Tx(l, "annex.share"));
    if (!pays || base.Years() <= 0) {
        d.Para(TrF(l, "annex.not_paying", {p.name}));
    } else {
        // With contributions in kind: what the party gives in kind and then pays in money.
        const bool kind = base.in_kind.count(pid) > 0;
        Table t{{Tx(l, "ui.year"), p.name, Tx(l, "ui.total"), Tx(l, "ui.share")}, {false, true, true, true}, {}};
        if (kind) for (const char* k : {"ui.in_kind", "ui.in_money"}) { t.head.push_back(Tx(l, k)); t.numeric.push_back(true); }
        for (int y = base.first_year; y <= base.last_year; ++y) {
            int64_t mine = base.PartyAt(pid, y), all = base.At(base.net, y);
            t.rows.push_back({std::to_string(y), FormatKr(mine), FormatKr(all), all ? FormatPercent((double)mine * 100.0 / (double)all) : "–"});
            if (kind) { t.rows.back().push_back(FormatKr(base.InKindAt(pid, y))); t.rows.back().push_back(FormatKr(base.CashAt(pid, y))); }
        }
        d.Emit(t, TrF(l, "annex.share_caption", {p.name}));
        d.Para(Tx(l, "ui.key") + ": " + KeyText(ws.costs.key, l) + (p.population ? " · " + Tx(l, "ui.population") + " " + FormatInteger(p.population) : "") + ".");
    }

    d.Heading(2, Tx(l, "annex.decisions_due"));
    Table due{{Tx(l, "ui.matter"), Tx(l, "ui.status"), Tx(l, "ui.deadline"), Tx(l, "ui.committee_meeting"), Tx(l, "ui.send_by")},
              {false, false, false, false, false}, {}};
    std::vector<std::string> made;
    std::vector<std::pair<const Matter*, const Decision*>> paths;   // pending decisions with steps
    for (auto& [mid, m] : ws.matters) {
        auto it = m.decisions.find(pid);
        if (it == m.decisions.end()) continue;
        const Decision& dec = it->second;
        if (dec.status == DecisionStatus::Pending || dec.status == DecisionStatus::Paused) {
            std::string meeting = "–", send_by = "–";
            for (const PlanRow& r : PlanMatter(ws, m, as_of))
                if (r.party == pid) {
                    if (r.deadline_passed) meeting = Tx(l, "ui.plan_deadline_passed");
                    else if (!r.meeting.empty()) meeting = PlanMeetings(r);
                    else if (r.too_late) meeting = TrF(l, "ui.plan_too_late", {r.next_meeting.empty() ? "–" : r.next_meeting});
                    if (!r.send_by.empty()) send_by = r.send_by;
                }
            std::string status(TrEnum(l, "status", ToString(dec.status)));
            if (!dec.steps.empty()) status += ": " + WhereText(dec.steps, l);   // where it is, and the next step
            due.rows.push_back({m.title, status, m.deadline.empty() ? "–" : m.deadline, meeting, send_by});
            if (!dec.steps.empty()) paths.push_back({&m, &dec});
        } else if (dec.status != DecisionStatus::NotConcerned) {
            std::string line = m.title + ": " + std::string(TrEnum(l, "status", ToString(dec.status)));
            if (!dec.date.empty()) line += " " + dec.date;
            if (!dec.body.empty()) line += " (" + dec.body + ")";
            if (!dec.conditions.empty()) line += ". " + Tx(l, "ui.conditions") + ": " + dec.conditions;
            if (dec.within_budget) line += ". " + Tx(l, *dec.within_budget ? "report.within_budget" : "report.outside_budget");
            made.push_back(line);
        }
    }
    if (due.rows.empty()) d.Para(Tx(l, "annex.nothing_due"));
    else d.Emit(due, TrF(l, "annex.due_caption", {p.name}));
    for (auto& [m, dec] : paths) {
        Table t{{Tx(l, "ui.step"), Tx(l, "ui.body"), Tx(l, "ui.date"), Tx(l, "ui.outcome"), Tx(l, "ui.note")}, {true, false, false, false, false}, {}};
        for (size_t i = 0; i < dec->steps.size(); ++i) {
            const DecisionStep& s = dec->steps[i];
            t.rows.push_back({std::to_string(i + 1), s.body, s.date, std::string(TrEnum(l, "outcome", ToString(s.outcome))), s.note});
        }
        d.Heading(3, TrF(l, "annex.path", {m->title}));
        d.Emit(t, TrF(l, "annex.path", {m->title}));
    }
    if (!made.empty()) {
        d.Heading(2, Tx(l, "annex.decisions_made"));
        d.List(made);
    }

    if (pays && base.Years() > 0 && base.parties.size() > 1) {
        d.Heading(2, TrF(l, "annex.if_declines", {p.name}));
        Scenario s;
        s.leave = {pid};
        Budget sb = ComputeBudget(ws, &s);
        Comparison c = Compare(ws, base, sb, base.first_year);
        // What declining does to the others, as the table below shows it: more for them when the
        // cost is shared anew, less when the cost itself shrinks (items counted per municipality).
        int64_t others = 0;
        for (auto& r : c.rows) if (r.party != pid) others += r.diff;
        bool counted = false;   // an item whose quantity counts the participating parties
        for (auto& [iid, item] : ws.cost_items)
            for (auto& q : item.quantity) counted |= q.count_of.has_value();
        const char* key = others > 0 ? "annex.consequence" : others == 0 ? "annex.consequence_same"
                        : counted ? "annex.consequence_counted" : "annex.consequence_less";
        d.Para(TrF(l, key, {p.name, FormatKr(base.PartyAt(pid, base.first_year)), std::to_string(base.first_year)}));
        Table t{{Tx(l, "ui.party"), Tx(l, "ui.base"), TrF(l, "paper.without", {p.name}), Tx(l, "ui.difference"), Tx(l, "report.diff_percent")},
                {false, true, true, true, true}, {}};
        for (auto& r : c.rows) {
            if (r.party == pid) continue;
            t.rows.push_back({Name(ws, r.party), FormatKr(r.base), FormatKr(r.scenario), Signed(r.diff), r.base ? SignedPercent(r.diff_percent) : "–"});
        }
        d.Emit(t, TrF(l, "annex.others_caption", {p.name, std::to_string(base.first_year)}));
    }
    if (d.format == ReportFormat::Html) d.out += HtmlEnd();
    res.ok = true;
    res.text = std::move(d.out);
    return res;
}

}  // namespace sam
