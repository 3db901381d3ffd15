#include "patch.h"

#include "json_scan.h"

#include "utf8.h"

#include <optional>
#include <set>
#include "json_io.h"
#include "validate.h"

namespace sam {

json OpReplace(const std::string& path, json value) { return {{"op", "replace"}, {"path", path}, {"value", std::move(value)}}; }
json OpAdd(const std::string& path, json value) { return {{"op", "add"}, {"path", path}, {"value", std::move(value)}}; }
json OpRemove(const std::string& path) { return {{"op", "remove"}, {"path", path}}; }

std::string PointerToken(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

struct Unit {              // what one path touches
    bool whole = false;    // the whole document
    std::string collection;
    std::string id;        // empty: the whole collection (or the root fields when collection is empty)
    std::string party;     // set for a path inside one decision: /matters/ID/decisions/PARTY/...
};

Unit UnitOf(const json::json_pointer& p) {
    std::string s = p.to_string();
    if (s.empty()) return {true, "", "", ""};
    std::vector<std::string> tokens;
    json::json_pointer q = p;
    while (!q.empty()) { tokens.insert(tokens.begin(), q.back()); q.pop_back(); }
    if (!IsCollection(tokens[0])) return {false, "", "", ""};
    // Decisions are the most frequent edit and a matter may have hundreds: such a path
    // touches only its own decision.
    if (tokens.size() >= 4 && tokens[0] == "matters" && tokens[2] == "decisions") return {false, tokens[0], tokens[1], tokens[3]};
    return {false, tokens[0], tokens.size() >= 2 ? tokens[1] : "", ""};
}

struct MissingParent {};   // "add" below a path that does not exist

Problem PatchError(size_t index, const std::string& path, const char* code, std::vector<std::string> args = {}) {
    args.insert(args.begin(), std::to_string(index));
    return {Severity::Error, path, code, std::move(args)};
}

// "add" needs an existing object or array to add into (nlohmann's patch would
// silently skip a number or string parent, and turn a null one into an object).
void RequireContainer(const json& doc, const json::json_pointer& path) {
    if (path.empty()) return;
    json::json_pointer parent = path.parent_pointer();
    if (!doc.contains(parent)) throw MissingParent{};
    const json& c = doc.at(parent);
    if (!c.is_object() && !c.is_array()) throw MissingParent{};
}

}  // namespace

std::string SummarizePatch(const json& patch) {
    if (!patch.is_array()) return "";
    std::string s;
    for (size_t i = 0; i < patch.size() && i < 3; ++i) {
        const json& op = patch[i];
        if (!op.is_object()) continue;
        if (!s.empty()) s += "; ";
        s += TextOf(op, "op", "?") + " " + TextOf(op, "path");
    }
    if (patch.size() > 3) s += "; +" + std::to_string(patch.size() - 3);
    return s;
}

PatchResult ApplyPatch(Workspace& ws, const json& patch) {
    PatchResult res;
    if (!patch.is_array()) {
        res.problems.push_back({Severity::Error, "", "err.patch_not_array", {}});
        return res;
    }
    // Text the model could not write out again (a file in another encoding, a broken client).
    if (auto bad = FindInvalidUtf8(patch)) {
        res.problems.push_back({Severity::Error, RepairUtf8(*bad), "err.not_utf8", {}});
        return res;
    }

    // 1. Check each operation's shape and find what it touches.
    static const std::set<std::string> kOps = {"add", "remove", "replace", "move", "copy", "test"};
    std::vector<Unit> units;
    for (size_t i = 0; i < patch.size(); ++i) {
        const json& op = patch[i];
        if (!op.is_object()) { res.problems.push_back(PatchError(i, "", "err.patch_op_shape")); continue; }
        std::string name = op.contains("op") && op["op"].is_string() ? op["op"].get<std::string>() : "";
        if (!kOps.count(name)) { res.problems.push_back(PatchError(i, "", "err.patch_op_unknown", {name})); continue; }
        for (const char* field : {"path", "from"}) {
            bool needed = std::string(field) == "path" || name == "move" || name == "copy";
            if (!needed) continue;
            if (!op.contains(field) || !op[field].is_string()) {
                res.problems.push_back(PatchError(i, "", "err.patch_field", {field}));
                continue;
            }
            try {
                units.push_back(UnitOf(json::json_pointer(op[field].get<std::string>())));
            } catch (const json::exception&) {
                res.problems.push_back(PatchError(i, op[field].get<std::string>(), "err.patch_pointer", {op[field].get<std::string>()}));
            }
        }
        if ((name == "add" || name == "replace" || name == "test") && !op.contains("value"))
            res.problems.push_back(PatchError(i, TextOf(op, "path"), "err.patch_field", {"value"}));
    }
    if (!res.problems.empty()) return res;

    // 2. The part of the document the patch can see: root fields and touched entities.
    bool whole = false;
    bool root = false;   // a root field (name, costs, slides, …) is touched
    std::set<std::string> whole_collections;
    std::set<std::pair<std::string, std::string>> entities;
    std::set<std::pair<std::string, std::string>> decisions;   // (matter, party)
    for (auto& u : units) {
        if (u.whole) whole = true;
        else if (u.collection.empty()) root = true;
        else if (!u.collection.empty() && u.id.empty()) whole_collections.insert(u.collection);
        else if (!u.party.empty()) decisions.insert({u.id, u.party});
        else if (!u.collection.empty()) entities.insert({u.collection, u.id});
    }
    // A whole matter (or all matters) covers its decisions.
    for (auto it = decisions.begin(); it != decisions.end();) {
        if (whole || whole_collections.count("matters") || entities.count({"matters", it->first})) it = decisions.erase(it);
        else ++it;
    }
    auto visible = [&](const Workspace& w) {
        if (whole) return ToJson(w);
        // The root fields only when touched: reading them back is most of a small edit's cost.
        json d = root ? RootToJson(w) : json::object();
        for (const char* c : kCollections) {
            if (whole_collections.count(c)) { d[c] = CollectionToJson(w, c); continue; }
            json part = json::object();
            for (auto& [col, id] : entities)
                if (col == c && HasEntity(w, c, id)) part[id] = EntityToJson(w, c, id);
            if (std::string_view(c) == "matters")
                for (auto& [mid, party] : decisions) {
                    auto m = w.matters.find(mid);
                    if (m == w.matters.end()) continue;
                    json& dj = part[mid]["decisions"];
                    if (dj.is_null()) dj = json::object();
                    auto dec = m->second.decisions.find(party);
                    if (dec != m->second.decisions.end()) dj[party] = ToJson(dec->second);
                }
            d[c] = std::move(part);
        }
        return d;
    };
    const json original = visible(ws);
    json doc = original;

    // 3. Apply op by op, so that an error names its operation.
    for (size_t i = 0; i < patch.size(); ++i) {
        const json& op = patch[i];
        std::string name = op["op"];
        try {
            json::json_pointer path(op["path"].get<std::string>());
            if (name == "add") {
                RequireContainer(doc, path);
            } else if (name == "move" || name == "copy") {
                json::json_pointer from(op["from"].get<std::string>());
                if (name == "move" && from != path) {
                    json after_remove = doc.patch(json::array({OpRemove(from.to_string())}));
                    RequireContainer(after_remove, path);
                } else {
                    (void)doc.at(from);
                    RequireContainer(doc, path);
                }
            }
            doc.patch_inplace(json::array({op}));
        } catch (const MissingParent&) {
            res.problems.push_back(PatchError(i, op["path"].get<std::string>(), "err.patch_path", {op["path"].get<std::string>()}));
            return res;
        } catch (const json::other_error&) {   // a failed "test"
            res.problems.push_back(PatchError(i, op["path"].get<std::string>(), "err.patch_test_failed"));
            return res;
        } catch (const std::exception&) {   // json's errors, and anything else a hostile path provokes
            res.problems.push_back(PatchError(i, op["path"].get<std::string>(), "err.patch_path", {op["path"].get<std::string>()}));
            return res;
        }
    }

    // 4. Read the result back into a candidate; reject it whole on any error.
    Workspace next;
    std::vector<Problem>& errors = res.problems;
    if (whole) {
        ParseWorkspace(doc, next, errors);
        if (!doc.is_object()) errors.push_back({Severity::Error, "", "err.not_object", {}});
        ValidateStructure(next, errors);
        if (HasErrors(errors)) return res;
        ws = std::move(next);
        res.ok = true;
        json now = visible(ws);
        res.inverse = json::diff(now, original);
        res.forward = json::diff(original, now);
        return res;
    }
    if (!doc.is_object()) { errors.push_back({Severity::Error, "", "err.not_object", {}}); return res; }
    for (const char* c : kCollections)
        if (!doc.contains(c) || !doc[c].is_object()) errors.push_back({Severity::Error, std::string("/") + c, "err.not_object", {}});
    if (HasErrors(errors)) return res;
    if (root) ParseRoot(doc, next, errors);
    for (auto& c : whole_collections) ParseCollection(doc[c], c, next, errors);
    std::vector<std::pair<std::string, std::string>> removed;
    for (auto& [c, id] : entities) {
        if (whole_collections.count(c)) continue;
        if (doc[c].contains(id)) ParseEntity(doc[c][id], c, id, next, errors);
        else removed.push_back({c, id});
    }
    // Decisions edited on their own: the matter's part holds only them.
    struct DecisionChange { std::string matter, party; std::optional<Decision> value; };
    std::vector<DecisionChange> decision_changes;
    for (auto& [mid, party] : decisions) {
        std::string base = "/matters/" + PointerToken(mid) + "/decisions";
        const json* dj = nullptr;
        if (doc["matters"].contains(mid) && doc["matters"][mid].is_object() && doc["matters"][mid].contains("decisions"))
            dj = &doc["matters"][mid]["decisions"];
        if (dj && !dj->is_object()) { errors.push_back({Severity::Error, base, "err.not_object", {}}); continue; }
        if (dj && dj->contains(party)) decision_changes.push_back({mid, party, ParseDecision((*dj)[party], base, party, errors)});
        else decision_changes.push_back({mid, party, std::nullopt});
        if (!IsValidId(party)) errors.push_back({Severity::Error, base + "/" + PointerToken(party), "err.bad_id", {party}});
    }
    // New entities appear in the touched collections only under ids the patch named.
    for (const char* c : kCollections) {
        if (whole_collections.count(c)) continue;
        for (auto& [id, v] : doc[c].items()) {
            bool named = entities.count({c, id}) > 0;
            if (!named && std::string_view(c) == "matters") {
                bool only_decisions = v.is_object() && v.size() == 1 && v.contains("decisions") && v["decisions"].is_object();
                bool has_matter = ws.matters.count(id) > 0;
                named = only_decisions && has_matter;
                if (named)
                    for (auto& [party, dv] : v["decisions"].items()) named &= decisions.count({id, party}) > 0;
            }
            if (!named) errors.push_back({Severity::Error, std::string("/") + c + "/" + id, "err.patch_unexpected", {}});
        }
    }
    if (HasErrors(errors)) return res;

    // Structure rules need the bodies as they would be after the patch.
    bool bodies_touched = whole_collections.count("bodies") > 0;
    for (auto& [c, id] : entities) if (c == "bodies") bodies_touched = true;
    if (bodies_touched) {
        bool all = whole_collections.count("bodies") > 0;
        std::set<std::string> gone;
        for (auto& [c, id] : removed) if (c == "bodies") gone.insert(id);
        BodyLookup find = [&](const std::string& id) -> const Body* {
            auto n = next.bodies.find(id);
            if (n != next.bodies.end()) return &n->second;
            if (all || gone.count(id)) return nullptr;
            auto o = ws.bodies.find(id);
            return o == ws.bodies.end() ? nullptr : &o->second;
        };
        // The edited bodies, and those whose parent was removed.
        std::vector<std::string> check;
        for (auto& [id, b] : next.bodies) check.push_back(id);
        if (!gone.empty() && !all)
            for (auto& [id, b] : ws.bodies)
                if (!gone.count(id) && gone.count(b.parent)) check.push_back(id);
        ValidateBodies(find, check, ws.bodies.size() + next.bodies.size(), errors);
        if (HasErrors(errors)) return res;
    }

    // 5. Commit.
    Workspace& w = ws;
    if (root) {
        w.schema_version = next.schema_version;
        w.name = std::move(next.name);
        w.description = std::move(next.description);
        w.population_note = std::move(next.population_note);
        w.case_number = std::move(next.case_number);
        w.decision_path = std::move(next.decision_path);
        w.costs = std::move(next.costs);
        w.slides = std::move(next.slides);
        w.extra = std::move(next.extra);
    }
    if (whole_collections.count("parties")) { w.parties = std::move(next.parties); next.parties.clear(); }
    if (whole_collections.count("bodies")) { w.bodies = std::move(next.bodies); next.bodies.clear(); }
    if (whole_collections.count("matters")) { w.matters = std::move(next.matters); next.matters.clear(); }
    if (whole_collections.count("cost_items")) { w.cost_items = std::move(next.cost_items); next.cost_items.clear(); }
    if (whole_collections.count("funding")) { w.funding = std::move(next.funding); next.funding.clear(); }
    if (whole_collections.count("in_kind")) { w.in_kind = std::move(next.in_kind); next.in_kind.clear(); }
    if (whole_collections.count("focus_areas")) { w.focus_areas = std::move(next.focus_areas); next.focus_areas.clear(); }
    if (whole_collections.count("scenarios")) { w.scenarios = std::move(next.scenarios); next.scenarios.clear(); }
    for (auto& [c, id] : removed) RemoveEntity(w, c, id);
    for (auto& [id, v] : next.parties) w.parties[id] = std::move(v);
    for (auto& [id, v] : next.bodies) w.bodies[id] = std::move(v);
    for (auto& [id, v] : next.matters) w.matters[id] = std::move(v);
    for (auto& [id, v] : next.cost_items) w.cost_items[id] = std::move(v);
    for (auto& [id, v] : next.funding) w.funding[id] = std::move(v);
    for (auto& [id, v] : next.in_kind) w.in_kind[id] = std::move(v);
    for (auto& [id, v] : next.focus_areas) w.focus_areas[id] = std::move(v);
    for (auto& [id, v] : next.scenarios) w.scenarios[id] = std::move(v);
    for (auto& ch : decision_changes) {
        auto& ds = w.matters.at(ch.matter).decisions;
        if (ch.value) ds[ch.party] = std::move(*ch.value);
        else ds.erase(ch.party);
    }
    res.ok = true;
    // The inverse comes from the saved forms before and after, so Undo restores the
    // exact bytes even where reading filled in a default or dropped an empty field.
    json now = visible(ws);
    res.inverse = json::diff(now, original);
    res.forward = json::diff(original, now);
    return res;
}

}  // namespace sam
