// DiffWorkspaces: the patch between two versions of a workspace turns the one into the other,
// names only what changed, and agrees with diffing the two saved forms.
#include "diff.h"
#include "helpers.h"
#include "history.h"
#include "patch.h"

using namespace sam;

namespace {

json Op(const std::string& op, const std::string& path, json value = nullptr) {
    json o = {{"op", op}, {"path", path}};
    if (!value.is_null()) o["value"] = value;
    return o;
}

// `patch` applied to a copy of `from` gives `to`, in the saved form.
void CheckTurnsInto(const Workspace& from, const Workspace& to, const json& patch) {
    Workspace copy = from;
    PatchResult r = ApplyPatch(copy, patch);
    INFO(patch.dump());
    INFO((r.problems.empty() ? std::string() : r.problems[0].Message(Lang::En)));
    REQUIRE(r.ok);
    CHECK(SaveWorkspace(copy) == SaveWorkspace(to));
    // The saved forms' own diff turns the one into the other as well: the same change.
    CHECK(ToJson(from).patch(patch) == ToJson(to));
}

}  // namespace

TEST_CASE("diff: each kind of change is named at its own path, and the patch turns the one into the other") {
    for (std::string demo : {"halsam-vasternorrland", "norrbotten", "familjehem-vasternorrland"}) {
        CAPTURE(demo);
        const Workspace before = LoadDemo(demo);
        CHECK(DiffWorkspaces(before, before).empty());
        std::string matter = before.matters.begin()->first;
        std::string party = before.parties.begin()->first;
        std::string item = before.cost_items.begin()->first;
        std::string body = before.bodies.begin()->first;
        struct Case { json patch; std::vector<std::string> paths; };
        std::vector<Case> cases = {
            {json::array({Op("add", "/matters/" + matter + "/decisions/" + party, json{{"status", "declined"}, {"date", "2022-02-10"}})}),
             {"/matters/" + matter + "/decisions/" + party}},
            {json::array({Op("replace", "/parties/" + party + "/population", 12345)}), {"/parties/" + party + "/population"}},
            {json::array({Op("add", "/cost_items/" + item + "/note", "Ny anteckning")}), {"/cost_items/" + item + "/note"}},
            {json::array({Op("add", "/bodies/" + body + "/note", "Flyttad")}), {"/bodies/" + body + "/note"}},
            {json::array({Op("replace", "/description", "Bara text")}), {"/description"}},
            {json::array({Op("add", "/focus_areas/nytt", json{{"name", "Nytt fokus"}})}), {"/focus_areas/nytt"}},
            {json::array({Op("remove", "/cost_items/" + item)}), {"/cost_items/" + item}},
        };
        for (auto& c : cases) {
            Workspace after = before;
            PatchResult r = ApplyPatch(after, c.patch);
            INFO(c.patch.dump());
            REQUIRE(r.ok);
            json diff = DiffWorkspaces(before, after);
            std::vector<std::string> paths = PatchPaths(diff);
            // Only what changed: every path lies inside one of the change's own paths.
            REQUIRE_FALSE(paths.empty());
            for (auto& p : paths) {
                bool inside = false;
                for (auto& q : c.paths) inside |= p.rfind(q, 0) == 0;
                CHECK_MESSAGE(inside, p);
            }
            CheckTurnsInto(before, after, diff);
            CheckTurnsInto(after, before, DiffWorkspaces(after, before));
        }
    }
}

TEST_CASE("diff: many changes at once across two demos' worth of entities") {
    const Workspace a = LoadDemo("halsam-vasternorrland");
    const Workspace b = LoadDemo("norrbotten");
    CheckTurnsInto(a, b, DiffWorkspaces(a, b));
    CheckTurnsInto(b, a, DiffWorkspaces(b, a));
    CheckTurnsInto(Workspace(), a, DiffWorkspaces(Workspace(), a));
}
