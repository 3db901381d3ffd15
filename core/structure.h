// The bodies as a tree: parents before children, siblings by level then Swedish name,
// so every view and report lists the structure the same way.
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

struct BodyNode {
    std::string id;
    int depth = 0;
    int parent = -1;                 // index in the list, -1 at the top
    std::vector<int> children;       // indexes, in order
};

// Every body once (a body whose parent is unknown or in a cycle is put at the top).
std::vector<BodyNode> BodyTree(const Workspace& ws);

// How many groups a repeated body stands for: count per party of its kind, with overrides.
int RepeatTotal(const Workspace& ws, const Body& b);
// The parties a repeated body is repeated in, with their group count (> 0), in Swedish order.
std::vector<std::pair<std::string, int>> RepeatParties(const Workspace& ws, const Body& b);

// The level a new body under a body of level `parent` gets: one below, working group at the bottom.
Level ChildLevel(Level parent);

// The slides of a presentation: the workspace's own, or by default one each for the
// overview, the structure, every matter, the costs, every scenario and a "what if".
std::vector<Slide> SlideDeck(const Workspace& ws);

}  // namespace sam
