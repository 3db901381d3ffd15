#include "exports.h"

#include <algorithm>
#include <cmath>
#include "allocate.h"
#include "costs.h"
#include "csv.h"
#include "format.h"
#include "structure.h"

namespace sam {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

struct Sheet {
    std::string out = kBom;
    void Row(const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? ";" : "") + CsvField(cells[i]);
        out += "\r\n";
    }
};

std::string Tx(Lang l, const char* key) { return std::string(Tr(l, key)); }

std::string Name(const Workspace& ws, const std::string& id) {
    auto it = ws.parties.find(id);
    return it == ws.parties.end() ? id : it->second.name;
}

// A decimal as Swedish Excel reads it: comma, no thousands separator.
std::string Decimal(double v, int decimals) {
    std::string s = FormatDecimal(v, decimals);
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\xC2' || c == '\xA0' || c == ' '; }), s.end());
    return s;
}

void Parties(Sheet& s, const Workspace& ws, Lang l) {
    s.Row({Tx(l, "ui.name"), Tx(l, "ui.kind"), Tx(l, "ui.population"), Tx(l, "ui.org_number"), Tx(l, "ui.committee_meetings")});
    std::vector<std::string> ids;
    for (auto& [id, p] : ws.parties) ids.push_back(id);
    SortPartiesSwedish(ws, ids);
    for (auto& id : ids) {
        const Party& p = ws.parties.at(id);
        std::string meetings;
        for (auto& d : p.committee_meetings) meetings += (meetings.empty() ? "" : ", ") + d;
        s.Row({p.name, std::string(TrEnum(l, "party_kind", ToString(p.kind))), std::to_string(p.population), p.org_number, meetings});
    }
}

void Members(Sheet& s, const Workspace& ws, Lang l) {
    s.Row({Tx(l, "ui.body"), Tx(l, "ui.role"), Tx(l, "ui.organisation"), Tx(l, "ui.name"), Tx(l, "ui.contact")});
    for (const BodyNode& n : BodyTree(ws)) {
        const Body& b = ws.bodies.at(n.id);
        for (auto& [mid, m] : b.members) s.Row({b.name, m.role, Name(ws, m.party), m.name, m.contact});
    }
}

void Decisions(Sheet& s, const Workspace& ws, Lang l) {
    s.Row({Tx(l, "ui.matter"), Tx(l, "ui.party"), Tx(l, "ui.status"), Tx(l, "ui.date"), Tx(l, "ui.deciding_body"),
           Tx(l, "ui.conditions"), Tx(l, "ui.note"), Tx(l, "ui.deadline"), Tx(l, "ui.step")});
    for (auto& [mid, m] : ws.matters) {
        std::vector<std::string> ids;
        for (auto& [pid, d] : m.decisions) ids.push_back(pid);
        SortPartiesSwedish(ws, ids);
        for (auto& pid : ids) {
            const Decision& d = m.decisions.at(pid);
            s.Row({m.title, Name(ws, pid), std::string(TrEnum(l, "status", ToString(d.status))), d.date, d.body, d.conditions, d.note, m.deadline, ""});
            // Its decision path: a row per step, numbered, with what that body did.
            for (size_t i = 0; i < d.steps.size(); ++i) {
                const DecisionStep& st = d.steps[i];
                s.Row({m.title, Name(ws, pid), std::string(TrEnum(l, "outcome", ToString(st.outcome))), st.date, st.body, "", st.note,
                       m.deadline, std::to_string(i + 1)});
            }
        }
    }
}

// Each party's share of the whole in hundredths of a percent, rounded so that they add up to
// exactly 100,00 (largest remainder), as the total row says; plain rounding when a total is
// negative (a net refund), which no split of 100 describes.
std::vector<int64_t> SharesInHundredths(const Workspace& ws, const Budget& b) {
    int64_t all = 0;
    bool plain = false;
    std::vector<uint64_t> weights;
    std::vector<Payer> payers;
    for (auto& id : b.parties) {
        int64_t t = b.PartyTotal(id);
        all += t;
        plain |= t < 0;
        weights.push_back(t < 0 ? 0 : (uint64_t)t);
        const Party* p = ws.parties.count(id) ? &ws.parties.at(id) : nullptr;
        payers.push_back({id, p ? p->name : id, p ? p->kind : PartyKind::Other, p ? p->population : 0});
    }
    if (all <= 0) return std::vector<int64_t>(b.parties.size(), 0);
    if (!plain) return LargestRemainder(10000, weights, payers);
    std::vector<int64_t> out;
    for (auto& id : b.parties) out.push_back(std::llround((double)b.PartyTotal(id) * 10000.0 / (double)all));
    return out;
}

void Costs(Sheet& s, const Workspace& ws, Lang l) {
    Budget b = ComputeBudget(ws);
    std::vector<std::string> head{Tx(l, "ui.party")};
    for (int y = b.first_year; y <= b.last_year; ++y) head.push_back(std::to_string(y));
    head.push_back(Tx(l, "ui.total"));
    head.push_back(Tx(l, "ui.share_percent"));
    s.Row(head);
    int64_t all = 0;
    for (auto& id : b.parties) all += b.PartyTotal(id);
    std::vector<int64_t> hundredths = SharesInHundredths(ws, b);
    for (size_t i = 0; i < b.parties.size(); ++i) {
        const std::string& id = b.parties[i];
        std::vector<std::string> row{Name(ws, id)};
        for (int y = b.first_year; y <= b.last_year; ++y) row.push_back(std::to_string(b.PartyAt(id, y)));
        row.push_back(std::to_string(b.PartyTotal(id)));
        row.push_back(all ? Decimal((double)hundredths[i] / 100.0, 2) : "0");
        s.Row(row);
    }
    std::vector<std::string> total{Tx(l, "ui.total")};
    for (int y = b.first_year; y <= b.last_year; ++y) {
        int64_t t = 0;
        for (auto& id : b.parties) t += b.PartyAt(id, y);
        total.push_back(std::to_string(t));
    }
    total.push_back(std::to_string(all));
    total.push_back(all ? "100" : "0");
    s.Row(total);
}

}  // namespace

bool CsvTableFromName(std::string_view n, CsvTable& out) {
    if (n == "parties") out = CsvTable::Parties;
    else if (n == "members") out = CsvTable::Members;
    else if (n == "decisions") out = CsvTable::Decisions;
    else if (n == "costs") out = CsvTable::Costs;
    else return false;
    return true;
}

const char* CsvTableName(CsvTable t) {
    switch (t) {
        case CsvTable::Parties: return "parties";
        case CsvTable::Members: return "members";
        case CsvTable::Decisions: return "decisions";
        case CsvTable::Costs: default: return "costs";
    }
}

std::string CsvFileName(const Workspace& ws, CsvTable t, Lang l) {
    std::string base = Slug(ws.name);
    if (base.empty()) base = "samverkan";
    return base + "-" + Slug(Tr(l, std::string("csv.") + CsvTableName(t))) + ".csv";
}

std::string ExportCsv(const Workspace& ws, CsvTable t, Lang l) {
    Sheet s;
    switch (t) {
        case CsvTable::Parties: Parties(s, ws, l); break;
        case CsvTable::Members: Members(s, ws, l); break;
        case CsvTable::Decisions: Decisions(s, ws, l); break;
        case CsvTable::Costs: Costs(s, ws, l); break;
    }
    return std::move(s.out);
}

}  // namespace sam
