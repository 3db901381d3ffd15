#include "reach.h"

namespace sam {

namespace {

// A JSON Pointer token as the id it names ("~1" is "/", "~0" is "~").
std::string Unescape(const std::string& token) {
    std::string out;
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

std::vector<std::string> Tokens(const std::string& pointer) {
    std::vector<std::string> out;
    for (size_t at = 0; at < pointer.size() && pointer[at] == '/';) {
        size_t next = pointer.find('/', at + 1);
        out.push_back(Unescape(pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1)));
        at = next == std::string::npos ? pointer.size() : next;
    }
    return out;
}

void Add(Reach& r, const std::string& pointer) {
    std::vector<std::string> t = Tokens(pointer);
    if (t.empty()) { r.all = true; return; }   // the whole workspace
    const std::string& top = t[0];
    if (top == "name" || top == "description" || top == "case_number" || top == "schema_version") return;
    if (top == "slides") { r.slides = true; return; }
    if (top == "costs" || top == "cost_items" || top == "funding" || top == "in_kind" || top == "scenarios" || top == "focus_areas") {
        r.costs = true;
        if (top == "scenarios") r.slides = true;   // a comparison slide names a scenario
        return;
    }
    // A party's population counts in the costs only; anything else of a party (its name, kind,
    // meetings) is read everywhere.
    if (top == "parties" && t.size() >= 3 && t[2] == "population") { r.costs = true; return; }
    if (top == "bodies" && t.size() >= 3) {
        const std::string& field = t[2];
        // Where a body sits and what it is called or does is read by no figure or check
        // (decision paths name committees, not bodies).
        if (field == "parent" || field == "name" || field == "mandate" || field == "meetings_per_year" || field == "note" ||
            field == "target_group")
            return;
        if (field == "members") { r.structure = true; return; }
        if (field == "focus") { r.costs = true; return; }
        r.structure = r.costs = true;   // its level, party, repetition: local groups and costs
        return;
    }
    if (top == "matters" && t.size() >= 2) {
        r.matters.insert(t[1]);
        // A decision's own fields are the matter's alone. Anything else of the matter (the
        // matter itself, its title, kind or focus, a decision added or removed) is named by
        // slides and cost items, and changes the lists of matters and of who decides.
        if (t.size() >= 5 && t[2] == "decisions") return;
        r.slides = r.costs = r.matter_set = true;
        return;
    }
    r.all = true;   // parties and bodies are named everywhere; anything else: everything again
}

}  // namespace

Reach ReachOf(const std::vector<std::string>& pointers) {
    Reach r;
    for (auto& p : pointers) Add(r, p);
    return r;
}

}  // namespace sam
