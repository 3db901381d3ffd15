// Writing a workspace as text: the same bytes as ToJson(ws).dump(), written one entity at a
// time so that a large workspace is never a whole JSON tree in memory. A national workspace
// holds hundreds of thousands of decisions; the common ones (no steps, no unknown fields)
// are written straight from the model, the rest through nlohmann.
#include <cstring>
#include <map>
#include "json_io.h"
#include "model.h"
#include "utf8.h"

namespace sam {

namespace {

// Appends `text`, giving every line break `spaces` more indent: nlohmann's dump(2) of a
// value nested that deep. (Strings never hold a raw line break: JSON escapes it.)
void AppendIndented(std::string& out, std::string_view text, int spaces) {
    for (;;) {
        size_t nl = text.find('\n');
        if (nl == std::string_view::npos) { out.append(text); return; }
        out.append(text.substr(0, nl + 1));
        out.append((size_t)spaces, ' ');
        text.remove_prefix(nl + 1);
    }
}

// A JSON string as nlohmann writes it (no ASCII escaping; invalid UTF-8 left to nlohmann,
// which refuses it as before).
void AppendString(std::string& out, const std::string& s) {
    bool plain = true;
    for (unsigned char c : s) if (c < 0x20 || c == '"' || c == '\\') { plain = false; break; }
    if (!plain || !ValidUtf8(s)) { out += json(s).dump(); return; }
    out += '"';
    out += s;
    out += '"';
}

struct Writer {
    std::string& out;
    bool pretty;

    void Newline(int depth) {
        if (!pretty) return;
        out += '\n';
        out.append((size_t)depth * 2, ' ');
    }
    void Key(const std::string& key, int depth, bool& first) {
        if (!first) out += ',';
        first = false;
        Newline(depth);
        AppendString(out, key);
        out += pretty ? ": " : ":";
    }
    void Field(const char* key, const std::string& value, int depth, bool& first) {
        if (value.empty()) return;
        Key(key, depth, first);
        AppendString(out, value);
    }
    void Dumped(const json& j, int depth) {
        if (pretty) AppendIndented(out, j.dump(2), depth * 2);
        else out += j.dump();
    }
};

bool Plain(const Decision& d) {
    return d.steps.empty() && (d.extra.is_null() || (d.extra.is_object() && d.extra.empty()));
}

// One decision at `depth` (its braces), keys in nlohmann's (bytewise) order.
void WriteDecision(Writer& w, const Decision& d, int depth) {
    if (!Plain(d)) { w.Dumped(ToJson(d), depth); return; }
    w.out += '{';
    bool first = true;
    w.Field("body", d.body, depth + 1, first);
    w.Field("conditions", d.conditions, depth + 1, first);
    w.Field("date", d.date, depth + 1, first);
    w.Field("note", d.note, depth + 1, first);
    w.Key("status", depth + 1, first);
    w.out += '"';
    w.out += ToString(d.status);
    w.out += '"';
    if (d.within_budget) {
        w.Key("within_budget", depth + 1, first);
        w.out += *d.within_budget ? "true" : "false";
    }
    w.Newline(depth);
    w.out += '}';
}

void WriteDecisions(Writer& w, const std::map<std::string, Decision>& decisions, int depth) {
    if (decisions.empty()) { w.out += "{}"; return; }
    w.out += '{';
    bool first = true;
    for (auto& [party, d] : decisions) {
        w.Key(party, depth + 1, first);
        WriteDecision(w, d, depth + 1);
    }
    w.Newline(depth);
    w.out += '}';
}

// A matter at `depth`: nlohmann writes everything but its decisions, which stand in as a
// marker that cannot occur elsewhere in the text (a number where an object belongs is
// spliced only when it occurs exactly once).
void WriteMatter(Writer& w, const Matter& m, int depth) {
    json j = MatterToJsonWithoutDecisions(m);
    j["decisions"] = -424242424242;
    std::string text = w.pretty ? j.dump(2) : j.dump();
    const std::string marker = w.pretty ? "\"decisions\": -424242424242" : "\"decisions\":-424242424242";
    size_t at = text.find(marker);
    if (at == std::string::npos || text.find(marker, at + 1) != std::string::npos) {
        w.Dumped(ToJson(m), depth);
        return;
    }
    size_t value = at + marker.size() - std::strlen("-424242424242");
    if (w.pretty) AppendIndented(w.out, std::string_view(text).substr(0, value), depth * 2);
    else w.out.append(text, 0, value);
    WriteDecisions(w, m.decisions, depth + 1);
    if (w.pretty) AppendIndented(w.out, std::string_view(text).substr(at + marker.size()), depth * 2);
    else w.out.append(text, at + marker.size());
}

template <class T>
void WriteEntity(Writer& w, const T& v, int depth) { w.Dumped(ToJson(v), depth); }
void WriteEntity(Writer& w, const Matter& m, int depth) { WriteMatter(w, m, depth); }

template <class Map>
void WriteCollection(Writer& w, const Map& m) {
    if (m.empty()) { w.out += "{}"; return; }
    w.out += '{';
    bool first = true;
    for (auto& [id, v] : m) {
        w.Key(id, 2, first);
        WriteEntity(w, v, 2);
    }
    w.Newline(1);
    w.out += '}';
}

void WriteCollectionNamed(Writer& w, const Workspace& ws, const std::string& k) {
    if (k == "parties") WriteCollection(w, ws.parties);
    else if (k == "bodies") WriteCollection(w, ws.bodies);
    else if (k == "matters") WriteCollection(w, ws.matters);
    else if (k == "cost_items") WriteCollection(w, ws.cost_items);
    else if (k == "funding") WriteCollection(w, ws.funding);
    else if (k == "in_kind") WriteCollection(w, ws.in_kind);
    else if (k == "focus_areas") WriteCollection(w, ws.focus_areas);
    else WriteCollection(w, ws.scenarios);
}

}  // namespace

std::string SaveWorkspace(const Workspace& ws, bool pretty) {
    json root = RootToJson(ws);
    std::map<std::string, int> keys;   // sorted as nlohmann sorts: bytewise
    for (auto& [k, v] : root.items()) keys[k] = 0;
    for (const char* c : kCollections) keys[c] = 1;
    // Growing a string of tens of MB by doubling copies it over and over: room for the
    // decisions, which are most of a large workspace, is taken at once.
    size_t decisions = 0;
    for (auto& [id, m] : ws.matters) decisions += m.decisions.size();
    std::string out;
    out.reserve((1 << 20) + decisions * (pretty ? 110 : 64));
    Writer w{out, pretty};
    out += '{';
    bool first = true;
    for (auto& [k, is_collection] : keys) {
        w.Key(k, 1, first);
        if (is_collection) WriteCollectionNamed(w, ws, k);
        else w.Dumped(root[k], 1);
    }
    w.Newline(0);
    out += pretty ? "}\n" : "}";
    return out;
}

}  // namespace sam
