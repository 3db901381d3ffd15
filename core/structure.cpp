#include "structure.h"

#include <algorithm>
#include <set>
#include "costs.h"
#include "format.h"

namespace sam {

std::vector<BodyNode> BodyTree(const Workspace& ws) {
    std::map<std::string, std::vector<std::string>> kids;   // parent id -> children
    std::vector<std::string> roots;
    for (auto& [id, b] : ws.bodies) {
        if (b.parent.empty() || !ws.bodies.count(b.parent) || b.parent == id) roots.push_back(id);
        else kids[b.parent].push_back(id);
    }
    auto order = [&](std::vector<std::string>& v) {
        std::sort(v.begin(), v.end(), [&](const std::string& a, const std::string& b) {
            const Body& x = ws.bodies.at(a);
            const Body& y = ws.bodies.at(b);
            if (x.level != y.level) return x.level < y.level;
            int c = CompareSwedish(x.name, y.name);
            return c != 0 ? c < 0 : a < b;
        });
    };
    order(roots);
    std::vector<BodyNode> out;
    std::set<std::string> seen;
    // Depth first, without recursion: a deep chain cannot overflow the stack.
    auto add = [&](const std::string& root) {
        struct Item { std::string id; int parent; int depth; };
        std::vector<Item> stack{{root, -1, 0}};
        while (!stack.empty()) {
            Item it = stack.back();
            stack.pop_back();
            if (!seen.insert(it.id).second) continue;
            int index = (int)out.size();
            out.push_back({it.id, it.depth, it.parent, {}});
            if (it.parent >= 0) out[it.parent].children.push_back(index);
            auto k = kids.find(it.id);
            if (k == kids.end()) continue;
            order(k->second);
            for (auto c = k->second.rbegin(); c != k->second.rend(); ++c) stack.push_back({*c, index, it.depth + 1});
        }
    };
    for (auto& r : roots) add(r);
    // Bodies in a parent cycle were never reached from a root: list them at the top.
    std::vector<std::string> rest;
    for (auto& [id, b] : ws.bodies) if (!seen.count(id)) rest.push_back(id);
    order(rest);
    for (auto& r : rest) add(r);
    return out;
}

std::vector<std::pair<std::string, int>> RepeatParties(const Workspace& ws, const Body& b) {
    std::vector<std::pair<std::string, int>> out;
    if (!b.repeat) return out;
    std::vector<std::string> ids;
    for (auto& [pid, p] : ws.parties)
        if (p.kind == b.repeat->per_kind) ids.push_back(pid);
    SortPartiesSwedish(ws, ids);
    for (auto& pid : ids) {
        auto o = b.repeat->overrides.find(pid);
        int n = o != b.repeat->overrides.end() ? o->second : b.repeat->count;
        if (n > 0) out.push_back({pid, n});
    }
    return out;
}

int RepeatTotal(const Workspace& ws, const Body& b) {
    int total = 0;
    for (auto& [pid, n] : RepeatParties(ws, b)) total += n;
    return total;
}

Level ChildLevel(Level parent) {
    switch (parent) {
        case Level::Political: return Level::Strategic;
        case Level::Strategic: return Level::CountyCoordination;
        case Level::CountyCoordination: return Level::Local;
        default: return Level::WorkingGroup;
    }
}

std::vector<Slide> SlideDeck(const Workspace& ws) {
    if (!ws.slides.empty()) return ws.slides;
    std::vector<Slide> out;
    out.push_back({"", SlideKind::Overview, "", 0, {}});
    if (!ws.bodies.empty()) out.push_back({"", SlideKind::Structure, "", 0, {}});
    for (auto& [id, m] : ws.matters) out.push_back({"", SlideKind::Matter, id, 0, {}});
    if (!ws.cost_items.empty()) out.push_back({"", SlideKind::Costs, "", 0, {}});
    for (auto& [id, s] : ws.scenarios) out.push_back({"", SlideKind::Comparison, id, 0, {}});
    if (!ws.cost_items.empty()) out.push_back({"", SlideKind::WhatIf, "", 0, {}});
    return out;
}

}  // namespace sam
