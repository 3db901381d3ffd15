#include "describe.h"

#include <algorithm>
#include <cmath>
#include <map>
#include "format.h"
#include "json_io.h"
#include "json_scan.h"
#include "utf8.h"

namespace sam {

namespace {

std::vector<std::string> Tokens(const std::string& pointer) {
    std::vector<std::string> out;
    if (pointer.empty()) return out;
    size_t i = 1;
    while (true) {
        size_t j = pointer.find('/', i);
        std::string t = pointer.substr(i, j == std::string::npos ? std::string::npos : j - i);
        std::string u;
        for (size_t k = 0; k < t.size(); ++k) {
            if (t[k] == '~' && k + 1 < t.size()) { u += t[k + 1] == '1' ? '/' : '~'; ++k; }
            else u += t[k];
        }
        out.push_back(u);
        if (j == std::string::npos) break;
        i = j + 1;
    }
    return out;
}

const json* Descend(const json& j, const std::vector<std::string>& tokens, size_t from) {
    const json* at = &j;
    for (size_t i = from; i < tokens.size(); ++i) {
        if (at->is_object()) {
            auto it = at->find(tokens[i]);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            if (tokens[i].empty() || tokens[i].find_first_not_of("0123456789") != std::string::npos || tokens[i].size() > 9) return nullptr;
            size_t n = std::stoul(tokens[i]);
            if (n >= at->size()) return nullptr;
            at = &(*at)[n];
        } else {
            return nullptr;
        }
    }
    return at;
}

std::string Clip(const std::string& s, size_t bytes = 60) {
    std::string out = CutUtf8(s, bytes);
    return out.size() < s.size() ? out + "…" : out;
}

std::string Capital(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

// Reads names and old values from the workspace as it was, and from what this same patch
// added before (a new entity named in its own value).
struct Reader {
    const Workspace& ws;
    Lang lang;
    std::map<std::string, json> entities;   // "collection/id" -> its JSON (null: none)
    json root;

    const json& Entity(const std::string& c, const std::string& id) {
        std::string key = c + "/" + id;
        auto it = entities.find(key);
        if (it == entities.end()) it = entities.emplace(key, EntityToJson(ws, c, id)).first;
        return it->second;
    }
    const json& Root() {
        if (root.is_null()) root = RootToJson(ws);
        return root;
    }
    // The value at a path before the operation (nullptr when there was none).
    const json* Old(const std::vector<std::string>& t) {
        if (t.empty()) return nullptr;
        if (IsCollection(t[0])) {
            if (t.size() < 2) return nullptr;
            const json& e = Entity(t[0], t[1]);
            return e.is_null() ? nullptr : Descend(e, t, 2);
        }
        return Descend(Root(), t, 0);
    }
    void Added(const std::vector<std::string>& t, const json& value) {
        if (t.size() == 2 && IsCollection(t[0])) entities[t[0] + "/" + t[1]] = value;
    }
    std::string NameOf(const std::string& c, const std::string& id) {
        const json& e = Entity(c, id);
        std::string n = TextOf(e, c == "matters" ? "title" : "name");
        return n.empty() ? id : Clip(n);
    }
    std::string PartyName(const std::string& id) { return NameOf("parties", id); }
};

std::string Quoted(Lang lang, const std::string& s) {
    if (s.empty()) return std::string(Tr(lang, "hist.empty"));
    return lang == Lang::Sv ? "”" + Clip(s) + "”" : "\"" + Clip(s) + "\"";
}

// The enum group a field's values are named in, given where it is.
std::string EnumGroup(const std::string& collection, const std::string& field) {
    if (field == "status") return "status";
    if (field == "outcome") return "outcome";
    if (field == "level") return "level";
    if (field == "target_group") return "target_group";
    if (field == "per_kind" || field == "count_of") return "party_kind";
    if (field == "kind") {
        if (collection == "parties") return "party_kind";
        if (collection == "matters") return "matter_kind";
        if (collection == "slides") return "slide_kind";
        return "key_kind";
    }
    return "";
}

std::string Value(Reader& r, const std::string& collection, const std::string& field, const json* v) {
    Lang lang = r.lang;
    if (!v || v->is_null()) {
        // Saved files leave out a flag at its default.
        if (field == "done" || field == "national") return std::string(Tr(lang, "hist.no"));
        if (field == "against_share") return std::string(Tr(lang, "hist.yes"));
        return std::string(Tr(lang, "hist.empty"));
    }
    if (v->is_boolean()) return std::string(Tr(lang, v->get<bool>() ? "hist.yes" : "hist.no"));
    if (v->is_number()) {
        double d = v->get<double>();
        if (field == "amount" || field == "cost_per_fte" || field == "base_fee") return FormatKr((int64_t)std::llround(d));
        if (field == "index_percent" || field == "region_percent") return FormatPercent(d, 2);
        if (v->is_number_integer() && (field.size() < 4 || field.substr(field.size() - 4) != "year")) return FormatInteger(v->get<int64_t>());
        if (v->is_number_integer()) return std::to_string(v->get<int64_t>());   // a year: 2024, not 2 024
        return FormatDecimal(d, 2);
    }
    if (v->is_string()) {
        const std::string& s = v->get_ref<const std::string&>();
        std::string group = EnumGroup(collection, field);
        if (!group.empty() && !s.empty()) return std::string(TrEnum(lang, group, s));
        if (IsValidDate(s)) return s;
        if (field == "party" && !s.empty()) return r.PartyName(s);
        if ((field == "parent" || field == "body" || field == "proposed_by") && collection != "matters.decisions" && !s.empty() &&
            HasEntity(r.ws, "bodies", s))
            return r.NameOf("bodies", s);
        return Quoted(lang, s);
    }
    return "";   // lists and objects: said as a change without values
}

// A list of texts or ids: what was added and what was taken away ("+ Timrå, − Sundsvall").
std::string ListChange(Reader& r, const std::string& field, const json& before, const json& after) {
    auto name = [&](const std::string& s) {
        if (field == "participants" || field == "leave" || field == "join") return r.PartyName(s);
        if (field == "focus") return r.NameOf("focus_areas", s);
        return Clip(s, 40);
    };
    std::vector<std::string> a, b;
    for (auto& x : before) if (x.is_string()) a.push_back(x.get<std::string>());
    for (auto& x : after) if (x.is_string()) b.push_back(x.get<std::string>());
    std::string out;
    for (auto& x : b) if (std::find(a.begin(), a.end(), x) == a.end()) out += (out.empty() ? "+ " : ", + ") + name(x);
    for (auto& x : a) if (std::find(b.begin(), b.end(), x) == b.end()) out += (out.empty() ? "− " : ", − ") + name(x);
    return out;
}

std::string FieldLabel(Lang lang, const std::string& field) {
    std::string key = "hist.field." + field;
    std::string_view t = Tr(lang, key);
    if (t == key) return std::string(Tr(lang, "hist.field.other"));
    return std::string(t);
}

// Where a path points, in words: "Kostnadspost Utbildning", "Luleå (Nära vård)",
// "Ärende Nära vård, milstolpe Avtal klart". `rest` gets the index of the first field token.
struct Subject {
    std::string text;
    std::string collection;   // what names the field's values (for enum groups)
    std::string noun;         // the i18n suffix of the thing at the path's end ("parties", "milestones", ...)
    bool decision = false;    // a party's decision on a matter
    size_t rest = 0;
};

Subject SubjectOf(Reader& r, const std::vector<std::string>& t) {
    Lang lang = r.lang;
    Subject s;
    if (t.empty()) return s;
    if (t[0] == "slides") {
        s.collection = s.noun = "slides";
        if (t.size() >= 2) {
            std::string n = t[1] == "-" ? "" : std::to_string(std::atoi(t[1].c_str()) + 1);
            s.text = TrF(lang, "hist.slide", {n});
            s.rest = 2;
        } else {
            s.rest = 1;
        }
        return s;
    }
    if (!IsCollection(t[0])) {
        s.rest = t[0] == "costs" && t.size() >= 2 ? 1 : 0;   // the cost settings' fields name themselves
        return s;   // a root field: the field names itself
    }
    s.collection = s.noun = t[0];
    if (t.size() < 2) { s.rest = 1; return s; }
    const std::string& c = t[0];
    s.text = std::string(Tr(lang, "hist.noun." + c)) + " " + r.NameOf(c, t[1]);
    s.rest = 2;
    if (t.size() >= 4 && c == "matters" && t[2] == "decisions") {
        s.text = r.PartyName(t[3]);
        s.collection = "matters.decisions";
        s.noun = "decisions";
        s.decision = true;
        s.rest = 4;
        if (t.size() >= 6 && t[4] == "steps") {
            std::string n = t[5] == "-" ? "" : std::to_string(std::atoi(t[5].c_str()) + 1);
            s.text += ", " + TrF(lang, "hist.step", {n});
            s.noun = "steps";
            s.rest = 6;
        }
    } else if (t.size() >= 4 && c == "matters" && t[2] == "milestones") {
        const json* m = r.Old({c, t[1], "milestones", t[3]});
        std::string what = m ? TextOf(*m, "what") : "";
        s.text += ", " + std::string(Tr(lang, "hist.noun_lower.milestones")) + " " + (what.empty() ? t[3] : Clip(what));
        s.noun = "milestones";
        s.rest = 4;
    } else if (t.size() >= 4 && c == "bodies" && t[2] == "members") {
        const json* m = r.Old({c, t[1], "members", t[3]});
        std::string who = m ? TextOf(*m, "name") : "";
        if (who.empty() && m) who = TextOf(*m, "role");
        s.text += ", " + std::string(Tr(lang, "hist.noun_lower.members")) + " " + (who.empty() ? t[3] : Clip(who));
        s.noun = "members";
        s.rest = 4;
    }
    return s;
}

// The matter a decision belongs to, as a trailing note: " (Nära vård)".
std::string MatterNote(Reader& r, const std::vector<std::string>& t) {
    return " (" + r.NameOf("matters", t[1]) + ")";
}

// A new entity's detail: a cost item's yearly amount, a decision's status.
std::string NewDetail(Reader& r, const std::string& collection, const json& v) {
    if (collection == "cost_items" || collection == "in_kind") {
        if (v.contains("amount") && v["amount"].is_number()) return " " + FormatKr(v["amount"].get<int64_t>()) + Tr(r.lang, "hist.per_year").data();
        double fte = v.contains("fte") && v["fte"].is_number() ? v["fte"].get<double>() : 0;
        int64_t cost = v.contains("cost_per_fte") && v["cost_per_fte"].is_number() ? v["cost_per_fte"].get<int64_t>() : 0;
        if (fte > 0 || cost > 0)
            return " " + TrF(r.lang, "hist.fte_times", {FormatDecimal(fte, 2), FormatKr(cost)});
    }
    if (collection == "funding" && v.contains("amount") && v["amount"].is_number())
        return " " + FormatKr(v["amount"].get<int64_t>()) + Tr(r.lang, "hist.per_year").data();
    return "";
}

std::string DescribeEntityAddOrRemove(Reader& r, const std::vector<std::string>& t, const Subject& s, bool add, const json* value) {
    Lang lang = r.lang;
    if (s.decision && s.rest == 4) {   // a whole decision
        std::string before = TextOf(r.Old(t) ? *r.Old(t) : json(), "status", "pending");
        std::string after = add && value ? TextOf(*value, "status", "pending") : "pending";
        return s.text + ": " + std::string(TrEnum(lang, "status", before)) + " → " + std::string(TrEnum(lang, "status", after)) + MatterNote(r, t);
    }
    std::string name;
    if (add && value) {
        name = TextOf(*value, s.noun == "matters" ? "title" : s.noun == "milestones" ? "what" : "name");
        if (name.empty() && s.noun == "members") name = TextOf(*value, "role");
        if (name.empty() && s.noun == "slides") name = TextOf(*value, "title");
        if (name.empty() && s.noun == "steps") name = TextOf(*value, "body");
    } else if (const json* old = r.Old(t)) {
        name = TextOf(*old, s.noun == "matters" ? "title" : s.noun == "milestones" ? "what" : "name");
        if (name.empty() && s.noun == "members") name = TextOf(*old, "role");
        if (name.empty() && s.noun == "steps") name = TextOf(*old, "body");
    }
    std::string where;
    // A nested thing says whose it is: "Ny milstolpe Avtal klart (Ärende Nära vård)".
    if (s.noun == "milestones" || s.noun == "members" || s.noun == "steps") {
        std::vector<std::string> owner(t.begin(), t.begin() + 2);
        where = " (" + (s.noun == "steps" ? r.PartyName(t[3]) + ", " + r.NameOf("matters", t[1])
                                          : SubjectOf(r, owner).text) + ")";
    }
    if (name.empty() && s.noun == "slides") {
        const json* slide = add ? value : r.Old(t);
        name = slide ? std::string(TrEnum(lang, "slide_kind", TextOf(*slide, "kind", "overview"))) : s.text;
    }
    name = name.empty() ? (t.size() > 1 ? t.back() : "") : Clip(name);
    std::string detail = add && value ? NewDetail(r, s.noun, *value) : "";
    return TrF(lang, std::string(add ? "hist.new." : "hist.removed.") + s.noun, {name}) + detail + where;
}

// Fields that differ between two objects, by label.
std::string ChangedFields(Lang lang, const json& a, const json& b) {
    std::vector<std::string> labels;
    if (a.is_object() && b.is_object()) {
        for (auto& [k, v] : b.items()) if (!a.contains(k) || a[k] != v) labels.push_back(FieldLabel(lang, k));
        for (auto& [k, v] : a.items()) if (!b.contains(k)) labels.push_back(FieldLabel(lang, k));
    }
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    std::string out;
    for (auto& l : labels) out += (out.empty() ? "" : ", ") + l;
    return out;
}

std::string DescribeOp(Reader& r, const json& op) {
    Lang lang = r.lang;
    std::string name = TextOf(op, "op");
    if (name == "test") return "";
    std::vector<std::string> t = Tokens(TextOf(op, "path"));
    const json* value = op.contains("value") ? &op["value"] : nullptr;
    if (t.empty()) return std::string(Tr(lang, "hist.whole"));
    if (name == "move" || name == "copy") {
        Subject from = SubjectOf(r, Tokens(TextOf(op, "from")));
        Subject to = SubjectOf(r, t);
        return TrF(lang, "hist." + name, {from.text.empty() ? FieldLabel(lang, t.back()) : from.text, to.text});
    }
    Subject s = SubjectOf(r, t);
    bool add = name == "add";
    if (IsCollection(t[0]) && t.size() == 1) return TrF(lang, "hist.collection", {std::string(Tr(lang, "hist.collection." + t[0]))});
    // A whole thing added or removed (an entity, a decision, a milestone, a member, a step, a slide).
    bool whole_thing = s.rest == t.size() && s.rest >= 2;
    if (whole_thing && (name == "remove" || (add && !r.Old(t)) || (add && s.noun == "steps") || (add && s.noun == "slides"))) {
        std::string line = DescribeEntityAddOrRemove(r, t, s, add, value);
        if (add && value) r.Added(t, *value);
        return line;
    }
    const json* old = r.Old(t);
    if (whole_thing && value) {   // replaced whole: say what differs
        if (s.decision && old) {
            std::string a = TextOf(*old, "status", "pending"), b = TextOf(*value, "status", "pending");
            if (a != b) return s.text + ": " + std::string(TrEnum(lang, "status", a)) + " → " + std::string(TrEnum(lang, "status", b)) + MatterNote(r, t);
        }
        std::string fields = old ? ChangedFields(lang, *old, *value) : "";
        return TrF(lang, "hist.changed", {s.text, fields.empty() ? std::string(Tr(lang, "hist.field.other")) : fields}) +
               (s.decision ? MatterNote(r, t) : "");
    }
    // One field, or a value inside one ("fördelningsnyckel, typ").
    std::string field = s.rest < t.size() ? t[s.rest] : t.back();
    std::string leaf = t.back();
    bool deep = s.rest + 1 < t.size();
    bool leaf_is_index = leaf == "-" || leaf.find_first_not_of("0123456789") == std::string::npos;
    std::string label = FieldLabel(lang, field);
    if (deep && !leaf_is_index) label += ", " + FieldLabel(lang, leaf);
    std::string subject = s.text.empty() ? label : s.text + ": " + label;
    std::string note = s.decision ? MatterNote(r, t) : "";
    if (!deep || !leaf_is_index) {
        const json* after = name == "remove" ? nullptr : value;
        bool list = (old && old->is_array()) || (after && after->is_array());
        if (list) {
            std::string diff = ListChange(r, leaf, old ? *old : json::array(), after ? *after : json::array());
            if (!diff.empty()) return Capital(subject) + " " + diff + note;
        } else {
            std::string a = Value(r, s.collection, leaf, old), b = Value(r, s.collection, leaf, after);
            if (!b.empty() || !a.empty()) {
                if (s.decision && field == "status") return s.text + ": " + a + " → " + b + note;
                return Capital(subject) + " " + a + " → " + b + note;
            }
        }
    }
    if (s.text.empty()) return TrF(lang, "hist.changed_field", {Capital(label)});
    return TrF(lang, "hist.changed", {s.text, FieldLabel(lang, field)}) + note;
}

}  // namespace

std::vector<std::string> DescribePatch(const Workspace& before, const json& patch, Lang lang) {
    std::vector<std::string> out;
    if (!patch.is_array()) return out;
    Reader r{before, lang, {}, json()};
    for (const json& op : patch) {
        if (!op.is_object()) continue;
        std::string line = DescribeOp(r, op);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

std::string DescribePatchLine(const Workspace& before, const json& patch, Lang lang, size_t max_lines) {
    std::vector<std::string> lines = DescribePatch(before, patch, lang);
    std::string out;
    for (size_t i = 0; i < lines.size() && i < max_lines; ++i) out += (i ? "; " : "") + lines[i];
    if (lines.size() > max_lines) {
        size_t more = lines.size() - max_lines;
        out += TrF(lang, more == 1 ? "hist.more_one" : "hist.more", {std::to_string(more)});
    }
    return out;
}

std::string SummaryBothLanguages(const Workspace& before, const json& patch) {
    return JsonText(json{{"sv", DescribePatchLine(before, patch, Lang::Sv)}, {"en", DescribePatchLine(before, patch, Lang::En)}});
}

std::string RestoredSummary(int64_t revision) {
    std::string n = std::to_string(revision);
    return JsonText(json{{"sv", TrF(Lang::Sv, "hist.restored", {n})}, {"en", TrF(Lang::En, "hist.restored", {n})}});
}

std::string SummaryIn(const std::string& stored, Lang lang) {
    if (stored == "created") return std::string(Tr(lang, "hist.created"));
    if (stored.empty() || stored[0] != '{') return stored;   // older rows: the path summary as it was
    json j = ReadJson(stored);
    std::string s = TextOf(j, lang == Lang::Sv ? "sv" : "en");
    return s.empty() ? stored : s;
}

}  // namespace sam
