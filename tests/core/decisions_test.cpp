#include "decisions.h"

#include <set>
#include "helpers.h"
#include "patch.h"
#include "validate.h"

using namespace sam;

TEST_CASE("Familjehem: Kramfors adopted with a condition, Sundsvall and Timrå declined") {
    Workspace ws = LoadDemo("familjehem-vasternorrland");
    const Matter& m = ws.matters.at("familjehemsorganisation");
    AdoptionSummary s = Summarize(m, "2017-12-31");
    CHECK(s.concerned == 7);
    CHECK(s.adopted == 1);
    CHECK(s.with_conditions == 1);
    CHECK(s.declined == 2);
    CHECK(s.pending == 4);
    CHECK(s.declined_parties == std::vector<std::string>{"sundsvall", "timra"});
    CHECK(s.late_parties.empty());   // no deadline
    CHECK(m.decisions.at("kramfors").body == "BAS-nämnden");
}

TEST_CASE("CountAdoption and TallyDecisions agree with Summarize; the tally lists each deciding party once") {
    for (const char* demo : {"familjehem-vasternorrland", "halsam-vasternorrland"}) {
        Workspace ws = LoadDemo(demo);
        std::set<std::string> expected;
        DecisionTally tally = TallyDecisions(ws);
        CHECK(tally.by_matter.size() == ws.matters.size());
        for (auto& [id, m] : ws.matters) {
            AdoptionSummary s = Summarize(m, "2022-12-10");
            AdoptionCount c = CountAdoption(m);
            CHECK(c.adopted == s.adopted);
            CHECK(c.concerned == s.concerned);
            CHECK(tally.by_matter.at(id).adopted == s.adopted);
            CHECK(tally.by_matter.at(id).concerned == s.concerned);
            for (auto& [pid, d] : m.decisions) expected.insert(pid);
        }
        CHECK(tally.deciding == std::vector<std::string>(expected.begin(), expected.end()));
        CHECK_FALSE(tally.deciding.empty());
    }
    // Parties in different orders and gaps across matters.
    Workspace ws;
    ws.matters["a"].decisions["kramfors"].status = DecisionStatus::Declined;
    ws.matters["a"].decisions["timra"].status = DecisionStatus::NotConcerned;
    ws.matters["b"].decisions["harnosand"].status = DecisionStatus::Adopted;
    ws.matters["b"].decisions["sundsvall"].status = DecisionStatus::AdoptedWithConditions;
    ws.matters["c"];
    CHECK(TallyDecisions(ws).deciding == std::vector<std::string>{"harnosand", "kramfors", "sundsvall", "timra"});
    CHECK(TallyDecisions(ws).by_matter.at("b").adopted == 2);
    CHECK(CountAdoption(ws.matters["a"]).concerned == 1);
    CHECK(CountAdoption(ws.matters["a"]).adopted == 0);
    CHECK(CountAdoption(ws.matters["b"]).adopted == 2);
    CHECK(CountAdoption(ws.matters["c"]).concerned == 0);
}

TEST_CASE("HälSam: late parties and overdue milestones as of a date") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    const Matter& m = ws.matters.at("tjanstepersonsstruktur-2022");
    CHECK(Summarize(m, "2022-12-01").late_parties.empty());
    CHECK(Summarize(m, "2022-12-10").late_parties.size() == 8);
    auto overdue = OverdueMilestones(ws, "2022-11-15");
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].milestone == "m4-slutgiltigt-forslag");
    CHECK(overdue[0].days_overdue == 15);
    CHECK(OverdueMilestones(ws, "2023-01-01").size() == 2);
    CHECK(OverdueMilestones(ws, "2022-04-01").empty());
}

TEST_CASE("consistency checks speak politely about what officials should look at") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    auto codes = [&](const std::string& as_of) {
        std::multimap<std::string, std::string> m;
        for (auto& p : CheckConsistency(ws, as_of)) m.insert({p.code, p.path});
        return m;
    };
    // The seed's cost table: 0,9, 1,33 and 1,0 mnkr per FTE; only the 1,33 stands out.
    auto c = codes("2026-11-23");
    REQUIRE(c.count("warn.cost_per_fte") == 1);
    CHECK(c.find("warn.cost_per_fte")->second == "/cost_items/kommunikation-redaktor");
    auto msg = CheckConsistency(ws, "2026-11-23")[0].Message(Lang::Sv);
    CHECK(msg.find("1" + NB + "333" + NB + "333" + NB + "kr") != std::string::npos);

    json patch = json::array({
        OpAdd("/bodies/lokal-samverkan/repeat/overrides", json{{"kramfors", 0}}),
        OpAdd("/bodies/arbetsgrupp/members/gast", json{{"role", "Forskare"}, {"party", "umea-universitet"}}),
        OpAdd("/matters/tjanstepersonsstruktur-2022/decisions/ange/date", "2023-01-15"),
        OpReplace("/costs/key", json{{"kind", "fixed"}, {"shares", {{"region-vasternorrland", 50}, {"sundsvall", 45}}}}),
    });
    REQUIRE(ApplyPatch(ws, patch).ok);
    c = codes("2026-11-23");
    CHECK(c.count("warn.no_local_group") == 1);
    CHECK(c.find("warn.no_local_group")->second == "/parties/kramfors");
    CHECK(c.count("warn.unknown_party") == 1);
    CHECK(c.find("warn.unknown_party")->second == "/bodies/arbetsgrupp/members/gast/party");
    CHECK(c.count("warn.decision_after_deadline") == 1);
    CHECK(c.count("warn.shares_sum") == 1);
    CHECK(c.find("warn.shares_sum")->second == "/costs/key/shares");
}

TEST_CASE("a region counted per capita is flagged") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    REQUIRE(ApplyPatch(ws, json::array({OpReplace("/costs/key", json{{"kind", "per_capita"}})})).ok);
    bool found = false;
    for (auto& p : CheckConsistency(ws, "2026-01-01")) found |= p.code == "warn.region_per_capita";
    CHECK(found);
}
