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

TEST_CASE("checks: a whole new check may leave the matters for later, a few at a time, and ends as a whole check") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    // Forty matters, each with a decision after its deadline (a warning of its own).
    const Matter first = ws.matters.begin()->second;
    const std::string party = ws.parties.begin()->first;
    for (int i = 0; i < 40; ++i) {
        Matter m = first;
        m.deadline = "2022-01-01";
        m.decisions[party].status = DecisionStatus::Adopted;
        m.decisions[party].date = "2022-02-0" + std::to_string(1 + i % 9);
        ws.matters["fraga-" + std::to_string(100 + i)] = m;
    }
    const std::string as_of = "2022-03-01";
    CheckCache cache;
    UpdateChecks(cache, ws, as_of, nullptr, nullptr, /*defer_matters=*/true);
    CHECK(cache.unchecked.size() == ws.matters.size());
    CHECK(cache.matters.empty());
    CHECK(ContinueChecks(cache, ws, 10) == ws.matters.size() - 10);
    CHECK(cache.matters.size() == 10);
    // An edit meanwhile: its matter is checked at once, whether it was done or not.
    const std::string late = "fraga-139";
    REQUIRE(cache.unchecked.count(late));
    REQUIRE(ApplyPatch(ws, json::array({Op("replace", "/matters/" + late + "/decisions/" + party + "/date", "2021-12-01")})).ok);
    std::vector<std::string> paths = {"/matters/" + late + "/decisions/" + party + "/date"};
    UpdateChecks(cache, ws, as_of, &paths, nullptr, true);
    CHECK_FALSE(cache.unchecked.count(late));
    CHECK(cache.matters.count(late));
    // A removed matter is not checked later.
    const std::string gone = *cache.unchecked.rbegin();
    REQUIRE(ApplyPatch(ws, json::array({Op("remove", "/matters/" + gone)})).ok);
    paths = {"/matters/" + gone};
    UpdateChecks(cache, ws, as_of, &paths, nullptr, true);
    CHECK_FALSE(cache.unchecked.count(gone));
    while (ContinueChecks(cache, ws, 7) > 0) {}
    CHECK(Texts(AllChecks(cache)) == Texts(CheckConsistency(ws, as_of)));
    CHECK(CountChecks(cache) == CheckConsistency(ws, as_of).size());
    // Without deferring: whole at once, as before.
    CheckCache now;
    UpdateChecks(now, ws, as_of, nullptr);
    CHECK(now.unchecked.empty());
    CHECK(Texts(AllChecks(now)) == Texts(AllChecks(cache)));
}
