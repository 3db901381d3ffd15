// The consistency checks kept between edits: after each kind of change, what the cache gives
// is exactly what checking the whole workspace again gives.
#include "helpers.h"
#include "history.h"
#include "patch.h"
#include "validate.h"

using namespace sam;

namespace {

std::vector<std::string> Texts(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (auto& p : problems) out.push_back(p.path + " " + p.Message(Lang::Sv));
    return out;
}

json Op(const std::string& op, const std::string& path, json value = nullptr) {
    json o = {{"op", op}, {"path", path}};
    if (!value.is_null()) o["value"] = value;
    return o;
}

}  // namespace

TEST_CASE("checks: after each kind of edit the kept checks equal a whole new check") {
    const std::string as_of = "2022-03-01";
    for (std::string demo : {"halsam-vasternorrland", "familjehem-vasternorrland", "kommunforbundet-vasternorrland"}) {
        CAPTURE(demo);
        Workspace ws = LoadDemo(demo);
        CheckCache cache;
        UpdateChecks(cache, ws, as_of, nullptr);
        REQUIRE(Texts(AllChecks(cache)) == Texts(CheckConsistency(ws, as_of)));
        std::string matter = ws.matters.begin()->first;
        std::string party = ws.parties.begin()->first;
        std::string item = ws.cost_items.begin()->first;
        std::string body = ws.bodies.begin()->first;
        std::vector<json> edits = {
            // A decision: its date past the deadline, then its status.
            json::array({Op("add", "/matters/" + matter + "/deadline", "2022-02-01"),
                         Op("add", "/matters/" + matter + "/decisions/" + party, json{{"status", "adopted"}, {"date", "2022-02-10"}})}),
            json::array({Op("replace", "/matters/" + matter + "/decisions/" + party + "/status", "declined")}),
            // A party's population, and its name (named in other sections' messages).
            json::array({Op("replace", "/parties/" + party + "/population", 12345)}),
            json::array({Op("replace", "/parties/" + party + "/name", "Nytt namn")}),
            // An item's FTE far from the others', an unknown participant in the cost key.
            json::array({Op("replace", "/cost_items/" + item + "/fte", 9.5)}),
            json::array({Op("add", "/costs/participants/-", "okand-part")}),
            // A body under another, a matter's title, a new matter and its removal.
            json::array({Op("add", "/bodies/" + body + "/level", "local")}),
            json::array({Op("add", "/bodies/" + body + "/members", json{{"ny-ledamot", {{"role", "Ledamot"}, {"party", "okand-part"}}}})}),
            json::array({Op("add", "/bodies/" + body + "/note", "Flyttad")}),
            json::array({Op("add", "/bodies/" + body + "/focus", json::array({"okant-fokus"}))}),
            json::array({Op("replace", "/matters/" + matter + "/title", "Ny rubrik")}),
            json::array({Op("add", "/matters/ny-fraga", json{{"title", "Ny fråga"}, {"kind", "recommendation"}, {"deadline", "2022-01-01"},
                                                             {"decisions", {{party, {{"status", "adopted"}, {"date", "2022-02-02"}}}}}})}),
            json::array({Op("remove", "/matters/ny-fraga")}),
            json::array({Op("replace", "/description", "Bara text")}),
        };
        for (size_t i = 0; i < edits.size(); ++i) {
            CAPTURE(i);
            PatchResult r = ApplyPatch(ws, edits[i]);
            INFO((r.problems.empty() ? std::string() : r.problems[0].Message(Lang::En)));
            REQUIRE(r.ok);
            std::vector<std::string> paths = PatchPaths(r.forward);
            UpdateChecks(cache, ws, as_of, &paths);
            CHECK(Texts(AllChecks(cache)) == Texts(CheckConsistency(ws, as_of)));
        }
        // Another day: everything again.
        UpdateChecks(cache, ws, "2030-01-01", nullptr);
        CHECK(Texts(AllChecks(cache)) == Texts(CheckConsistency(ws, "2030-01-01")));
    }
}

TEST_CASE("checks: a decision edit checks its matter only") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    CheckCache cache;
    UpdateChecks(cache, ws, "2022-03-01", nullptr);
    // Poison the other sections: a decision edit must leave them as they are.
    cache.costs.push_back({Severity::Warning, "/marker", "warn.unknown_item", {"x"}});
    std::string matter = ws.matters.begin()->first, party = ws.matters.begin()->second.decisions.begin()->first;
    std::vector<std::string> paths = {"/matters/" + matter + "/decisions/" + party + "/status"};
    UpdateChecks(cache, ws, "2022-03-01", &paths);
    CHECK(cache.costs.back().path == "/marker");
    paths = {"/cost_items/x/fte"};
    UpdateChecks(cache, ws, "2022-03-01", &paths);
    CHECK((cache.costs.empty() || cache.costs.back().path != "/marker"));
    CHECK(PatchPaths(json::array({Op("move", "/a", nullptr)})) == std::vector<std::string>{"/a"});
}
