#include "diff.h"

#include "json_io.h"
#include "patch.h"

namespace sam {

namespace {

// json::diff's operations, moved below `prefix`.
void AppendUnder(json& out, const std::string& prefix, const json& ops) {
    for (const json& op : ops) {
        json moved = op;
        moved["path"] = prefix + op["path"].get<std::string>();
        if (moved.contains("from")) moved["from"] = prefix + op["from"].get<std::string>();
        out.push_back(std::move(moved));
    }
}

template <class E>
std::vector<const std::string*> Ids(const std::map<std::string, E>& m) {
    std::vector<const std::string*> out;
    out.reserve(m.size());
    for (auto& entry : m) out.push_back(&entry.first);
    return out;
}

// The ids of a collection, in order (small per type; the walk below is written once: the web
// program is kept small).
std::vector<const std::string*> IdsOf(const Workspace& ws, std::string_view c) {
    if (c == "bodies") return Ids(ws.bodies);
    if (c == "cost_items") return Ids(ws.cost_items);
    if (c == "focus_areas") return Ids(ws.focus_areas);
    if (c == "funding") return Ids(ws.funding);
    if (c == "in_kind") return Ids(ws.in_kind);
    if (c == "matters") return Ids(ws.matters);
    if (c == "parties") return Ids(ws.parties);
    return Ids(ws.scenarios);
}

// Whether the entity `id`, which both have, is the same in both (field by field).
bool SameEntity(const Workspace& a, const Workspace& b, std::string_view c, const std::string& id) {
    if (c == "bodies") return a.bodies.at(id) == b.bodies.at(id);
    if (c == "cost_items") return a.cost_items.at(id) == b.cost_items.at(id);
    if (c == "focus_areas") return a.focus_areas.at(id) == b.focus_areas.at(id);
    if (c == "funding") return a.funding.at(id) == b.funding.at(id);
    if (c == "in_kind") return a.in_kind.at(id) == b.in_kind.at(id);
    if (c == "matters") return a.matters.at(id) == b.matters.at(id);
    if (c == "parties") return a.parties.at(id) == b.parties.at(id);
    return a.scenarios.at(id) == b.scenarios.at(id);
}

void DiffCollection(const Workspace& from, const Workspace& to, const char* collection, json& out) {
    const std::string base = std::string("/") + collection + "/";
    std::vector<const std::string*> a = IdsOf(from, collection), b = IdsOf(to, collection);
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && *a[i] < *b[j])) {
            out.push_back({{"op", "remove"}, {"path", base + PointerToken(*a[i])}});
            ++i;
        } else if (i == a.size() || *b[j] < *a[i]) {
            out.push_back({{"op", "add"}, {"path", base + PointerToken(*b[j])}, {"value", EntityToJson(to, collection, *b[j])}});
            ++j;
        } else {
            const std::string& id = *a[i];
            if (!SameEntity(from, to, collection, id))
                AppendUnder(out, base + PointerToken(id), json::diff(EntityToJson(from, collection, id), EntityToJson(to, collection, id)));
            ++i;
            ++j;
        }
    }
}

// The root without its collections: small, so compared as JSON.
bool SameRoot(const Workspace& a, const Workspace& b) {
    return a.schema_version == b.schema_version && a.name == b.name && a.description == b.description &&
           a.population_note == b.population_note && a.case_number == b.case_number && a.costs == b.costs &&
           a.slides == b.slides && a.decision_path == b.decision_path && a.extra == b.extra;
}

}  // namespace

json DiffWorkspaces(const Workspace& from, const Workspace& to) {
    json out = json::array();
    if (!SameRoot(from, to)) AppendUnder(out, "", json::diff(RootToJson(from), RootToJson(to)));
    for (const char* c : kCollections) DiffCollection(from, to, c, out);
    return out;
}

}  // namespace sam
