#include "report.h"

#include <algorithm>
#include "costs.h"
#include "csv.h"
#include "decisions.h"
#include "format.h"
#include "validate.h"

namespace sam {

namespace {

// A small document model: the same calls render to Markdown and to HTML.
struct Table {
    std::vector<std::string> head;
    std::vector<bool> numeric;               // right-aligned columns
    std::vector<std::vector<std::string>> rows;
};

struct Doc {
    ReportFormat format;
    std::string out;

    static std::string Html(std::string_view s) {
        std::string r;
        for (char c : s) {
            switch (c) {
                case '&': r += "&amp;"; break;
                case '<': r += "&lt;"; break;
                case '>': r += "&gt;"; break;
                case '"': r += "&quot;"; break;
                default: r += c;
            }
        }
        return r;
    }
    static std::string Md(std::string_view s) {
        std::string r;
        for (char c : s) { if (c == '|') r += "\\|"; else if (c == '\n') r += ' '; else r += c; }
        return r;
    }
    void Heading(int level, const std::string& text) {
        if (format == ReportFormat::Html) out += "<h" + std::to_string(level) + ">" + Html(text) + "</h" + std::to_string(level) + ">\n";
        else out += std::string(level, '#') + " " + Md(text) + "\n\n";
    }
    void Para(const std::string& text) {
        if (text.empty()) return;
        if (format == ReportFormat::Html) out += "<p>" + Html(text) + "</p>\n";
        else out += Md(text) + "\n\n";
    }
    void List(const std::vector<std::string>& items) {
        if (items.empty()) return;
        if (format == ReportFormat::Html) {
            out += "<ul>\n";
            for (auto& i : items) out += "<li>" + Html(i) + "</li>\n";
            out += "</ul>\n";
        } else {
            for (auto& i : items) out += "- " + Md(i) + "\n";
            out += "\n";
        }
    }
    void Emit(const Table& t, const std::string& caption) {
        if (format == ReportFormat::Html) {
            out += "<table>\n<caption>" + Html(caption) + "</caption>\n<thead><tr>";
            for (size_t c = 0; c < t.head.size(); ++c)
                out += std::string("<th scope=\"col\"") + (t.numeric[c] ? " class=\"num\"" : "") + ">" + Html(t.head[c]) + "</th>";
            out += "</tr></thead>\n<tbody>\n";
            for (auto& r : t.rows) {
                out += "<tr>";
                for (size_t c = 0; c < r.size(); ++c) {
                    if (c == 0) out += "<th scope=\"row\">" + Html(r[c]) + "</th>";
                    else out += std::string("<td") + (t.numeric[c] ? " class=\"num\"" : "") + ">" + Html(r[c]) + "</td>";
                }
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n";
        } else {
            out += "|";
            for (auto& h : t.head) out += " " + Md(h) + " |";
            out += "\n|";
            for (size_t c = 0; c < t.head.size(); ++c) out += t.numeric[c] ? " ---: |" : " --- |";
            out += "\n";
            for (auto& r : t.rows) {
                out += "|";
                for (auto& cell : r) out += " " + Md(cell) + " |";
                out += "\n";
            }
            out += "\n";
        }
    }
};

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
        facts.push_back(TrF(l, "ui.adopted_of", {std::to_string(s.adopted), std::to_string(s.concerned)}));
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
            t.rows.push_back({PartyName(ws, pid), std::string(TrEnum(l, "status", ToString(dec.status))), dec.date,
                              dec.body, dec.conditions, dec.note});
        }
        d.Emit(t, m.title + ": " + Tx(l, "ui.decisions"));
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

const char* kHtmlStyle =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    "th,td{border:1px solid #8a939c;padding:.3rem .5rem;vertical-align:top}thead th{background:#e8edf2}"
    ".num{text-align:right;white-space:nowrap}"
    "@media print{body{margin:0;max-width:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}";

}  // namespace

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
    if (o.format == ReportFormat::Html)
        d.out += std::string("<!DOCTYPE html>\n<html lang=\"") + (l == Lang::Sv ? "sv" : "en") +
                 "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                 Doc::Html(ws.name) + "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n<body>\n<main>\n";
    d.Heading(1, ws.name);
    d.Para(ws.description);
    if (!o.as_of.empty()) d.Para(Tx(l, "report.as_of") + ": " + o.as_of);
    PartiesSection(d, ws, l);
    DecisionsSection(d, ws, o);
    CostsSection(d, ws, base, l);
    if (scenario) ScenarioSection(d, ws, base, *scenario, l);
    std::vector<Problem> checks = CheckConsistency(ws, o.as_of);
    if (!checks.empty()) {
        d.Heading(2, Tx(l, "ui.problems"));
        std::vector<std::string> lines;
        for (auto& p : checks) lines.push_back(p.Message(l));
        d.List(lines);
    }
    if (o.format == ReportFormat::Html) d.out += "</main>\n</body>\n</html>\n";
    res.ok = true;
    res.text = std::move(d.out);
    return res;
}

}  // namespace sam
