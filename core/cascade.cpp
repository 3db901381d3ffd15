#include "cascade.h"

#include <algorithm>
#include <functional>
#include "json_io.h"
#include "patch.h"

namespace sam {

namespace {

std::string P(const std::string& s) { return PointerToken(s); }

std::vector<std::string> Without(const std::vector<std::string>& v, const std::string& id) {
    std::vector<std::string> out;
    for (auto& x : v) if (x != id) out.push_back(x);
    return out;
}

void KeyShares(json& patch, const std::string& key_path, const AllocationKey& key, const std::string& id) {
    if (key.shares.count(id)) patch.push_back(OpRemove(key_path + "/shares/" + P(id)));
}

// A list field without the party: rewritten, or removed when `optional` and now empty.
void List(json& patch, const std::string& path, const std::vector<std::string>& v, const std::string& id, bool optional) {
    std::vector<std::string> rest = Without(v, id);
    if (rest == v) return;
    patch.push_back(optional && rest.empty() ? OpRemove(path) : OpAdd(path, rest));
}

void BodyParts(json& patch, const Workspace& ws, const std::string& id, const std::string& gone_party) {
    const Body& b = ws.bodies.at(id);
    for (auto& [cid, c] : ws.bodies)
        if (c.parent == id)
            patch.push_back(b.parent.empty() ? OpRemove("/bodies/" + P(cid) + "/parent") : OpAdd("/bodies/" + P(cid) + "/parent", b.parent));
    for (auto& [iid, item] : ws.cost_items)
        if (item.body == id) patch.push_back(OpRemove("/cost_items/" + P(iid) + "/body"));
    for (auto& [mid, m] : ws.matters)
        if (m.proposed_by == id) patch.push_back(OpRemove("/matters/" + P(mid) + "/proposed_by"));
    (void)gone_party;
    patch.push_back(OpRemove("/bodies/" + P(id)));
}

}  // namespace

json DeleteBodyPatch(const Workspace& ws, const std::string& body_id) {
    json patch = json::array();
    if (ws.bodies.count(body_id)) BodyParts(patch, ws, body_id, "");
    return patch;
}

json DeletePartyPatch(const Workspace& ws, const std::string& id) {
    json patch = json::array();
    if (!ws.parties.count(id)) return patch;
    for (auto& [mid, m] : ws.matters)
        if (m.decisions.count(id)) patch.push_back(OpRemove("/matters/" + P(mid) + "/decisions/" + P(id)));
    List(patch, "/costs/participants", ws.costs.participants, id, false);
    KeyShares(patch, "/costs/key", ws.costs.key, id);
    for (auto& [iid, item] : ws.cost_items) {
        std::string base = "/cost_items/" + P(iid);
        if (item.participants) List(patch, base + "/participants", *item.participants, id, false);
        if (item.key) KeyShares(patch, base + "/key", *item.key, id);
    }
    for (auto& [sid, s] : ws.scenarios) {
        std::string base = "/scenarios/" + P(sid);
        List(patch, base + "/leave", s.leave, id, true);
        List(patch, base + "/join", s.join, id, true);
        if (s.key) KeyShares(patch, base + "/key", *s.key, id);
        for (auto& [iid, ch] : s.items)
            if (ch.key) KeyShares(patch, base + "/items/" + P(iid) + "/key", *ch.key, id);
    }
    // The bodies that belong to the party go (their children move up); in the others, its
    // members and its own group count.
    std::vector<std::string> owned;
    for (auto& [bid, b] : ws.bodies) if (b.party == id) owned.push_back(bid);
    for (auto& [bid, b] : ws.bodies) {
        if (b.party == id) continue;
        std::string base = "/bodies/" + P(bid);
        for (auto& [mid, m] : b.members)
            if (m.party == id) patch.push_back(OpRemove(base + "/members/" + P(mid)));
        if (b.repeat && b.repeat->overrides.count(id)) patch.push_back(OpRemove(base + "/repeat/overrides/" + P(id)));
    }
    // Owned bodies last, from the leaves up, so each one's children have moved already.
    Workspace after = ws;
    if (!ApplyPatch(after, patch).ok) return patch;   // cannot happen: every op above targets what exists
    for (size_t guard = 0; !owned.empty() && guard < 10000; ++guard) {
        auto leaf = std::find_if(owned.begin(), owned.end(), [&](const std::string& b) {
            for (auto& [cid, c] : after.bodies) if (c.parent == b && std::find(owned.begin(), owned.end(), cid) != owned.end()) return false;
            return true;
        });
        if (leaf == owned.end()) leaf = owned.begin();   // a cycle: take any
        json step = json::array();
        BodyParts(step, after, *leaf, id);
        if (!ApplyPatch(after, step).ok) break;
        for (auto& op : step) patch.push_back(op);
        owned.erase(leaf);
    }
    for (auto& [kid, k] : ws.in_kind)
        if (k.party == id) patch.push_back(OpRemove("/in_kind/" + P(kid)));
    patch.push_back(OpRemove("/parties/" + P(id)));
    return patch;
}

json DeleteMatterPatch(const Workspace& ws, const std::string& matter_id) {
    json patch = json::array();
    if (!ws.matters.count(matter_id)) return patch;
    for (auto& [iid, item] : ws.cost_items)
        if (item.project == matter_id) patch.push_back(OpRemove("/cost_items/" + P(iid) + "/project"));
    for (size_t i = 0; i < ws.slides.size(); ++i)
        if (ws.slides[i].kind == SlideKind::Matter && ws.slides[i].ref == matter_id) {
            std::vector<Slide> rest;
            for (auto& s : ws.slides) if (!(s.kind == SlideKind::Matter && s.ref == matter_id)) rest.push_back(s);
            json arr = json::array();
            for (auto& s : rest) arr.push_back(ToJson(s));
            patch.push_back(rest.empty() ? OpRemove("/slides") : OpAdd("/slides", arr));
            break;
        }
    patch.push_back(OpRemove("/matters/" + P(matter_id)));
    return patch;
}

json DeleteFocusAreaPatch(const Workspace& ws, const std::string& focus_id) {
    json patch = json::array();
    if (!ws.focus_areas.count(focus_id)) return patch;
    auto untag = [&](const std::string& path, const std::vector<std::string>& tags) {
        List(patch, path + "/focus", tags, focus_id, true);
    };
    for (auto& [id, b] : ws.bodies) untag("/bodies/" + P(id), b.focus);
    for (auto& [id, m] : ws.matters) untag("/matters/" + P(id), m.focus);
    for (auto& [id, item] : ws.cost_items) untag("/cost_items/" + P(id), item.focus);
    patch.push_back(OpRemove("/focus_areas/" + P(focus_id)));
    return patch;
}

bool RefersToParty(const Workspace& ws, const std::string& id) {
    // Every reference is a string equal to the id in the saved JSON, or a key of a map
    // keyed by party: search the parts of the document that hold party ids.
    json doc = ToJson(ws);
    doc.erase("parties");
    doc.erase("name");
    doc.erase("description");
    bool found = false;
    std::function<void(const json&, const std::string&)> walk = [&](const json& j, const std::string& key) {
        if (found) return;
        if (j.is_string() && j.get<std::string>() == id && (key == "party" || key == "participants" || key == "leave" || key == "join")) found = true;
        else if (j.is_object()) {
            for (auto& [k, v] : j.items()) {
                if (k == id && (key == "decisions" || key == "shares" || key == "overrides")) { found = true; return; }
                walk(v, k);
            }
        } else if (j.is_array()) {
            for (auto& v : j) walk(v, key);
        }
    };
    walk(doc, "");
    return found;
}

bool RefersToBody(const Workspace& ws, const std::string& id) {
    for (auto& [cid, c] : ws.bodies) if (c.parent == id) return true;
    for (auto& [iid, item] : ws.cost_items) if (item.body == id) return true;
    for (auto& [mid, m] : ws.matters) if (m.proposed_by == id) return true;
    return false;
}

}  // namespace sam
