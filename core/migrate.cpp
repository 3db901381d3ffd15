#include "migrate.h"

#include <string>

namespace sam {

namespace {

// [{"id": "a", ...}, ...] -> {"a": {...}, ...}; entries without a usable id are kept under "item-N".
json ArrayToMap(const json& arr, const char* id_field) {
    if (!arr.is_array()) return arr;
    json out = json::object();
    int n = 1;
    for (const json& e : arr) {
        if (!e.is_object()) continue;
        json copy = e;
        std::string id;
        if (copy.contains(id_field) && copy[id_field].is_string()) id = copy[id_field].get<std::string>();
        copy.erase(id_field);
        while (id.empty() || out.contains(id)) id = "item-" + std::to_string(n++);
        out[id] = std::move(copy);
    }
    return out;
}

}  // namespace

void MigrateV1ToV2(json& j) {
    for (const char* c : {"parties", "bodies", "matters", "cost_items", "funding", "scenarios"})
        if (j.contains(c)) j[c] = ArrayToMap(j[c], "id");
    if (j.contains("bodies") && j["bodies"].is_object())
        for (auto& [id, b] : j["bodies"].items())
            if (b.is_object() && b.contains("members")) b["members"] = ArrayToMap(b["members"], "id");
    if (j.contains("matters") && j["matters"].is_object())
        for (auto& [id, m] : j["matters"].items()) {
            if (!m.is_object()) continue;
            if (m.contains("milestones")) m["milestones"] = ArrayToMap(m["milestones"], "id");
            if (m.contains("decisions")) m["decisions"] = ArrayToMap(m["decisions"], "party");
        }
    j["schema_version"] = 2;
}

int Migrate(json& j, std::vector<Problem>& out) {
    if (!j.is_object()) {
        out.push_back({Severity::Error, "", "err.not_object", {}});
        return 0;
    }
    auto it = j.find("schema_version");
    if (it == j.end() || !it->is_number_integer()) return 0;  // the parser reports it
    int version = it->get<int>();
    if (version > kSchemaVersion || version < 1) {
        out.push_back({Severity::Error, "/schema_version", "err.schema_version",
                       {std::to_string(version), std::to_string(kSchemaVersion)}});
        return 0;
    }
    if (version == kSchemaVersion) return 0;
    if (version == 1) MigrateV1ToV2(j);
    return version;
}

}  // namespace sam
