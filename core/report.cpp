#include "report.h"

#include <algorithm>
#include "costs.h"
#include "csv.h"
#include "decision_path.h"
#include "decisions.h"
#include "format.h"
#include "doc.h"
#include "planning.h"
#include "structure.h"
#include "validate.h"

namespace sam {

namespace {

std::string PartyName(const Workspace& ws, const std::string& id) {
    auto it = ws.parties.find(id);
    return it == ws.parties.end() ? id : it->second.name;
}

std::string Names(const Workspace& ws, const std::vector<std::string>& ids) {
    std::vector<std::string> sorted = ids;
    SortPartiesSwedish(ws, sorted);
    std::string s;
    for (auto& id : sorted) s += (s.empty() ? "" : ", ") + PartyName(ws, id);
    return s;
}

std::string Tx(Lang l, const char* key) { return std::string(Tr(l, key)); }

std::string FocusNames(const Workspace& ws, const std::vector<std::string>& ids) {
    std::string s;
    for (auto& id : ids) {
        auto it = ws.focus_areas.find(id);
        s += (s.empty() ? "" : ", ") + (it == ws.focus_areas.end() ? id : it->second.name);
    }
    return s;
}

std::vector<std::string> YearHeads(const Budget& b) {
    std::vector<std::string> out;
    for (int y = b.first_year; y <= b.last_year; ++y) out.push_back(std::to_string(y));
    return out;
}

// Funding with its source and agreement; contributions in kind per party.
void FundingAndInKind(Doc& d, const Workspace& ws, const Budget& b, Lang l) {
    if (!ws.funding.empty()) {
        Table t{{Tx(l, "ui.name"), Tx(l, "report.source"), Tx(l, "report.agreement"), Tx(l, "ui.item"), Tx(l, "ui.years"), Tx(l, "ui.amount_per_year")},
                {false, false, false, false, false, true}, {}};
        for (auto& [id, f] : ws.funding) {
            auto item = ws.cost_items.find(f.cost_item);
            t.rows.push_back({f.name, f.source, f.agreement, item == ws.cost_items.end() ? Tx(l, "ui.whole_budget") : item->second.name,
                              std::to_string(f.first_year) + "–" + std::to_string(f.last_year), FormatKr(f.amount)});
        }
        d.Emit(t, Tx(l, "ui.funding"));
    }
    if (ws.in_kind.empty()) return;
    Table t{{Tx(l, "ui.name"), Tx(l, "ui.party"), Tx(l, "ui.against_share")}, {false, false, false}, {}};
    for (auto& y : YearHeads(b)) { t.head.push_back(y); t.numeric.push_back(true); }
    for (auto& [id, k] : ws.in_kind) {
        std::vector<std::string> row{k.name, PartyName(ws, k.party), Tx(l, k.against_share ? "report.yes" : "report.no")};
        for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(FormatKr(InKindValue(k, y)));
        t.rows.push_back(row);
    }
    d.Emit(t, Tx(l, "ui.in_kind_title"));
}

// The net per focus area (an item with several areas split evenly) and per project.
void FocusAndProjects(Doc& d, const Workspace& ws, const Budget& b, Lang l) {
    auto emit = [&](const std::map<std::string, Series>& per, const std::string& caption, auto name_of) {
        bool tagged = false;
        for (auto& [id, s] : per) if (!id.empty()) tagged = true;
        if (!tagged) return;
        Table t{{caption}, {false}, {}};
        for (auto& y : YearHeads(b)) { t.head.push_back(y); t.numeric.push_back(true); }
        for (auto& [id, s] : per) {
            std::vector<std::string> row{id.empty() ? Tx(l, "report.untagged") : name_of(id)};
            for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(FormatKr(b.At(s, y)));
            t.rows.push_back(row);
        }
        d.Emit(t, caption);
    };
    emit(b.per_focus, Tx(l, "report.per_focus"), [&](const std::string& id) { return FocusNames(ws, {id}); });
    // The matters each focus area has, so that matters too can be read per area.
    std::vector<std::string> lines;
    for (auto& [fid, f] : ws.focus_areas) {
        std::string titles;
        for (auto& [mid, m] : ws.matters)
            if (std::find(m.focus.begin(), m.focus.end(), fid) != m.focus.end()) titles += (titles.empty() ? "" : "; ") + m.title;
        if (!titles.empty()) lines.push_back(f.name + ": " + titles);
    }
    if (!lines.empty()) {
        d.Para(Tx(l, "report.matters_per_focus"));
        d.List(lines);
    }
    emit(b.per_project, Tx(l, "report.per_project"), [&](const std::string& id) {
        auto m = ws.matters.find(id);
        return m == ws.matters.end() ? id : m->second.title;
    });
}

// What each party pays this year and in all, and which decisions it still has to take: the
// first page of a tjänsteskrivelse's annex.
void SummarySection(Doc& d, const Workspace& ws, const Budget& b, const std::string& as_of, Lang l) {
    d.Heading(2, Tx(l, "report.summary"));
    ShownYear shown = YearToShow(b, 0, as_of);
    int year = shown.year;
    if (!shown.note.empty()) d.Para(TrF(l, shown.note, shown.args));   // not this year's figures: said, not quietly
    std::map<std::string, std::vector<std::string>> pending;   // party -> "matter (deadline)"
    for (auto& [mid, m] : ws.matters)
        for (auto& [pid, dec] : m.decisions)
            if (dec.status == DecisionStatus::Pending)
                pending[pid].push_back(m.title + (m.deadline.empty() ? "" : " (" + TrF(l, "report.deadline_short", {m.deadline}) + ")"));
    std::vector<std::string> ids = b.parties;
    for (auto& [pid, list] : pending) if (std::find(ids.begin(), ids.end(), pid) == ids.end() && ws.parties.count(pid)) ids.push_back(pid);
    SortPartiesSwedish(ws, ids);
    Table t{{Tx(l, "ui.party"), TrF(l, "report.cost_in", {std::to_string(year)}),
             b.Years() > 0 ? TrF(l, "report.cost_over", {std::to_string(b.first_year), std::to_string(b.last_year)}) : Tx(l, "ui.total"),
             Tx(l, "report.pending_count")},
            {false, true, true, true}, {}};
    for (auto& id : ids)
        t.rows.push_back({PartyName(ws, id), FormatKr(b.PartyAt(id, year)), FormatKr(b.PartyTotal(id)),
                          std::to_string(pending.count(id) ? pending[id].size() : 0)});
    d.Emit(t, TrF(l, "report.summary_caption", {std::to_string(year)}));
    std::vector<std::string> lines;
    for (auto& id : ids)
        if (pending.count(id)) {
            std::string all;
            for (auto& m : pending[id]) all += (all.empty() ? "" : "; ") + m;
            lines.push_back(PartyName(ws, id) + ": " + all);
        }
    if (lines.empty()) d.Para(Tx(l, "report.nothing_pending"));
    else {
        d.Para(Tx(l, "report.pending_intro"));
        d.List(lines);
    }
}

void PartiesSection(Doc& d, const Workspace& ws, Lang l) {
    d.Heading(2, Tx(l, "ui.parties"));
    Table t{{Tx(l, "ui.party"), Tx(l, "ui.kind"), Tx(l, "ui.population")}, {false, false, true}, {}};
    std::vector<std::string> ids;
    for (auto& [id, p] : ws.parties) ids.push_back(id);
    SortPartiesSwedish(ws, ids);
    for (auto& id : ids) {
        const Party& p = ws.parties.at(id);
        t.rows.push_back({p.name, std::string(TrEnum(l, "party_kind", ToString(p.kind))),
                          p.population ? FormatInteger(p.population) : "–"});
    }
    d.Emit(t, Tx(l, "ui.parties"));
    d.Para(ws.population_note);
}

void StructureSection(Doc& d, const Workspace& ws, Lang l) {
    if (ws.bodies.empty()) return;
    d.Heading(2, Tx(l, "ui.structure"));
    for (const BodyNode& n : BodyTree(ws)) {
        const Body& b = ws.bodies.at(n.id);
        d.Heading(3, b.name);
        std::vector<std::string> facts;
        facts.push_back(Tx(l, "ui.level") + ": " + std::string(TrEnum(l, "level", ToString(b.level))));
        if (b.target_group != TargetGroup::All)
            facts.push_back(Tx(l, "ui.target_group") + ": " + std::string(TrEnum(l, "target_group", ToString(b.target_group))));
        if (ws.bodies.count(b.parent)) facts.push_back(Tx(l, "ui.reports_to") + ": " + ws.bodies.at(b.parent).name);
        if (ws.parties.count(b.party)) facts.push_back(Tx(l, "ui.organisation") + ": " + PartyName(ws, b.party));
        if (b.meetings_per_year) facts.push_back(TrF(l, "ui.meetings_per_year", {std::to_string(b.meetings_per_year)}));
        if (b.repeat)
            facts.push_back(TrF(l, "ui.repeat_text", {std::to_string(b.repeat->count), TrEnumNoun(l, "party_kind", ToString(b.repeat->per_kind)),
                                                      std::to_string(RepeatTotal(ws, b))}));
        d.List(facts);
        if (!b.mandate.empty()) {
            d.Para(Tx(l, "ui.mandate") + ":");
            d.List(b.mandate);
        }
        d.Para(b.note);
        if (!b.members.empty()) {
            Table t{{Tx(l, "ui.role"), Tx(l, "ui.organisation"), Tx(l, "ui.name")}, {false, false, false}, {}};
            for (auto& [mid, m] : b.members) t.rows.push_back({m.role, PartyName(ws, m.party), m.name.empty() ? "–" : m.name});
            d.Emit(t, b.name + ": " + Tx(l, "ui.members"));
        }
    }
}

void PlanningTable(Doc& d, const Workspace& ws, const Matter& m, const std::string& as_of, Lang l) {
    std::vector<PlanRow> plan = PlanMatter(ws, m, as_of);
    bool any = false;
    for (auto& r : plan) any |= !r.no_dates;
    if (!any) return;
    Table t{{Tx(l, "ui.party"), Tx(l, "ui.committee_meeting"), Tx(l, "ui.send_by"), Tx(l, "ui.planning_note")}, {false, false, false, false}, {}};
    for (auto& r : plan) {
        std::string note = r.deadline_passed ? Tx(l, "ui.plan_deadline_passed")
                         : r.no_dates ? Tx(l, "ui.plan_no_dates")
                         : r.too_late ? TrF(l, "ui.plan_too_late", {r.next_meeting.empty() ? "–" : r.next_meeting})
                         : r.send_by_passed ? Tx(l, "ui.plan_send_passed") : "";
        t.rows.push_back({PartyName(ws, r.party), PlanMeetings(r), r.send_by.empty() ? "–" : r.send_by, note});
    }
    d.Emit(t, m.title + ": " + Tx(l, "ui.backward_planning"));
}

// The parties' decision paths: each step with its body, meeting and outcome, and where the
// matter is now in each ("Föreslaget vidare av Socialnämnden 2023-03-30; nästa: Kommunstyrelsen").
void PathTable(Doc& d, const Workspace& ws, const Matter& m, const std::vector<std::string>& ids, Lang l) {
    Table t{{Tx(l, "ui.party"), Tx(l, "ui.step"), Tx(l, "ui.body"), Tx(l, "ui.date"), Tx(l, "ui.outcome"), Tx(l, "ui.note")},
            {false, true, false, false, false, false}, {}};
    std::vector<std::string> where;
    for (auto& pid : ids) {
        const Decision& dec = m.decisions.at(pid);
        for (size_t i = 0; i < dec.steps.size(); ++i) {
            const DecisionStep& s = dec.steps[i];
            t.rows.push_back({i == 0 ? PartyName(ws, pid) : "", std::to_string(i + 1), s.body, s.date,
                              std::string(TrEnum(l, "outcome", ToString(s.outcome))), s.note});
        }
        if (!dec.steps.empty()) where.push_back(PartyName(ws, pid) + ": " + WhereText(dec.steps, l));
    }
    if (t.rows.empty()) return;
    d.Emit(t, m.title + ": " + Tx(l, "ui.decision_path"));
    d.Para(Tx(l, "report.where_now"));
    d.List(where);
}

void DecisionsSection(Doc& d, const Workspace& ws, const ReportOptions& o) {
    Lang l = o.lang;
    if (ws.matters.empty()) return;
    d.Heading(2, Tx(l, "ui.decision_summary"));
    for (auto& [mid, m] : ws.matters) {
        d.Heading(3, m.title);
        d.Para(m.description);
        AdoptionSummary s = Summarize(m, o.as_of);
        std::vector<std::string> facts;
        facts.push_back(Tx(l, "ui.kind") + ": " + std::string(TrEnum(l, "matter_kind", ToString(m.kind))));
        std::string proposer = m.proposer_text;
        if (proposer.empty() && ws.bodies.count(m.proposed_by)) proposer = ws.bodies.at(m.proposed_by).name;
        if (!proposer.empty()) facts.push_back(Tx(l, "report.proposed_by") + ": " + proposer);
        if (!m.date.empty()) facts.push_back(Tx(l, "ui.date") + ": " + m.date);
        if (!m.deadline.empty()) facts.push_back(Tx(l, "ui.deadline") + ": " + m.deadline);
        if (!m.start.empty() || !m.end.empty()) facts.push_back(Tx(l, "report.period") + ": " + m.start + "–" + m.end);
        if (!m.focus.empty()) facts.push_back(Tx(l, "ui.focus_areas") + ": " + FocusNames(ws, m.focus));
        if (!m.decisions.empty()) facts.push_back(TrF(l, "ui.adopted_of", {std::to_string(s.adopted), std::to_string(s.concerned)}));
        if (!s.declined_parties.empty()) facts.push_back(TrF(l, "ui.declined_by", {Names(ws, s.declined_parties)}));
        if (!s.late_parties.empty()) facts.push_back(TrF(l, "ui.late", {Names(ws, s.late_parties)}));
        d.List(facts);
        Table t{{Tx(l, "ui.party"), Tx(l, "ui.status"), Tx(l, "ui.date"), Tx(l, "ui.deciding_body"), Tx(l, "ui.conditions"), Tx(l, "ui.note")},
                {false, false, false, false, false, false}, {}};
        std::vector<std::string> ids;
        for (auto& [pid, dec] : m.decisions) ids.push_back(pid);
        SortPartiesSwedish(ws, ids);
        for (auto& pid : ids) {
            const Decision& dec = m.decisions.at(pid);
            std::string note = dec.note;
            if (dec.within_budget)
                note = Tx(l, *dec.within_budget ? "report.within_budget" : "report.outside_budget") + (note.empty() ? "" : ". " + note);
            t.rows.push_back({PartyName(ws, pid), std::string(TrEnum(l, "status", ToString(dec.status))), dec.date,
                              dec.body, dec.conditions, note});
        }
        d.Emit(t, m.title + ": " + Tx(l, "ui.decisions"));
        PathTable(d, ws, m, ids, l);
        if (!m.milestones.empty()) {
            Table ms{{Tx(l, "ui.date"), Tx(l, "report.what"), Tx(l, "report.where"), Tx(l, "report.done")}, {false, false, false, false}, {}};
            std::vector<const Milestone*> list;
            for (auto& [sid, x] : m.milestones) list.push_back(&x);
            std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->date < b->date; });
            for (auto* x : list) {
                std::string done = x->done ? Tx(l, "report.yes") : (!o.as_of.empty() && x->date < o.as_of ? Tx(l, "report.overdue") : Tx(l, "report.no"));
                ms.rows.push_back({x->date, x->what, x->where, done});
            }
            d.Emit(ms, m.title + ": " + Tx(l, "ui.milestones"));
        }
        PlanningTable(d, ws, m, o.as_of, l);
    }
}

void CostsSection(Doc& d, const Workspace& ws, const Budget& b, Lang l) {
    if (b.Years() <= 0) return;
    d.Heading(2, Tx(l, "ui.costs") + " " + std::to_string(b.first_year) + (b.Years() > 1 ? "–" + std::to_string(b.last_year) : ""));
    std::vector<std::string> years;
    for (int y = b.first_year; y <= b.last_year; ++y) years.push_back(std::to_string(y));

    Table items{{Tx(l, "ui.item"), Tx(l, "ui.fte"), Tx(l, "ui.quantity")}, {false, true, false}, {}};
    for (auto& y : years) { items.head.push_back(y); items.numeric.push_back(true); }
    for (auto& r : b.items) {
        if (r.id.empty()) continue;
        std::vector<std::string> row{r.name, r.fte_total > 0 ? FormatFte(r.fte_total) : "–", r.quantity_text};
        for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(FormatKr(b.At(r.gross, y)));
        items.rows.push_back(row);
    }
    std::vector<std::string> total{Tx(l, "ui.gross"), "", ""};
    for (int y = b.first_year; y <= b.last_year; ++y) total.push_back(FormatKr(b.At(b.gross, y)));
    items.rows.push_back(total);
    bool funded = false;
    for (auto v : b.funding) if (v) funded = true;
    if (funded) {
        std::vector<std::string> f{Tx(l, "ui.funding"), "", ""}, n{Tx(l, "ui.net"), "", ""};
        for (int y = b.first_year; y <= b.last_year; ++y) { f.push_back(FormatKr(-b.At(b.funding, y))); n.push_back(FormatKr(b.At(b.net, y))); }
        items.rows.push_back(f);
        items.rows.push_back(n);
    }
    d.Emit(items, Tx(l, "report.items_caption"));
    FundingAndInKind(d, ws, b, l);
    FocusAndProjects(d, ws, b, l);

    Table parties{{Tx(l, "ui.party")}, {false}, {}};
    for (auto& y : years) { parties.head.push_back(y); parties.numeric.push_back(true); }
    parties.head.push_back(Tx(l, "ui.total"));
    parties.numeric.push_back(true);
    for (auto& id : b.parties) {
        std::vector<std::string> row{PartyName(ws, id)};
        for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(FormatKr(b.PartyAt(id, y)));
        row.push_back(FormatKr(b.PartyTotal(id)));
        parties.rows.push_back(row);
    }
    std::vector<std::string> sum{Tx(l, "ui.total")};
    for (int y = b.first_year; y <= b.last_year; ++y) {
        int64_t t = 0;
        for (auto& id : b.parties) t += b.PartyAt(id, y);
        sum.push_back(FormatKr(t));
    }
    int64_t all = 0;
    for (auto& id : b.parties) all += b.PartyTotal(id);
    sum.push_back(FormatKr(all));
    parties.rows.push_back(sum);
    d.Emit(parties, Tx(l, "ui.cost_summary"));
    // With contributions in kind against a share, the money each party pays differs from its share.
    if (!b.in_kind_against.empty()) {
        Table cash{{Tx(l, "ui.party")}, {false}, {}};
        for (auto& y : YearHeads(b)) { cash.head.push_back(y); cash.numeric.push_back(true); }
        for (auto& id : b.parties) {
            std::vector<std::string> row{PartyName(ws, id)};
            for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(FormatKr(b.CashAt(id, y)));
            cash.rows.push_back(row);
        }
        d.Para(Tx(l, "report.cash_caption") + ":");
        d.Emit(cash, Tx(l, "report.cash_caption"));
    }
    std::string key = std::string(TrEnum(l, "key_kind", ToString(ws.costs.key.kind)));
    if (ws.costs.key.kind == KeyKind::RegionSplit) key += " (" + FormatPercent(ws.costs.key.region_percent) + ")";
    if (ws.costs.key.kind == KeyKind::BasePlusPerCapita) key += " (" + FormatKr(ws.costs.key.base_fee) + ")";
    d.Para(Tx(l, "ui.key") + ": " + key);
}

void ScenarioSection(Doc& d, const Workspace& ws, const Budget& base, const Scenario& s, Lang l) {
    Budget sb = ComputeBudget(ws, &s);
    d.Heading(2, Tx(l, "ui.scenario") + ": " + s.name);
    d.Para(s.description);
    for (int y = base.first_year; y <= base.last_year; ++y) {
        Comparison c = Compare(ws, base, sb, y);
        Table t{{Tx(l, "ui.party"), Tx(l, "ui.base"), Tx(l, "ui.scenario"), Tx(l, "ui.difference"), Tx(l, "report.diff_percent")},
                {false, true, true, true, true}, {}};
        for (auto& r : c.rows) {
            std::string pct = r.base ? FormatPercent(r.diff_percent) : "–";
            t.rows.push_back({PartyName(ws, r.party), r.in_base ? FormatKr(r.base) : "–", r.in_scenario ? FormatKr(r.scenario) : "–",
                              FormatKr(r.diff), pct});
        }
        t.rows.push_back({Tx(l, "ui.total"), FormatKr(c.base_total), FormatKr(c.scenario_total), FormatKr(c.scenario_total - c.base_total),
                          c.base_total ? FormatPercent((double)(c.scenario_total - c.base_total) * 100.0 / (double)c.base_total) : "–"});
        d.Emit(t, s.name + " " + std::to_string(y));
    }
}

std::string CsvReport(const Workspace& ws, const Budget& b, const Scenario* s) {
    Budget sb = s ? ComputeBudget(ws, s) : Budget{};
    std::string out = s ? "party;year;base_kr;scenario_kr;diff_kr\n" : "party;year;amount_kr\n";
    std::vector<std::string> ids = b.parties;
    if (s) for (auto& p : sb.parties) if (std::find(ids.begin(), ids.end(), p) == ids.end()) ids.push_back(p);
    SortPartiesSwedish(ws, ids);
    for (auto& id : ids)
        for (int y = b.first_year; y <= b.last_year; ++y) {
            out += CsvField(PartyName(ws, id)) + ";" + std::to_string(y) + ";" + std::to_string(b.PartyAt(id, y));
            if (s) out += ";" + std::to_string(sb.PartyAt(id, y)) + ";" + std::to_string(sb.PartyAt(id, y) - b.PartyAt(id, y));
            out += "\n";
        }
    return out;
}

}  // namespace

std::string PrintHeader(const Workspace& ws, const std::string& as_of, Lang l) {
    std::string h = ws.name;
    if (!as_of.empty()) h += " · " + as_of;
    if (!ws.case_number.empty()) h += " · " + TrF(l, "report.dnr", {ws.case_number});
    return h;
}

const std::vector<std::string>& ReportSectionNames() {
    static const std::vector<std::string> names = {"summary", "decisions", "costs", "scenarios", "parties", "structure", "checks"};
    return names;
}

std::vector<std::string> DefaultReportSections(const ReportOptions& o) {
    std::vector<std::string> out = {"summary", "decisions", "costs"};
    if (!o.scenario.empty() || o.all_scenarios) out.push_back("scenarios");
    out.push_back("parties");
    if (o.structure) out.push_back("structure");
    out.push_back("checks");
    return out;
}

bool ParseReportSections(const std::string& text, std::vector<std::string>& out, std::string& error) {
    out.clear();
    size_t at = 0;
    while (at <= text.size()) {
        size_t comma = text.find(',', at);
        std::string name = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        at = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (name.empty()) continue;
        const auto& known = ReportSectionNames();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            error = "unknown section \"" + name + "\" (the sections are summary, decisions, costs, scenarios, parties, structure, checks)";
            return false;
        }
        if (std::find(out.begin(), out.end(), name) != out.end()) {
            error = "section \"" + name + "\" is named twice";
            return false;
        }
        out.push_back(name);
    }
    if (out.empty()) error = "name at least one section";
    return !out.empty();
}

ReportResult MakeReport(const Workspace& ws, const ReportOptions& o) {
    ReportResult res;
    const Scenario* scenario = nullptr;
    if (!o.scenario.empty()) {
        for (auto& [id, s] : ws.scenarios)
            if (id == o.scenario || s.name == o.scenario) scenario = &s;
        if (!scenario) {
            res.error = "unknown scenario \"" + o.scenario + "\"";
            res.error_sv = "okänt scenario \"" + o.scenario + "\"";
            return res;
        }
    }
    Budget base = ComputeBudget(ws);
    if (o.format == ReportFormat::Csv) {
        res.ok = true;
        res.text = CsvReport(ws, base, scenario);
        return res;
    }
    Doc d{o.format, ""};
    Lang l = o.lang;
    if (o.format == ReportFormat::Html) d.out += HtmlBegin(l == Lang::Sv ? "sv" : "en", ws.name, PrintHeader(ws, o.as_of, l));
    d.Heading(1, ws.name);
    if (!ws.case_number.empty()) d.Para(Tx(l, "report.case_number") + ": " + ws.case_number);
    d.Para(ws.description);
    if (!o.as_of.empty()) d.Para(Tx(l, "report.as_of") + ": " + o.as_of);
    for (const std::string& section : o.sections.empty() ? DefaultReportSections(o) : o.sections) {
        if (section == "summary") SummarySection(d, ws, base, o.as_of, l);
        else if (section == "decisions") DecisionsSection(d, ws, o);
        else if (section == "costs") CostsSection(d, ws, base, l);
        else if (section == "parties") PartiesSection(d, ws, l);
        else if (section == "structure") StructureSection(d, ws, l);
        else if (section == "scenarios") {
            if (scenario) ScenarioSection(d, ws, base, *scenario, l);
            else for (auto& [id, s] : ws.scenarios) ScenarioSection(d, ws, base, s, l);
        } else if (section == "checks") {
            std::vector<Problem> checks = CheckConsistency(ws, o.as_of);
            if (checks.empty()) continue;
            d.Heading(2, Tx(l, "ui.problems"));
            std::vector<std::string> lines;
            for (auto& p : checks) lines.push_back(p.Message(l));
            d.List(lines);
        }
    }
    if (o.format == ReportFormat::Html) d.out += HtmlEnd();
    res.ok = true;
    res.text = std::move(d.out);
    return res;
}

}  // namespace sam
