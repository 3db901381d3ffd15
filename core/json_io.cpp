#include "json_io.h"

#include "json_scan.h"

#include <algorithm>
#include <cmath>
#include "format.h"
#include "json_stream.h"
#include "migrate.h"
#include "validate.h"

namespace sam {

bool IsCollection(std::string_view key) {
    for (const char* c : kCollections) if (key == c) return true;
    return false;
}

// ---- Writing ---------------------------------------------------------------

namespace {

// Starts an entity's object from its unknown fields, so they survive a save.
json Base(const json& extra) { return extra.is_object() ? extra : json::object(); }
void PutStr(json& j, const char* key, const std::string& v) { if (!v.empty()) j[key] = v; }

template <class T>
json MapToJson(const std::map<std::string, T>& m) {
    json out = json::object();
    for (auto& [id, v] : m) out[id] = ToJson(v);
    return out;
}

}  // namespace

json ToJson(const Party& p) {
    json j = Base(p.extra);
    j["name"] = p.name;
    j["kind"] = ToString(p.kind);
    j["population"] = p.population;
    PutStr(j, "org_number", p.org_number);
    if (!p.committee_meetings.empty()) j["committee_meetings"] = p.committee_meetings;
    if (p.lead_days) j["lead_days"] = p.lead_days;
    if (!p.decision_path.empty()) j["decision_path"] = p.decision_path;
    if (!p.body_meetings.empty()) j["body_meetings"] = p.body_meetings;
    return j;
}

json ToJson(const Slide& s) {
    json j = Base(s.extra);
    PutStr(j, "title", s.title);
    j["kind"] = ToString(s.kind);
    PutStr(j, "ref", s.ref);
    if (s.year) j["year"] = s.year;
    return j;
}

json ToJson(const Member& m) {
    json j = Base(m.extra);
    j["role"] = m.role;
    j["party"] = m.party;
    PutStr(j, "name", m.name);
    PutStr(j, "contact", m.contact);
    return j;
}

json ToJson(const Body& b) {
    json j = Base(b.extra);
    j["name"] = b.name;
    j["level"] = ToString(b.level);
    PutStr(j, "parent", b.parent);
    j["target_group"] = ToString(b.target_group);
    if (!b.mandate.empty()) j["mandate"] = b.mandate;
    if (b.meetings_per_year) j["meetings_per_year"] = b.meetings_per_year;
    if (!b.members.empty()) j["members"] = MapToJson(b.members);
    if (b.repeat) {
        json r = Base(b.repeat->extra);
        r["per_kind"] = ToString(b.repeat->per_kind);
        r["count"] = b.repeat->count;
        if (!b.repeat->overrides.empty()) r["overrides"] = b.repeat->overrides;
        j["repeat"] = r;
    }
    PutStr(j, "party", b.party);
    PutStr(j, "note", b.note);
    if (!b.focus.empty()) j["focus"] = b.focus;
    return j;
}

json ToJson(const Milestone& m) {
    json j = Base(m.extra);
    j["date"] = m.date;
    j["what"] = m.what;
    PutStr(j, "where", m.where);
    j["done"] = m.done;
    return j;
}

json ToJson(const Decision& d) {
    json j = Base(d.extra);
    j["status"] = ToString(d.status);
    PutStr(j, "date", d.date);
    PutStr(j, "body", d.body);
    PutStr(j, "conditions", d.conditions);
    PutStr(j, "note", d.note);
    if (d.within_budget) j["within_budget"] = *d.within_budget;
    if (!d.steps.empty()) {
        json steps = json::array();
        for (const DecisionStep& s : d.steps) {
            json st = Base(s.extra);
            st["body"] = s.body;
            PutStr(st, "date", s.date);
            st["outcome"] = ToString(s.outcome);
            PutStr(st, "note", s.note);
            steps.push_back(std::move(st));
        }
        j["steps"] = std::move(steps);
    }
    return j;
}

json ToJson(const Matter& m) {
    json j = MatterToJsonWithoutDecisions(m);
    j["decisions"] = MapToJson(m.decisions);
    return j;
}

json MatterToJsonWithoutDecisions(const Matter& m) {
    json j = Base(m.extra);
    j["title"] = m.title;
    PutStr(j, "description", m.description);
    PutStr(j, "proposed_by", m.proposed_by);
    PutStr(j, "proposer_text", m.proposer_text);
    j["kind"] = ToString(m.kind);
    PutStr(j, "date", m.date);
    PutStr(j, "deadline", m.deadline);
    if (!m.milestones.empty()) j["milestones"] = MapToJson(m.milestones);
    PutStr(j, "start", m.start);
    PutStr(j, "end", m.end);
    if (!m.focus.empty()) j["focus"] = m.focus;
    return j;
}

json ToJson(const AllocationKey& k) {
    json j = Base(k.extra);
    j["kind"] = ToString(k.kind);
    if (k.kind == KeyKind::RegionSplit) j["region_percent"] = k.region_percent;
    if (k.kind == KeyKind::BasePlusPerCapita) j["base_fee"] = k.base_fee;
    if (k.kind == KeyKind::Fixed || !k.shares.empty()) j["shares"] = k.shares;
    return j;
}

json ToJson(const CostItem& c) {
    json j = Base(c.extra);
    j["name"] = c.name;
    PutStr(j, "body", c.body);
    if (c.level) j["level"] = ToString(*c.level);
    if (c.fte != 0 || !c.amount) j["fte"] = c.fte;
    if (c.cost_per_fte != 0 || !c.amount) j["cost_per_fte"] = c.cost_per_fte;
    if (c.amount) j["amount"] = *c.amount;
    if (!c.quantity.empty()) {
        json q = json::array();
        for (auto& f : c.quantity) {
            json fj = Base(f.extra);
            fj["label"] = f.label;
            if (f.count_of) fj["count_of"] = ToString(*f.count_of);
            else fj["value"] = f.value;
            q.push_back(fj);
        }
        j["quantity"] = q;
    }
    j["first_year"] = c.first_year;
    j["last_year"] = c.last_year;
    if (c.index_percent != 0) j["index_percent"] = c.index_percent;
    if (c.key) j["key"] = ToJson(*c.key);
    if (c.participants) j["participants"] = *c.participants;
    PutStr(j, "project", c.project);
    if (!c.focus.empty()) j["focus"] = c.focus;
    PutStr(j, "note", c.note);
    return j;
}

json ToJson(const Funding& f) {
    json j = Base(f.extra);
    j["name"] = f.name;
    PutStr(j, "source", f.source);
    PutStr(j, "agreement", f.agreement);
    j["amount"] = f.amount;
    j["first_year"] = f.first_year;
    j["last_year"] = f.last_year;
    PutStr(j, "cost_item", f.cost_item);
    return j;
}

json ToJson(const InKind& k) {
    json j = Base(k.extra);
    j["name"] = k.name;
    j["party"] = k.party;
    if (k.fte != 0 || !k.amount) j["fte"] = k.fte;
    if (k.cost_per_fte != 0 || !k.amount) j["cost_per_fte"] = k.cost_per_fte;
    if (k.amount) j["amount"] = *k.amount;
    j["first_year"] = k.first_year;
    j["last_year"] = k.last_year;
    j["against_share"] = k.against_share;
    PutStr(j, "note", k.note);
    return j;
}

json ToJson(const FocusArea& f) {
    json j = Base(f.extra);
    j["name"] = f.name;
    j["national"] = f.national;
    return j;
}

json ToJson(const Scenario& s) {
    json j = Base(s.extra);
    j["name"] = s.name;
    PutStr(j, "description", s.description);
    if (!s.leave.empty()) j["leave"] = s.leave;
    if (!s.join.empty()) j["join"] = s.join;
    if (!s.items.empty()) {
        json items = json::object();
        for (auto& [id, ch] : s.items) {
            json c = Base(ch.extra);
            if (ch.fte) c["fte"] = *ch.fte;
            if (ch.cost_per_fte) c["cost_per_fte"] = *ch.cost_per_fte;
            if (ch.amount) c["amount"] = *ch.amount;
            if (ch.key) c["key"] = ToJson(*ch.key);
            if (ch.removed) c["removed"] = true;
            items[id] = c;
        }
        j["items"] = items;
    }
    if (s.key) j["key"] = ToJson(*s.key);
    return j;
}

json RootToJson(const Workspace& ws) {
    json j = Base(ws.extra);
    j["schema_version"] = ws.schema_version;
    j["name"] = ws.name;
    PutStr(j, "description", ws.description);
    PutStr(j, "population_note", ws.population_note);
    PutStr(j, "case_number", ws.case_number);
    json c = Base(ws.costs.extra);
    c["key"] = ToJson(ws.costs.key);
    c["participants"] = ws.costs.participants;
    if (ws.costs.base_year) c["base_year"] = ws.costs.base_year;
    j["costs"] = c;
    if (!ws.slides.empty()) {
        json slides = json::array();
        for (auto& sl : ws.slides) slides.push_back(ToJson(sl));
        j["slides"] = slides;
    }
    if (!ws.decision_path.empty()) j["decision_path"] = ws.decision_path;
    return j;
}

json CollectionToJson(const Workspace& ws, std::string_view c) {
    if (c == "parties") return MapToJson(ws.parties);
    if (c == "bodies") return MapToJson(ws.bodies);
    if (c == "matters") return MapToJson(ws.matters);
    if (c == "cost_items") return MapToJson(ws.cost_items);
    if (c == "funding") return MapToJson(ws.funding);
    if (c == "in_kind") return MapToJson(ws.in_kind);
    if (c == "focus_areas") return MapToJson(ws.focus_areas);
    if (c == "scenarios") return MapToJson(ws.scenarios);
    return json::object();
}

namespace {
template <class T>
json Find(const std::map<std::string, T>& m, const std::string& id) {
    auto it = m.find(id);
    return it == m.end() ? json() : ToJson(it->second);
}
}  // namespace

json EntityToJson(const Workspace& ws, std::string_view c, const std::string& id) {
    if (c == "parties") return Find(ws.parties, id);
    if (c == "bodies") return Find(ws.bodies, id);
    if (c == "matters") return Find(ws.matters, id);
    if (c == "cost_items") return Find(ws.cost_items, id);
    if (c == "funding") return Find(ws.funding, id);
    if (c == "in_kind") return Find(ws.in_kind, id);
    if (c == "focus_areas") return Find(ws.focus_areas, id);
    if (c == "scenarios") return Find(ws.scenarios, id);
    return json();
}

bool HasEntity(const Workspace& ws, std::string_view c, const std::string& id) {
    if (c == "parties") return ws.parties.count(id) > 0;
    if (c == "bodies") return ws.bodies.count(id) > 0;
    if (c == "matters") return ws.matters.count(id) > 0;
    if (c == "cost_items") return ws.cost_items.count(id) > 0;
    if (c == "funding") return ws.funding.count(id) > 0;
    if (c == "in_kind") return ws.in_kind.count(id) > 0;
    if (c == "focus_areas") return ws.focus_areas.count(id) > 0;
    if (c == "scenarios") return ws.scenarios.count(id) > 0;
    return false;
}

json ToJson(const Workspace& ws) {
    json j = RootToJson(ws);
    for (const char* c : kCollections) j[c] = CollectionToJson(ws, c);
    return j;
}

// ---- Reading ---------------------------------------------------------------

namespace {

std::string Join(const std::string& path, std::string_view key) {
    std::string out = path + "/";
    for (char c : key) {  // JSON Pointer escaping
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// The translation group of an enum's names (i18n.cpp: "party_kind.municipality" -> "Kommun").
constexpr const char* GroupOf(PartyKind) { return "party_kind"; }
constexpr const char* GroupOf(Level) { return "level"; }
constexpr const char* GroupOf(TargetGroup) { return "target_group"; }
constexpr const char* GroupOf(MatterKind) { return "matter_kind"; }
constexpr const char* GroupOf(DecisionStatus) { return "status"; }
constexpr const char* GroupOf(StepOutcome) { return "outcome"; }
constexpr const char* GroupOf(KeyKind) { return "key_kind"; }
constexpr const char* GroupOf(SlideKind) { return "slide_kind"; }

template <class E>
std::string AllowedNames() {
    std::string s;
    for (E e : AllValues<E>()) s += (s.empty() ? "" : ", ") + std::string(ToString(e));
    return s;
}

// Reads the fields of one JSON object; what it was not asked for becomes `extra`.
// Hot for large workspaces (a decision per party per matter): no allocation unless
// there is an error or an unknown field.
struct Reader {
    const json& j;
    std::string owned;          // the path, when the caller's does not outlive the reader
    std::string_view base;      // path of the object, or of its container when leaf is set
    std::string_view leaf;      // the object's id in its container
    std::vector<Problem>& out;
    const char* known[32];
    int n_known = 0;
    size_t found = 0;           // known fields present
    bool ok = true;             // false when `j` is not an object

    Reader(const json& j_, std::string path, std::vector<Problem>& out_) : j(j_), owned(std::move(path)), base(owned), out(out_) { Check(); }
    Reader(const json& j_, std::string_view base_, std::string_view leaf_, std::vector<Problem>& out_)
        : j(j_), base(base_), leaf(leaf_), out(out_) { Check(); }
    Reader(const Reader&) = delete;

    void Check() { if (!j.is_object()) { Err(Path(), "err.not_object"); ok = false; } }
    std::string Path() const { return leaf.empty() ? std::string(base) : Join(std::string(base), leaf); }
    void Err(const std::string& p, const char* code, std::vector<std::string> args = {}) {
        out.push_back({Severity::Error, p, code, std::move(args)});
    }
    bool Has(const char* key) const {
        if (!ok) return false;
        auto it = j.find(key);
        return it != j.end() && !it->is_null();
    }
    const json* Get(const char* key, bool required) {
        if (n_known < 32) known[n_known++] = key;
        if (!ok) return nullptr;
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (required) Err(Join(Path(), key), "err.missing");
            return nullptr;
        }
        ++found;
        return &*it;
    }
    void Str(const char* key, std::string& dst, bool required = false, bool non_empty = false) {
        const json* v = Get(key, required);
        if (!v) return;
        if (!v->is_string()) return Err(Join(Path(), key), "err.not_string");
        dst = v->get<std::string>();
        if (non_empty && dst.empty()) Err(Join(Path(), key), "err.empty");
    }
    void Date(const char* key, std::string& dst, bool required = false) {
        Str(key, dst, required);
        if (!dst.empty() && !IsValidDate(dst)) Err(Join(Path(), key), "err.bad_date", {dst});
    }
    void Ref(const char* key, std::string& dst, bool required = false) {
        Str(key, dst, required);
        if (!dst.empty() && !IsValidId(dst)) Err(Join(Path(), key), "err.bad_id", {dst});
    }
    template <class I>
    void Int(const char* key, I& dst, int64_t lo, int64_t hi, bool required = false) {
        const json* v = Get(key, required);
        if (!v) return;
        if (!v->is_number_integer()) return Err(Join(Path(), key), "err.not_integer");
        int64_t x = v->get<int64_t>();
        if (x < 0 && lo >= 0) return Err(Join(Path(), key), "err.negative", {std::to_string(x)});
        if (x < lo || x > hi)
            return Err(Join(Path(), key), "err.out_of_range", {std::to_string(x), std::to_string(lo), std::to_string(hi)});
        dst = (I)x;
    }
    void Num(const char* key, double& dst, double lo, double hi, bool required = false) {
        const json* v = Get(key, required);
        if (!v) return;
        if (!v->is_number()) return Err(Join(Path(), key), "err.not_number");
        double x = v->get<double>();
        if (!std::isfinite(x)) return Err(Join(Path(), key), "err.not_number");
        if (x < 0 && lo >= 0) return Err(Join(Path(), key), "err.negative", {FormatDecimal(x, 4)});
        if (x < lo || x > hi)
            return Err(Join(Path(), key), "err.out_of_range", {FormatDecimal(x, 4), FormatDecimal(lo, 4), FormatDecimal(hi, 4)});
        dst = x;
    }
    void Bool(const char* key, bool& dst) {
        const json* v = Get(key, false);
        if (!v) return;
        if (!v->is_boolean()) return Err(Join(Path(), key), "err.not_bool");
        dst = v->get<bool>();
    }
    template <class E>
    void Enum(const char* key, E& dst, bool required = true) {
        const json* v = Get(key, required);
        if (!v) return;
        if (!v->is_string()) return Err(Join(Path(), key), "err.not_string");
        if (!FromString(v->get<std::string>(), dst))
            Err(Join(Path(), key), "err.unknown_value", {v->get<std::string>(), AllowedNames<E>(), GroupOf(E{})});
    }
    void StrList(const char* key, std::vector<std::string>& dst, bool ids) {
        const json* v = Get(key, false);
        if (!v) return;
        if (!v->is_array()) return Err(Join(Path(), key), "err.not_array");
        dst.clear();
        for (size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            std::string p = Join(Join(Path(), key), std::to_string(i));
            if (!e.is_string()) { Err(p, "err.not_string"); continue; }
            std::string s = e.get<std::string>();
            if (ids && !IsValidId(s)) Err(p, "err.bad_id", {s});
            dst.push_back(std::move(s));
        }
    }
    const json* Obj(const char* key) {
        const json* v = Get(key, false);
        if (v && !v->is_object()) { Err(Join(Path(), key), "err.not_object"); return nullptr; }
        return v;
    }
    json Extra() const {
        if (!ok || j.size() <= found) return json();
        json e = json::object();
        for (auto& [k, v] : j.items()) {
            bool is_known = false;
            for (int i = 0; i < n_known && !is_known; ++i) is_known = k == known[i];
            if (!is_known) e[k] = v;
        }
        return e;
    }
};

// Iterates a JSON object keyed by id, checking each id; f(id, value, container path).
template <class F>
void EachById(const json* obj, const std::string& path, std::vector<Problem>& out, F&& f) {
    if (!obj) return;
    for (auto& [id, v] : obj->items()) {
        if (!IsValidId(id)) { out.push_back({Severity::Error, Join(path, id), "err.bad_id", {id}}); continue; }
        f(id, v, path);
    }
}

void ParseYears(Reader& r, int& first, int& last) {
    r.Int("first_year", first, 1900, 2200, true);
    r.Int("last_year", last, 1900, 2200, true);
    if (first && last && last < first)
        r.Err(r.Path() + "/last_year", "err.years", {std::to_string(first), std::to_string(last)});
}

Party ParseParty(const json& j, const std::string& path, std::vector<Problem>& out) {
    Party p;
    Reader r(j, path, out);
    r.Str("name", p.name, true, true);
    r.Enum("kind", p.kind);
    r.Int("population", p.population, 0, kMaxPopulation);
    r.Str("org_number", p.org_number);
    r.StrList("committee_meetings", p.committee_meetings, false);
    for (size_t i = 0; i < p.committee_meetings.size(); ++i)
        if (!IsValidDate(p.committee_meetings[i]))
            r.Err(Join(Join(path, "committee_meetings"), std::to_string(i)), "err.bad_date", {p.committee_meetings[i]});
    r.Int("lead_days", p.lead_days, 0, 365);
    r.StrList("decision_path", p.decision_path, false);
    if (const json* bm = r.Obj("body_meetings")) {
        std::string base = Join(path, "body_meetings");
        for (auto& [body, dates] : bm->items()) {
            std::string at = Join(base, body);
            if (!dates.is_array()) { r.Err(at, "err.not_array"); continue; }
            std::vector<std::string>& list = p.body_meetings[body];
            for (size_t i = 0; i < dates.size(); ++i) {
                if (!dates[i].is_string() || !IsValidDate(dates[i].get<std::string>())) {
                    r.Err(Join(at, std::to_string(i)), "err.bad_date", {dates[i].is_string() ? dates[i].get<std::string>() : dates[i].dump()});
                    continue;
                }
                list.push_back(dates[i].get<std::string>());
            }
        }
    }
    p.extra = r.Extra();
    return p;
}

Body ParseBody(const json& j, const std::string& path, std::vector<Problem>& out) {
    Body b;
    Reader r(j, path, out);
    r.Str("name", b.name, true, true);
    r.Enum("level", b.level);
    r.Ref("parent", b.parent);
    r.Enum("target_group", b.target_group, false);
    r.StrList("mandate", b.mandate, false);
    r.Int("meetings_per_year", b.meetings_per_year, 0, 365);
    EachById(r.Obj("members"), path + "/members", out, [&](const std::string& id, const json& v, const std::string& p) {
        Member m;
        Reader mr(v, p, id, out);
        mr.Str("role", m.role, true);
        mr.Ref("party", m.party, true);
        mr.Str("name", m.name);
        mr.Str("contact", m.contact);
        m.extra = mr.Extra();
        b.members[id] = std::move(m);
    });
    if (const json* rep = r.Obj("repeat")) {
        Repeat rp;
        Reader rr(*rep, path + "/repeat", out);
        rr.Enum("per_kind", rp.per_kind);
        rr.Int("count", rp.count, 0, 100, true);
        EachById(rr.Obj("overrides"), path + "/repeat/overrides", out, [&](const std::string& id, const json& v, const std::string& p) {
            if (!v.is_number_integer()) return out.push_back({Severity::Error, Join(p, id), "err.not_integer", {}});
            int64_t n = v.get<int64_t>();
            if (n < 0) return out.push_back({Severity::Error, Join(p, id), "err.negative", {std::to_string(n)}});
            if (n > 100) return out.push_back({Severity::Error, Join(p, id), "err.out_of_range", {std::to_string(n), "0", "100"}});
            rp.overrides[id] = (int)n;
        });
        rp.extra = rr.Extra();
        b.repeat = std::move(rp);
    }
    r.Ref("party", b.party);
    r.Str("note", b.note);
    r.StrList("focus", b.focus, true);
    b.extra = r.Extra();
    return b;
}

Matter ParseMatter(const json& j, const std::string& path, std::vector<Problem>& out) {
    Matter m;
    Reader r(j, path, out);
    r.Str("title", m.title, true, true);
    r.Str("description", m.description);
    r.Ref("proposed_by", m.proposed_by);
    r.Str("proposer_text", m.proposer_text);
    r.Enum("kind", m.kind);
    r.Date("date", m.date);
    r.Date("deadline", m.deadline);
    EachById(r.Obj("milestones"), path + "/milestones", out, [&](const std::string& id, const json& v, const std::string& p) {
        Milestone ms;
        Reader mr(v, p, id, out);
        mr.Date("date", ms.date, true);
        mr.Str("what", ms.what, true, true);
        mr.Str("where", ms.where);
        mr.Bool("done", ms.done);
        ms.extra = mr.Extra();
        m.milestones[id] = std::move(ms);
    });
    const json* decisions = r.Obj("decisions");
    EachById(decisions, path + "/decisions", out, [&](const std::string& id, const json& v, const std::string& p) {
        m.decisions[id] = ParseDecision(v, p, id, out);
    });
    r.Date("start", m.start);
    r.Date("end", m.end);
    if (!m.start.empty() && !m.end.empty() && m.end < m.start) r.Err(path + "/end", "err.end_before_start", {m.start, m.end});
    r.StrList("focus", m.focus, true);
    m.extra = r.Extra();
    return m;
}

CostItem ParseCostItem(const json& j, const std::string& path, std::vector<Problem>& out) {
    CostItem c;
    Reader r(j, path, out);
    r.Str("name", c.name, true, true);
    r.Ref("body", c.body);
    if (r.Has("level")) { Level l{}; r.Enum("level", l); c.level = l; }
    r.Num("fte", c.fte, 0, 10'000);
    r.Int("cost_per_fte", c.cost_per_fte, 0, 100'000'000);
    if (r.Has("amount")) { int64_t a = 0; r.Int("amount", a, 0, 100'000'000'000LL); c.amount = a; }
    if (const json* q = r.Get("quantity", false)) {
        if (!q->is_array()) r.Err(path + "/quantity", "err.not_array");
        else for (size_t i = 0; i < q->size(); ++i) {
            QuantityFactor f;
            Reader fr((*q)[i], path + "/quantity/" + std::to_string(i), out);
            fr.Str("label", f.label);
            if (fr.Has("count_of")) { PartyKind k{}; fr.Enum("count_of", k); f.count_of = k; }
            else fr.Num("value", f.value, 0, 1'000'000, true);
            f.extra = fr.Extra();
            c.quantity.push_back(std::move(f));
        }
    }
    ParseYears(r, c.first_year, c.last_year);
    r.Num("index_percent", c.index_percent, -50, 100);
    if (const json* k = r.Get("key", false)) {
        AllocationKey key;
        if (ParseAllocationKey(*k, path + "/key", key, out)) c.key = std::move(key);
    }
    if (r.Has("participants")) {
        std::vector<std::string> ps;
        r.StrList("participants", ps, true);
        c.participants = std::move(ps);
    }
    r.Ref("project", c.project);
    r.StrList("focus", c.focus, true);
    r.Str("note", c.note);
    c.extra = r.Extra();
    return c;
}

Funding ParseFunding(const json& j, const std::string& path, std::vector<Problem>& out) {
    Funding f;
    Reader r(j, path, out);
    r.Str("name", f.name, true, true);
    r.Str("source", f.source);
    r.Str("agreement", f.agreement);
    r.Int("amount", f.amount, 0, 100'000'000'000LL, true);
    ParseYears(r, f.first_year, f.last_year);
    r.Ref("cost_item", f.cost_item);
    f.extra = r.Extra();
    return f;
}

InKind ParseInKind(const json& j, const std::string& path, std::vector<Problem>& out) {
    InKind k;
    Reader r(j, path, out);
    r.Str("name", k.name, true, true);
    r.Ref("party", k.party, true);
    r.Num("fte", k.fte, 0, 10'000);
    r.Int("cost_per_fte", k.cost_per_fte, 0, 100'000'000);
    if (r.Has("amount")) { int64_t a = 0; r.Int("amount", a, 0, 100'000'000'000LL); k.amount = a; }
    ParseYears(r, k.first_year, k.last_year);
    r.Bool("against_share", k.against_share);
    r.Str("note", k.note);
    k.extra = r.Extra();
    return k;
}

FocusArea ParseFocusArea(const json& j, const std::string& path, std::vector<Problem>& out) {
    FocusArea f;
    Reader r(j, path, out);
    r.Str("name", f.name, true, true);
    r.Bool("national", f.national);
    f.extra = r.Extra();
    return f;
}

Scenario ParseScenario(const json& j, const std::string& path, std::vector<Problem>& out) {
    Scenario s;
    Reader r(j, path, out);
    r.Str("name", s.name, true, true);
    r.Str("description", s.description);
    r.StrList("leave", s.leave, true);
    r.StrList("join", s.join, true);
    EachById(r.Obj("items"), path + "/items", out, [&](const std::string& id, const json& v, const std::string& p) {
        ItemChange ch;
        Reader cr(v, p, id, out);
        if (cr.Has("fte")) { double x = 0; cr.Num("fte", x, 0, 10'000); ch.fte = x; }
        if (cr.Has("cost_per_fte")) { int64_t x = 0; cr.Int("cost_per_fte", x, 0, 100'000'000); ch.cost_per_fte = x; }
        if (cr.Has("amount")) { int64_t x = 0; cr.Int("amount", x, 0, 100'000'000'000LL); ch.amount = x; }
        if (const json* k = cr.Get("key", false)) {
            AllocationKey key;
            if (ParseAllocationKey(*k, Join(p, id) + "/key", key, out)) ch.key = std::move(key);
        }
        cr.Bool("removed", ch.removed);
        ch.extra = cr.Extra();
        s.items[id] = std::move(ch);
    });
    if (const json* k = r.Get("key", false)) {
        AllocationKey key;
        if (ParseAllocationKey(*k, path + "/key", key, out)) s.key = std::move(key);
    }
    s.extra = r.Extra();
    return s;
}

}  // namespace

Decision ParseDecision(const json& j, std::string_view base, std::string_view party, std::vector<Problem>& out) {
    Decision d;
    Reader dr(j, base, party, out);
    dr.Enum("status", d.status);
    dr.Date("date", d.date);
    dr.Str("body", d.body);
    dr.Str("conditions", d.conditions);
    dr.Str("note", d.note);
    if (dr.Has("within_budget")) { bool b = false; dr.Bool("within_budget", b); d.within_budget = b; }
    if (const json* steps = dr.Get("steps", false)) {
        std::string at = Join(dr.Path(), "steps");
        if (!steps->is_array()) dr.Err(at, "err.not_array");
        else
            for (size_t i = 0; i < steps->size(); ++i) {
                Reader sr((*steps)[i], Join(at, std::to_string(i)), out);
                DecisionStep s;
                sr.Str("body", s.body, true, true);
                sr.Date("date", s.date);
                sr.Enum("outcome", s.outcome, false);
                sr.Str("note", s.note);
                s.extra = sr.Extra();
                // Meetings in order: a step cannot meet before the step it comes from.
                for (size_t k = i; k-- > 0 && !s.date.empty();)
                    if (!d.steps[k].date.empty()) {
                        if (s.date < d.steps[k].date)
                            sr.Err(Join(Join(at, std::to_string(i)), "date"), "err.step_order",
                                   {std::to_string(i + 1), s.date, std::to_string(k + 1), d.steps[k].date});
                        break;
                    }
                d.steps.push_back(std::move(s));
            }
    }
    d.extra = dr.Extra();
    return d;
}

bool ParseAllocationKey(const json& j, const std::string& path, AllocationKey& k, std::vector<Problem>& out) {
    size_t before = out.size();
    Reader r(j, path, out);
    r.Enum("kind", k.kind);
    r.Num("region_percent", k.region_percent, 0, 100, k.kind == KeyKind::RegionSplit && r.ok);
    r.Int("base_fee", k.base_fee, 0, 100'000'000'000LL, k.kind == KeyKind::BasePlusPerCapita && r.ok);
    EachById(r.Obj("shares"), path + "/shares", out, [&](const std::string& id, const json& v, const std::string& p) {
        if (!v.is_number()) return out.push_back({Severity::Error, Join(p, id), "err.not_number", {}});
        double x = v.get<double>();
        if (x < 0) return out.push_back({Severity::Error, Join(p, id), "err.negative", {FormatDecimal(x, 4)}});
        if (x > 100) return out.push_back({Severity::Error, Join(p, id), "err.out_of_range", {FormatDecimal(x, 4), "0", "100"}});
        k.shares[id] = x;
    });
    k.extra = r.Extra();
    return out.size() == before;
}

void ParseRoot(const json& j, Workspace& ws, std::vector<Problem>& out) {
    Reader r(j, "", out);
    if (!r.ok) return;
    int version = 0;
    r.Int("schema_version", version, 0, 1'000'000, true);
    if (version && version != kSchemaVersion)
        r.Err("/schema_version", "err.schema_version", {std::to_string(version), std::to_string(kSchemaVersion)});
    ws.schema_version = kSchemaVersion;
    r.Str("name", ws.name, true, true);
    r.Str("description", ws.description);
    r.Str("population_note", ws.population_note);
    r.Str("case_number", ws.case_number);
    ws.costs = CostSettings{};
    if (const json* c = r.Obj("costs")) {
        Reader cr(*c, "/costs", out);
        if (const json* k = cr.Get("key", false)) ParseAllocationKey(*k, "/costs/key", ws.costs.key, out);
        cr.StrList("participants", ws.costs.participants, true);
        cr.Int("base_year", ws.costs.base_year, 0, 2200);
        ws.costs.extra = cr.Extra();
    }
    ws.slides.clear();
    if (const json* sl = r.Get("slides", false)) {
        if (!sl->is_array()) r.Err("/slides", "err.not_array");
        else
            for (size_t i = 0; i < sl->size(); ++i) {
                Reader sr((*sl)[i], "/slides/" + std::to_string(i), out);
                Slide s;
                sr.Str("title", s.title);
                sr.Enum("kind", s.kind);
                sr.Ref("ref", s.ref);
                sr.Int("year", s.year, 0, 2200);
                s.extra = sr.Extra();
                ws.slides.push_back(std::move(s));
            }
    }
    ws.decision_path.clear();
    r.StrList("decision_path", ws.decision_path, false);
    for (const char* c : kCollections) (void)r.Get(c, false);
    ws.extra = r.Extra();
}

void RemoveEntity(Workspace& ws, std::string_view c, const std::string& id) {
    if (c == "parties") ws.parties.erase(id);
    else if (c == "bodies") ws.bodies.erase(id);
    else if (c == "matters") ws.matters.erase(id);
    else if (c == "cost_items") ws.cost_items.erase(id);
    else if (c == "funding") ws.funding.erase(id);
    else if (c == "in_kind") ws.in_kind.erase(id);
    else if (c == "focus_areas") ws.focus_areas.erase(id);
    else if (c == "scenarios") ws.scenarios.erase(id);
}

void ParseEntity(const json& j, std::string_view c, const std::string& id, Workspace& ws, std::vector<Problem>& out) {
    std::string path = Join(Join("", c), id);
    if (!IsValidId(id)) return out.push_back({Severity::Error, path, "err.bad_id", {id}});
    if (c == "parties") ws.parties[id] = ParseParty(j, path, out);
    else if (c == "bodies") ws.bodies[id] = ParseBody(j, path, out);
    else if (c == "matters") ws.matters[id] = ParseMatter(j, path, out);
    else if (c == "cost_items") ws.cost_items[id] = ParseCostItem(j, path, out);
    else if (c == "funding") ws.funding[id] = ParseFunding(j, path, out);
    else if (c == "in_kind") ws.in_kind[id] = ParseInKind(j, path, out);
    else if (c == "focus_areas") ws.focus_areas[id] = ParseFocusArea(j, path, out);
    else if (c == "scenarios") ws.scenarios[id] = ParseScenario(j, path, out);
}

void ParseCollection(const json& j, std::string_view c, Workspace& ws, std::vector<Problem>& out) {
    std::string path = Join("", c);
    if (j.is_null()) return;
    if (!j.is_object()) return out.push_back({Severity::Error, path, "err.not_object", {}});
    for (auto& [id, v] : j.items()) ParseEntity(v, c, id, ws, out);
}

void ParseWorkspace(const json& j, Workspace& ws, std::vector<Problem>& out) {
    ws = Workspace{};
    ParseRoot(j, ws, out);
    if (!j.is_object()) return;
    for (const char* c : kCollections) {
        auto it = j.find(c);
        if (it != j.end()) ParseCollection(*it, c, ws, out);
    }
}

namespace {

// What LoadWorkspace makes of a streamed document: the scanner's reason in the user's words
// when it is no JSON, else the rest parsed, migrated and checked.
void FinishLoad(StreamResult& streamed, LoadResult& res) {
    Workspace& ws = res.workspace;
    if (!streamed.parsed) {
        res.problems.clear();
        // Where it went wrong, or that it nests too deep.
        const std::string& e = streamed.error;
        size_t at = e.find("at byte ");
        if (e.find("nested more than") != std::string::npos)
            res.problems.push_back({Severity::Error, "", "err.too_deep", {std::to_string(kMaxJsonDepth)}});
        else
            res.problems.push_back({Severity::Error, "", "err.not_json",
                                    {at == std::string::npos ? "0" : e.substr(at + 8, e.find(':', at) - at - 8)}});
        res.workspace = Workspace{};
        return;
    }
    json& j = streamed.rest;
    std::vector<Problem> version_problems;
    res.migrated_from = Migrate(j, version_problems);
    if (HasErrors(version_problems)) {
        res.problems = std::move(version_problems);
        return;
    }
    // What was not streamed: the root fields, and whole collections of older files.
    ParseRoot(j, ws, res.problems);
    if (j.is_object())
        for (const char* c : kCollections) {
            auto it = j.find(c);
            if (it != j.end()) ParseCollection(*it, c, ws, res.problems);
        }
    ValidateStructure(ws, res.problems);
    res.ok = !HasErrors(res.problems);
    // The tally counted while streaming holds when every matter was streamed, once.
    auto rest_matters = j.is_object() ? j.find("matters") : j.end();
    bool all_streamed = !j.is_object() || rest_matters == j.end() || (rest_matters->is_object() && rest_matters->empty());
    if (res.ok && res.migrated_from == 0 && all_streamed && streamed.tally &&
        streamed.tally->by_matter.size() == ws.matters.size())
        res.decision_tally = std::move(streamed.tally);
}

}  // namespace

LoadResult LoadWorkspace(std::string_view text, const ScanProgress* progress) {
    LoadResult res;
    // Entities are read into the model as their objects close (see json_stream.h), so a
    // large workspace never exists twice.
    StreamResult streamed = StreamWorkspace(text, res.workspace, res.problems, progress);
    FinishLoad(streamed, res);
    return res;
}

PieceLoad::PieceLoad() : result_(std::make_unique<LoadResult>()),
                         stream_(std::make_unique<StreamPieces>(result_->workspace, result_->problems)) {}
PieceLoad::~PieceLoad() = default;

PieceScan::State PieceLoad::Feed(std::string_view text, bool complete) { return stream_->Feed(text, complete); }
void PieceLoad::StopAfterValue() { stream_->scan().stop_after_value = true; }
size_t PieceLoad::read() const { return stream_->scan().read(); }

LoadResult PieceLoad::Finish() {
    StreamResult streamed = stream_->Finish();
    FinishLoad(streamed, *result_);
    return std::move(*result_);
}

bool SlicedLoad::Step(size_t bytes) {
    if (over_) return true;
    fed_ = std::min(text_.size(), fed_ + std::max<size_t>(bytes, 1));
    PieceScan::State state = load_.Feed(text_.substr(0, fed_), fed_ == text_.size());
    over_ = state != PieceScan::State::NeedMore || fed_ == text_.size();   // all fed: nothing more comes
    return over_;
}

LoadResult SlicedLoad::Finish() {
    while (!Step(text_.size())) {}
    return load_.Finish();
}

bool ParseScenarioFor(const Workspace& ws, const json& j, Scenario& out) {
    if (!j.is_object()) return false;
    Workspace probe;
    probe.parties = ws.parties;
    probe.cost_items = ws.cost_items;
    std::vector<Problem> problems;
    ParseEntity(j, "scenarios", "what-if", probe, problems);
    auto it = probe.scenarios.find("what-if");
    if (HasErrors(problems) || it == probe.scenarios.end()) return false;
    out = it->second;
    return true;
}

}  // namespace sam
