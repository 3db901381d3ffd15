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
void DiffCollection(const std::map<std::string, E>& a, const std::map<std::string, E>& b, const char* collection, json& out) {
    const std::string base = std::string("/") + collection + "/";
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() || j != b.end()) {
        if (j == b.end() || (i != a.end() && i->first < j->first)) {
            out.push_back({{"op", "remove"}, {"path", base + PointerToken(i->first)}});
            ++i;
        } else if (i == a.end() || j->first < i->first) {
            out.push_back({{"op", "add"}, {"path", base + PointerToken(j->first)}, {"value", ToJson(j->second)}});
            ++j;
        } else {
            if (!(i->second == j->second)) AppendUnder(out, base + PointerToken(i->first), json::diff(ToJson(i->second), ToJson(j->second)));
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
    DiffCollection(from.bodies, to.bodies, "bodies", out);
    DiffCollection(from.cost_items, to.cost_items, "cost_items", out);
    DiffCollection(from.focus_areas, to.focus_areas, "focus_areas", out);
    DiffCollection(from.funding, to.funding, "funding", out);
    DiffCollection(from.in_kind, to.in_kind, "in_kind", out);
    DiffCollection(from.matters, to.matters, "matters", out);
    DiffCollection(from.parties, to.parties, "parties", out);
    DiffCollection(from.scenarios, to.scenarios, "scenarios", out);
    return out;
}

}  // namespace sam
