#include "workbook.h"

#include <algorithm>
#include <cmath>
#include <set>
#include "costs.h"
#include "format.h"

namespace sam {

namespace {

Cell Text(const std::string& s, CellFormat f = CellFormat::Plain) { return {s.empty() ? CellKind::Empty : CellKind::Text, s, 0, f}; }
Cell Header(const std::string& s) { return {CellKind::Text, s, 0, CellFormat::Header}; }
Cell Number(double v, CellFormat f = CellFormat::Plain) { return {CellKind::Number, "", v, f}; }
Cell Formula(const std::string& f, double v, CellFormat fmt) { return {CellKind::Formula, f, v, fmt}; }

std::string Tx(Lang l, const char* key) { return std::string(Tr(l, key)); }

std::string PartyName(const Workspace& ws, const std::string& id) {
    auto it = ws.parties.find(id);
    return it == ws.parties.end() ? id : it->second.name;
}

// "=SUM(B2:B9)" for column `col`, rows first..last (0-based, as the sheet's rows).
std::string SumColumn(int col, size_t first, size_t last) {
    return "=SUM(" + ColumnName(col) + std::to_string(first + 1) + ":" + ColumnName(col) + std::to_string(last + 1) + ")";
}
std::string SumRow(size_t row, int first, int last) {
    std::string r = std::to_string(row + 1);
    return "=SUM(" + ColumnName(first) + r + ":" + ColumnName(last) + r + ")";
}

// Excel allows 31 characters and none of []:*?/\ in a sheet's name.
std::string SheetName(std::string s) {
    for (char& c : s) if (std::string("[]:*?/\\").find(c) != std::string::npos) c = '-';
    size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > 31) break;
    }
    return s.substr(0, i);
}

size_t Chars(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void FitWidths(SheetData& s) {
    for (auto& row : s.rows)
        for (size_t c = 0; c < row.size(); ++c) {
            if (s.widths.size() <= c) s.widths.resize(c + 1, 8);
            size_t n = row[c].kind == CellKind::Text ? Chars(row[c].text) : row[c].kind == CellKind::Empty ? 0 : 14;
            s.widths[c] = std::clamp((double)n + 2, s.widths[c], 60.0);
        }
}

SheetData Parties(const Workspace& ws, Lang l) {
    SheetData s{SheetName(Tx(l, "xlsx.sheet.parties")), {}, {}, 1, 1};
    s.rows.push_back({Header(Tx(l, "ui.name")), Header(Tx(l, "ui.kind")), Header(Tx(l, "ui.population")), Header(Tx(l, "xlsx.pays")),
                      Header(Tx(l, "ui.org_number"))});
    std::vector<std::string> ids;
    for (auto& [id, p] : ws.parties) ids.push_back(id);
    SortPartiesSwedish(ws, ids);
    std::set<std::string> paying(ws.costs.participants.begin(), ws.costs.participants.end());
    for (auto& id : ids) {
        const Party& p = ws.parties.at(id);
        s.rows.push_back({Text(p.name), Text(std::string(TrEnum(l, "party_kind", ToString(p.kind)))), Number((double)p.population),
                          Text(Tx(l, paying.count(id) ? "hist.yes" : "hist.no")), Text(p.org_number)});
    }
    return s;
}

SheetData Decisions(const Workspace& ws, Lang l) {
    SheetData s{SheetName(Tx(l, "xlsx.sheet.decisions")), {}, {}, 1, 1};
    std::set<std::string> deciding;
    for (auto& [mid, m] : ws.matters)
        for (auto& [pid, d] : m.decisions) if (ws.parties.count(pid)) deciding.insert(pid);
    std::vector<std::string> parties(deciding.begin(), deciding.end());
    SortPartiesSwedish(ws, parties);
    std::vector<Cell> head{Header(Tx(l, "ui.matter")), Header(Tx(l, "ui.deadline"))};
    for (auto& p : parties) head.push_back(Header(PartyName(ws, p)));
    s.rows.push_back(head);
    for (auto& [mid, m] : ws.matters) {
        std::vector<Cell> row{Text(m.title), Text(m.deadline)};
        for (auto& p : parties) {
            auto it = m.decisions.find(p);
            row.push_back(it == m.decisions.end() ? Cell{} : Text(std::string(TrEnum(l, "status", ToString(it->second.status)))));
        }
        s.rows.push_back(row);
    }
    return s;
}

// A table of named rows × years in kronor, with a total column and a total row as formulas.
SheetData YearTable(const std::string& name, const std::string& first_head, const Budget& b, Lang l,
                    const std::vector<std::pair<std::string, const Series*>>& lines) {
    SheetData s{SheetName(name), {}, {}, 1, 1};
    std::vector<Cell> head{Header(first_head)};
    for (int y = b.first_year; y <= b.last_year; ++y) head.push_back(Header(std::to_string(y)));
    head.push_back(Header(Tx(l, "ui.total")));
    s.rows.push_back(head);
    int years = std::max(0, b.Years());
    std::vector<int64_t> column(years + 1, 0);
    for (auto& [label, series] : lines) {
        std::vector<Cell> row{Text(label)};
        int64_t total = 0;
        for (int y = b.first_year; y <= b.last_year; ++y) {
            int64_t v = b.At(*series, y);
            row.push_back(Number((double)v, CellFormat::Kr));
            total += v;
            column[y - b.first_year] += v;
        }
        column[years] += total;
        row.push_back(Formula(SumRow(s.rows.size(), 1, years), (double)total, CellFormat::KrTotal));
        s.rows.push_back(row);
    }
    std::vector<Cell> total{Text(Tx(l, "ui.total"), CellFormat::Bold)};
    for (int c = 0; c <= years; ++c)
        total.push_back(lines.empty() ? Number(0, CellFormat::KrTotal) : Formula(SumColumn(c + 1, 1, lines.size()), (double)column[c], CellFormat::KrTotal));
    s.rows.push_back(total);
    return s;
}

SheetData Costs(const Workspace& ws, const Budget& b, Lang l) {
    std::vector<std::pair<std::string, const Series*>> lines;
    for (auto& id : b.parties) lines.push_back({PartyName(ws, id), &b.per_party.at(id)});
    return YearTable(Tx(l, "xlsx.sheet.costs"), Tx(l, "ui.party"), b, l, lines);
}

SheetData Items(const Budget& b, Lang l) {
    std::vector<std::pair<std::string, const Series*>> lines;
    for (auto& item : b.items) lines.push_back({item.name, &item.net});
    return YearTable(Tx(l, "xlsx.sheet.items"), Tx(l, "ui.item"), b, l, lines);
}

SheetData Scenarios(const Workspace& ws, const Budget& base, Lang l, int year) {
    SheetData s{SheetName(TrF(l, "xlsx.sheet.scenarios", {std::to_string(year)})), {}, {}, 1, 1};
    std::vector<std::pair<std::string, Budget>> runs;
    for (auto& [id, sc] : ws.scenarios) runs.push_back({sc.name.empty() ? id : sc.name, ComputeBudget(ws, &sc)});
    std::set<std::string> all(base.parties.begin(), base.parties.end());
    for (auto& [n, b] : runs) all.insert(b.parties.begin(), b.parties.end());
    std::vector<std::string> parties(all.begin(), all.end());
    SortPartiesSwedish(ws, parties);
    std::vector<Cell> head{Header(Tx(l, "ui.party")), Header(Tx(l, "xlsx.base"))};
    for (auto& [n, b] : runs) {
        head.push_back(Header(n));
        head.push_back(Header(TrF(l, "xlsx.diff", {n})));
    }
    s.rows.push_back(head);
    int cols = 1 + 2 * (int)runs.size();
    std::vector<int64_t> column(cols, 0);
    for (auto& p : parties) {
        size_t r = s.rows.size();
        int64_t v0 = base.PartyAt(p, year);
        std::vector<Cell> row{Text(PartyName(ws, p)), Number((double)v0, CellFormat::Kr)};
        column[0] += v0;
        for (size_t i = 0; i < runs.size(); ++i) {
            int64_t v = runs[i].second.PartyAt(p, year);
            int col = 2 + 2 * (int)i;   // the scenario's column; its difference is the next
            row.push_back(Number((double)v, CellFormat::Kr));
            std::string rr = std::to_string(r + 1);
            row.push_back(Formula("=" + ColumnName(col) + rr + "-B" + rr, (double)(v - v0), CellFormat::Kr));
            column[1 + 2 * i] += v;
            column[2 + 2 * i] += v - v0;
        }
        s.rows.push_back(row);
    }
    std::vector<Cell> total{Text(Tx(l, "ui.total"), CellFormat::Bold)};
    for (int c = 0; c < cols; ++c)
        total.push_back(parties.empty() ? Number(0, CellFormat::KrTotal) : Formula(SumColumn(c + 1, 1, parties.size()), (double)column[c], CellFormat::KrTotal));
    s.rows.push_back(total);
    return s;
}

int YearFor(const Budget& b, int year, const std::string& today) { return YearToShow(b, year, today).year; }

}  // namespace

std::string WorkbookFileName(const Workspace& ws) {
    std::string base = Slug(ws.name);
    return (base.empty() ? "samverkan" : base) + ".xlsx";
}

std::string ColumnName(int col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), (char)('A' + (col - 1) % 26));
    return s;
}

SheetData WorkbookSheet(const Workspace& ws, const std::string& kind, Lang l, int year, const std::string& today) {
    SheetData s;
    if (kind == "parties") s = Parties(ws, l);
    else if (kind == "decisions") s = Decisions(ws, l);
    else if (kind == "costs" || kind == "items" || kind == "scenarios") {
        Budget b = ComputeBudget(ws);
        if (kind == "costs") s = Costs(ws, b, l);
        else if (kind == "items") s = Items(b, l);
        else s = Scenarios(ws, b, l, YearFor(b, year, today));
    } else {
        return s;
    }
    FitWidths(s);
    return s;
}

Workbook BuildWorkbook(const Workspace& ws, Lang l, int year, const std::string& today) {
    Workbook w;
    w.title = ws.name;
    w.subject = Tx(l, "xlsx.subject");
    w.author = "Samverkan";
    w.keywords = Tx(l, "xlsx.keywords");
    w.comments = TrF(l, "xlsx.comments", {today});
    Budget b = ComputeBudget(ws);
    w.sheets = {Parties(ws, l), Decisions(ws, l), Costs(ws, b, l), Items(b, l), Scenarios(ws, b, l, YearFor(b, year, today))};
    for (auto& s : w.sheets) FitWidths(s);
    return w;
}

std::string SheetTsv(const SheetData& sheet, Lang l) {
    std::string out;
    for (auto& row : sheet.rows) {
        for (size_t c = 0; c < row.size(); ++c) {
            if (c) out += '\t';
            const Cell& cell = row[c];
            if (cell.kind == CellKind::Text) {
                std::string t = cell.text;
                for (char& ch : t) if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
                // Text that starts like a formula stays text in the reader's Excel, as in the CSV files.
                if (!t.empty() && std::string_view("=+-@").find(t[0]) != std::string_view::npos) t = "'" + t;
                out += t;
            } else if (cell.kind == CellKind::Number || cell.kind == CellKind::Formula) {
                double v = cell.number;
                std::string n;
                if (v == std::floor(v) && std::fabs(v) < 9e15) n = std::to_string((long long)v);
                else {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.2f", v);
                    n = buf;
                    if (l == Lang::Sv) std::replace(n.begin(), n.end(), '.', ',');
                }
                out += n;
            }
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace sam
