#include "search.h"

#include <algorithm>
#include "format.h"

namespace sam {

std::string FoldCase(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') { out += (char)(c + 32); continue; }
        // Latin-1 capitals in UTF-8: C3 80..C3 9E (but × at 97) -> C3 A0..C3 BE.
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = (unsigned char)s[i + 1];
            out += (char)c;
            out += (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
            ++i;
            continue;
        }
        out += (char)c;
    }
    return out;
}

namespace {

std::vector<std::string> Words(std::string_view q) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : FoldCase(q)) {
        if (c == ' ' || c == '\t') { if (!cur.empty()) words.push_back(cur); cur.clear(); }
        else cur += c;
    }
    if (!cur.empty()) words.push_back(cur);
    return words;
}

bool Matches(const std::vector<std::string>& words, const std::string& text, const std::string& context) {
    std::string hay = FoldCase(text) + " " + FoldCase(context);
    for (auto& w : words)
        if (hay.find(w) == std::string::npos) return false;
    return true;
}

}  // namespace

std::vector<SearchHit> Search(const Workspace& ws, std::string_view query, size_t limit) {
    std::vector<SearchHit> hits;
    std::vector<std::string> words = Words(query);
    if (words.empty()) return hits;
    auto add = [&](HitKind k, const std::string& id, const std::string& sub, const std::string& text, const std::string& context) {
        if (Matches(words, text, context)) hits.push_back({k, id, sub, text, context});
    };
    for (auto& [id, p] : ws.parties) add(HitKind::Party, id, "", p.name, "");
    for (auto& [id, b] : ws.bodies) {
        add(HitKind::Body, id, "", b.name, "");
        for (auto& [mid, m] : b.members) {
            auto party = ws.parties.find(m.party);
            std::string who = m.name.empty() ? m.role : m.name + ", " + m.role;
            add(HitKind::Member, id, mid, who, b.name + (party != ws.parties.end() ? " · " + party->second.name : ""));
        }
    }
    for (auto& [id, m] : ws.matters) add(HitKind::Matter, id, "", m.title, "");
    for (auto& [id, c] : ws.cost_items) add(HitKind::CostItem, id, "", c.name, "");
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        return CompareSwedish(a.text, b.text) < 0;
    });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace sam
