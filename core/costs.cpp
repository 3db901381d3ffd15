#include "costs.h"

#include <cstdlib>

#include <algorithm>
#include <cmath>
#include <set>
#include "format.h"
#include "json_io.h"

namespace sam {

int64_t Budget::PartyAt(const std::string& party, int y) const {
    auto it = per_party.find(party);
    return it == per_party.end() ? 0 : At(it->second, y);
}

int64_t Budget::Total(const Series& s) const {
    int64_t t = 0;
    for (int64_t v : s) t += v;
    return t;
}

int64_t Budget::PartyTotal(const std::string& party) const {
    auto it = per_party.find(party);
    return it == per_party.end() ? 0 : Total(it->second);
}

int64_t Budget::InKindAt(const std::string& party, int y) const {
    auto it = in_kind.find(party);
    return it == in_kind.end() ? 0 : At(it->second, y);
}

int64_t Budget::CashAt(const std::string& party, int y) const {
    auto it = in_kind_against.find(party);
    int64_t against = it == in_kind_against.end() ? 0 : At(it->second, y);
    return std::max<int64_t>(0, PartyAt(party, y) - against);
}

int64_t InKindValue(const InKind& k, int year) {
    if (year < k.first_year || year > k.last_year) return 0;
    return k.amount ? *k.amount : (int64_t)std::llround(k.fte * (double)k.cost_per_fte);
}

void SortPartiesSwedish(const Workspace& ws, std::vector<std::string>& ids) {
    auto name = [&](const std::string& id) -> const std::string& {
        auto it = ws.parties.find(id);
        return it == ws.parties.end() ? id : it->second.name;
    };
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        int c = CompareSwedish(name(a), name(b));
        return c != 0 ? c < 0 : a < b;
    });
}

namespace {

void AddUnique(std::vector<std::string>& v, const std::string& id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}
void RemoveAll(std::vector<std::string>& v, const std::vector<std::string>& ids) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const std::string& x) {
        return std::find(ids.begin(), ids.end(), x) != ids.end(); }), v.end());
}

std::vector<std::string> ApplyScenario(std::vector<std::string> ids, const Scenario* s) {
    if (!s) return ids;
    RemoveAll(ids, s->leave);
    for (auto& j : s->join) AddUnique(ids, j);
    return ids;
}

void AddInto(Series& dst, const Series& src) {
    if (dst.size() < src.size()) dst.resize(src.size(), 0);
    for (size_t i = 0; i < src.size(); ++i) dst[i] += src[i];
}

std::string LevelOf(const Workspace& ws, const CostItem& item) {
    if (item.level) return ToString(*item.level);
    auto it = ws.bodies.find(item.body);
    return it == ws.bodies.end() ? "" : ToString(it->second.level);
}

std::vector<Payer> PayersOf(const Workspace& ws, const std::vector<std::string>& ids) {
    std::vector<Payer> out;
    for (auto& id : ids) {
        auto it = ws.parties.find(id);
        if (it == ws.parties.end()) continue;   // an unknown id is a consistency warning, not a payer
        out.push_back({id, it->second.name, it->second.kind, it->second.population});
    }
    return out;
}

std::string QuantityText(const CostItem& item, const Workspace& ws, const std::vector<std::string>& participants) {
    std::string s;
    for (auto& f : item.quantity) {
        if (!s.empty()) s += " × ";
        double v = f.value;
        if (f.count_of) {
            v = 0;
            for (auto& id : participants) {
                auto it = ws.parties.find(id);
                if (it != ws.parties.end() && it->second.kind == *f.count_of) v += 1;
            }
        }
        s += FormatDecimal(v, 2);
        if (!f.label.empty()) s += " " + f.label;
    }
    return s;
}

// A key and payer list as text, to find the items that share them.
std::string GroupId(const AllocationKey& key, const std::vector<Payer>& payers) {
    std::string id = ToJson(key).dump();
    for (auto& p : payers) id += "|" + p.id;
    return id;
}

void AllocateGroup(ShareGroup& g, int years) {
    // Lines come back in the payers' order: fill by index, build the map once.
    std::vector<Series> shares(g.payers.size(), Series(years, 0));
    for (int y = 0; y < years; ++y) {
        if (g.net[y] == 0) continue;
        Allocation a = Allocate(g.net[y], g.key, g.payers);
        if (!a.ok) {
            g.ok = false;
            g.error = a.error;
            g.args = a.args;
            return;
        }
        for (size_t i = 0; i < a.lines.size(); ++i) shares[i][y] = a.lines[i].amount;
    }
    for (size_t i = 0; i < g.payers.size(); ++i) g.per_party.emplace(g.payers[i].id, std::move(shares[i]));
}

// An item's net split evenly over its focus areas (largest remainder, so the parts add up
// to the krona); untagged items under "".
void AddPerFocus(std::map<std::string, Series>& per_focus, const std::vector<std::string>& focus, const Series& net) {
    if (focus.empty()) { AddInto(per_focus[""], net); return; }
    const int64_t n = (int64_t)focus.size();
    for (size_t y = 0; y < net.size(); ++y) {
        int64_t part = net[y] / n, rest = net[y] - part * n;   // rest has the sign of net
        for (int64_t i = 0; i < n; ++i) {
            Series& s = per_focus[focus[(size_t)i]];
            if (s.size() < net.size()) s.resize(net.size(), 0);
            s[y] += part + (i < std::llabs(rest) ? (rest > 0 ? 1 : -1) : 0);
        }
    }
}

// Contributions in kind of the parties that take part (in the scenario, when there is one).
// Against the share: more than the share in a year is a warning, the money paid is then 0.
void AddInKind(const Workspace& ws, const Scenario* scenario, Budget& b) {
    const int years = b.Years();
    if (years <= 0) return;
    std::set<std::string> leaving;
    if (scenario) leaving.insert(scenario->leave.begin(), scenario->leave.end());
    for (auto& [id, k] : ws.in_kind) {
        if (leaving.count(k.party)) continue;
        Series v(years, 0);
        for (int y = 0; y < years; ++y) v[y] = InKindValue(k, b.first_year + y);
        AddInto(b.in_kind[k.party], v);
        if (k.against_share) AddInto(b.in_kind_against[k.party], v);
    }
    for (auto& [party, against] : b.in_kind_against)
        for (int y = 0; y < years; ++y)
            if (against[y] > b.PartyAt(party, b.first_year + y)) {
                auto p = ws.parties.find(party);
                b.problems.push_back({Severity::Warning, "/in_kind", "warn.in_kind_over_share",
                                      {p == ws.parties.end() ? party : p->second.name, std::to_string(b.first_year + y),
                                       FormatKr(against[y]), FormatKr(b.PartyAt(party, b.first_year + y))}});
                break;
            }
}

}  // namespace

std::vector<std::string> Participants(const Workspace& ws, const Scenario* scenario) {
    return ApplyScenario(ws.costs.participants, scenario);
}

double Quantity(const CostItem& item, const Workspace& ws, const std::vector<std::string>& participants) {
    double q = 1;
    for (auto& f : item.quantity) {
        if (!f.count_of) { q *= f.value; continue; }
        int n = 0;
        for (auto& id : participants) {
            auto it = ws.parties.find(id);
            if (it != ws.parties.end() && it->second.kind == *f.count_of) ++n;
        }
        q *= n;
    }
    return q;
}

int64_t ItemCost(const CostItem& item, int year, double quantity) {
    if (year < item.first_year || year > item.last_year) return 0;
    double base = item.amount ? (double)*item.amount * quantity : item.fte * (double)item.cost_per_fte * quantity;
    double factor = std::pow(1.0 + item.index_percent / 100.0, year - item.first_year);
    return (int64_t)std::llround(base * factor);
}

Budget ComputeBudget(const Workspace& ws, const Scenario* scenario) {
    Budget b;
    // Years: from the earliest first_year to the latest last_year of items and funding.
    int first = 0, last = -1;
    auto widen = [&](int f, int l) {
        if (f <= 0 || l < f) return;
        if (last < first) { first = f; last = l; return; }
        first = std::min(first, f);
        last = std::max(last, l);
    };
    for (auto& [id, it] : ws.cost_items) widen(it.first_year, it.last_year);
    for (auto& [id, f] : ws.funding) widen(f.first_year, f.last_year);
    for (auto& [id, k] : ws.in_kind) widen(k.first_year, k.last_year);
    b.first_year = first;
    b.last_year = last;
    int years = std::max(0, last - first + 1);
    b.gross = b.funding = b.net = Series(years, 0);

    const std::vector<std::string> base_participants = Participants(ws, scenario);
    AllocationKey ws_key = scenario && scenario->key ? *scenario->key : ws.costs.key;
    std::set<std::string> all_payers;
    std::map<std::string, size_t> group_index;
    // Most items use the workspace's payers: look them up once.
    const std::vector<Payer> base_payers = PayersOf(ws, base_participants);
    const std::string base_key_id = ToJson(ws_key).dump() + "|base";
    auto join_group = [&](ItemResult& r, const AllocationKey& key, const std::vector<Payer>& payers, bool base) {
        std::string gid = base && &key == &ws_key ? base_key_id : GroupId(key, payers);
        auto it = group_index.find(gid);
        if (it == group_index.end()) {
            it = group_index.emplace(gid, b.groups.size()).first;
            ShareGroup g;
            g.key = key;
            g.payers = payers;
            g.net = Series(years, 0);
            b.groups.push_back(std::move(g));
        }
        r.group = it->second;
        ShareGroup& g = b.groups[r.group];
        g.items.push_back(r.id);
        AddInto(g.net, r.net);
    };

    for (auto& [id, original] : ws.cost_items) {
        CostItem item = original;
        const AllocationKey* key = item.key ? &*item.key : &ws_key;
        AllocationKey changed_key;
        if (scenario) {
            auto ch = scenario->items.find(id);
            if (ch != scenario->items.end()) {
                if (ch->second.removed) continue;
                if (ch->second.fte) item.fte = *ch->second.fte;
                if (ch->second.cost_per_fte) item.cost_per_fte = *ch->second.cost_per_fte;
                if (ch->second.amount) item.amount = *ch->second.amount;
                if (ch->second.key) { changed_key = *ch->second.key; key = &changed_key; }
            }
        }
        std::vector<std::string> own_ids;
        if (item.participants) own_ids = ApplyScenario(*item.participants, scenario);
        const std::vector<std::string>& ids = item.participants ? own_ids : base_participants;
        ItemResult r;
        r.id = id;
        r.name = item.name;
        std::vector<Payer> own_payers;
        if (item.participants) own_payers = PayersOf(ws, ids);
        r.quantity = Quantity(item, ws, ids);
        r.quantity_text = QuantityText(item, ws, ids);
        r.fte_total = item.fte * r.quantity;
        if (item.fte > 0) r.implied_cost_per_fte = item.amount ? (double)*item.amount / item.fte : (double)item.cost_per_fte;
        r.gross = r.funding = r.net = Series(years, 0);
        for (int y = 0; y < years; ++y) r.gross[y] = ItemCost(item, first + y, r.quantity);
        for (auto& [fid, f] : ws.funding) {
            if (f.cost_item != id) continue;
            for (int y = std::max(f.first_year, first); y <= std::min(f.last_year, last); ++y) r.funding[y - first] += f.amount;
        }
        for (int y = 0; y < years; ++y) r.net[y] = r.gross[y] - r.funding[y];
        join_group(r, *key, item.participants ? own_payers : base_payers, !item.participants);
        std::string level = LevelOf(ws, item);
        AddInto(b.per_level[level], r.net);
        AddInto(b.per_body[item.body], r.net);
        AddPerFocus(b.per_focus, item.focus, r.net);
        if (!item.project.empty()) AddInto(b.per_project[item.project], r.net);
        b.items.push_back(std::move(r));
    }

    // Funding not tied to an item lowers what every paying party pays, by the workspace key.
    ItemResult common;
    common.name = "funding";
    common.gross = common.funding = common.net = Series(years, 0);
    bool has_common = false;
    for (auto& [fid, f] : ws.funding) {
        if (!f.cost_item.empty() && ws.cost_items.count(f.cost_item)) continue;
        has_common = true;
        for (int y = std::max(f.first_year, first); y <= std::min(f.last_year, last); ++y) common.funding[y - first] += f.amount;
    }
    if (has_common) {
        for (int y = 0; y < years; ++y) common.net[y] = -common.funding[y];
        join_group(common, ws_key, base_payers, true);
        AddInto(b.per_level[""], common.net);
        AddInto(b.per_body[""], common.net);
        AddInto(b.per_focus[""], common.net);
        b.items.push_back(std::move(common));
    }

    b.unallocated = Series(years, 0);
    for (auto& g : b.groups) {
        AllocateGroup(g, years);
        if (!g.ok) {
            AddInto(b.unallocated, g.net);
            for (auto& id : g.items) b.problems.push_back({Severity::Warning, id.empty() ? "/funding" : "/cost_items/" + id, g.error, g.args});
        }
        for (auto& [party, s] : g.per_party) {
            AddInto(b.per_party[party], s);
            all_payers.insert(party);
        }
    }
    for (auto& r : b.items) {
        const ShareGroup& g = b.groups[r.group];
        r.ok = g.ok;
        r.error = g.error;
        r.args = g.args;
        AddInto(b.gross, r.gross);
        AddInto(b.funding, r.funding);
        AddInto(b.net, r.net);
    }
    b.parties.assign(all_payers.begin(), all_payers.end());
    SortPartiesSwedish(ws, b.parties);
    AddInKind(ws, scenario, b);
    return b;
}

Comparison Compare(const Workspace& ws, const Budget& base, const Budget& scen, int year) {
    Comparison c;
    c.year = year;
    std::vector<std::string> ids = base.parties;
    for (auto& p : scen.parties) AddUnique(ids, p);
    SortPartiesSwedish(ws, ids);
    for (auto& id : ids) {
        PartyDelta d;
        d.party = id;
        d.in_base = base.per_party.count(id) > 0;
        d.in_scenario = scen.per_party.count(id) > 0;
        d.base = base.PartyAt(id, year);
        d.scenario = scen.PartyAt(id, year);
        d.diff = d.scenario - d.base;
        d.diff_percent = d.base ? (double)d.diff * 100.0 / (double)d.base : 0.0;
        c.base_total += d.base;
        c.scenario_total += d.scenario;
        c.rows.push_back(d);
    }
    return c;
}

ShownYear YearToShow(const Budget& b, int chosen, const std::string& today) {
    ShownYear out;
    int now = today.size() >= 4 ? std::atoi(today.substr(0, 4).c_str()) : 0;
    if (b.Years() <= 0) { out.year = chosen ? chosen : now; return out; }
    if (b.HasYear(chosen)) { out.year = chosen; return out; }
    if (b.HasYear(now)) { out.year = now; return out; }
    out.year = now > b.last_year ? b.last_year : b.first_year;
    out.note = "ui.year_outside";
    out.args = {std::to_string(now), std::to_string(b.first_year), std::to_string(b.last_year), std::to_string(out.year)};
    return out;
}

}  // namespace sam
