// Backward planning from the parties' committee meeting dates, and the slides and
// meeting fields in the workspace format.
#include "helpers.h"
#include "planning.h"
#include "structure.h"
#include "validate.h"
#include <algorithm>

using namespace sam;

TEST_CASE("backward planning finds each party's last meeting before the deadline") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    const Matter& m = ws.matters.at("tjanstepersonsstruktur-2022");
    std::vector<PlanRow> plan = PlanMatter(ws, m, "2022-10-01");
    REQUIRE(plan.size() == 8);   // every party is pending
    auto row = [&](const std::string& id) {
        for (auto& r : plan) if (r.party == id) return r;
        FAIL("no row for " << id);
        return PlanRow{};
    };
    PlanRow sundsvall = row("sundsvall");
    CHECK(sundsvall.meeting == "2022-11-24");
    CHECK(sundsvall.send_by == "2022-11-03");          // 21 days before
    CHECK_FALSE(sundsvall.too_late);
    PlanRow region = row("region-vasternorrland");
    CHECK(region.lead_days == 28);
    CHECK(region.send_by == "2022-10-26");
    // Timrå's committee met 2022-09-20 and meets next 2022-12-13, after the deadline 2022-12-09.
    PlanRow timra = row("timra");
    CHECK(timra.too_late);
    CHECK(timra.meeting.empty());
    CHECK(timra.next_meeting == "2022-12-13");
    // ... which the consistency checks flag, naming the party and the dates.
    bool flagged = false;
    for (auto& p : CheckConsistency(ws, "2022-10-01"))
        if (p.code == "warn.meeting_too_late") {
            flagged = true;
            CHECK(p.path == "/parties/timra/committee_meetings");
            CHECK(p.Message(Lang::Sv).find("Timrå") != std::string::npos);
            CHECK(p.Message(Lang::Sv).find("2022-12-13") != std::string::npos);
        }
    CHECK(flagged);
    // After the deadline there is nothing left to plan: no warning.
    for (auto& p : CheckConsistency(ws, "2023-01-10")) CHECK(p.code != "warn.meeting_too_late");
    // Late in the process: the send-out day has passed.
    PlanRow late = [&] { for (auto& r : PlanMatter(ws, m, "2022-11-20")) if (r.party == "sundsvall") return r; return PlanRow{}; }();
    CHECK(late.meeting == "2022-11-24");
    CHECK(late.send_by_passed);
    // A party without dates is listed as such; a decided party is not listed.
    ws.parties.at("ange").committee_meetings.clear();
    ws.matters.at("tjanstepersonsstruktur-2022").decisions.at("kramfors").status = DecisionStatus::Adopted;
    plan = PlanMatter(ws, ws.matters.at("tjanstepersonsstruktur-2022"), "2022-10-01");
    CHECK(plan.size() == 7);
    for (auto& r : plan) if (r.party == "ange") CHECK(r.no_dates);
}

TEST_CASE("committee meetings and slides load, save and reject bad values") {
    std::string text = *FindDemo("halsam-vasternorrland");
    LoadResult r = LoadWorkspace(text);
    REQUIRE(r.ok);
    CHECK(SaveWorkspace(r.workspace) == text);   // the demo stays canonical
    json j = json::parse(text);
    j["slides"] = json::array({{{"kind", "structure"}}, {{"kind", "matter"}, {"ref", "tjanstepersonsstruktur-2022"}, {"title", "Beslutsläget"}},
                               {{"kind", "what_if"}, {"year", 2024}}});
    r = LoadWorkspace(j.dump());
    REQUIRE(r.ok);
    REQUIRE(r.workspace.slides.size() == 3);
    CHECK(r.workspace.slides[1].kind == SlideKind::Matter);
    CHECK(r.workspace.slides[2].year == 2024);
    CHECK(json::parse(SaveWorkspace(r.workspace))["slides"] == j["slides"]);

    json bad = j;
    bad["slides"][0]["kind"] = "movie";
    bad["parties"]["timra"]["committee_meetings"][1] = "2022-13-40";
    bad["parties"]["timra"]["lead_days"] = -3;
    r = LoadWorkspace(bad.dump());
    CHECK_FALSE(r.ok);
    std::set<std::string> paths;
    for (auto& p : r.problems) paths.insert(p.path);
    CHECK(paths.count("/slides/0/kind"));
    CHECK(paths.count("/parties/timra/committee_meetings/1"));
    CHECK(paths.count("/parties/timra/lead_days"));

    // A slide naming a matter that does not exist is a warning, not an error.
    json dangling = j;
    dangling["slides"][1]["ref"] = "no-such-matter";
    r = LoadWorkspace(dangling.dump());
    REQUIRE(r.ok);
    bool warned = false;
    for (auto& p : CheckConsistency(r.workspace, "")) warned |= p.code == "warn.unknown_matter" && p.path == "/slides/1/ref";
    CHECK(warned);
}

TEST_CASE("the body tree lists parents first, siblings by level and name") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::vector<BodyNode> tree = BodyTree(ws);
    CHECK(tree.size() == ws.bodies.size());
    for (size_t i = 0; i < tree.size(); ++i) {
        const Body& b = ws.bodies.at(tree[i].id);
        if (tree[i].parent >= 0) {
            CHECK(tree[tree[i].parent].id == b.parent);
            CHECK(tree[i].depth == tree[tree[i].parent].depth + 1);
        }
        for (size_t k = 1; k < tree[i].children.size(); ++k)
            CHECK(ws.bodies.at(tree[tree[i].children[k - 1]].id).level <= ws.bodies.at(tree[tree[i].children[k]].id).level);
    }
    CHECK(ws.bodies.at(tree[0].id).level == Level::Political);
    // A cycle still lists every body once.
    ws.bodies.begin()->second.parent = std::next(ws.bodies.begin())->first;
    std::next(ws.bodies.begin())->second.parent = ws.bodies.begin()->first;
    CHECK(BodyTree(ws).size() == ws.bodies.size());
}

#include "search.h"

TEST_CASE("search finds parties, bodies, members, matters and items, å ä ö included") {
    Workspace ws = LoadDemo("norrbotten");
    auto kinds = [](const std::vector<SearchHit>& hits, HitKind k) { return std::count_if(hits.begin(), hits.end(), [&](auto& h) { return h.kind == k; }); };
    std::vector<SearchHit> hits = Search(ws, "LULEÅ");
    CHECK(kinds(hits, HitKind::Party) == 1);
    CHECK(kinds(hits, HitKind::Body) >= 1);
    CHECK(kinds(hits, HitKind::Member) >= 2);   // members found by their organisation
    hits = Search(ws, "bodil ordförande");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == HitKind::Member);
    CHECK(hits[0].sub == "wennerbrandt-sevastik");
    CHECK(Search(ws, "").empty());
    CHECK(Search(ws, "zzzz-nothing").empty());
    CHECK(FoldCase("ÅÄÖ Éa") == "åäö éa");
    CHECK(Search(ws, "a", 3).size() == 3);
}

#include "patch.h"

TEST_CASE("slides are edited by JSON Patch like everything else") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    PatchResult r = ApplyPatch(ws, json::parse(R"([{"op": "add", "path": "/slides", "value": [{"kind": "structure"}]}])"));
    INFO((r.problems.empty() ? "" : r.problems[0].path + " " + r.problems[0].Message(Lang::En)));
    REQUIRE(r.ok);
    REQUIRE(ws.slides.size() == 1);
    r = ApplyPatch(ws, json::parse(R"([{"op": "add", "path": "/slides/-", "value": {"kind": "matter", "ref": "tjanstepersonsstruktur-2022"}}])"));
    REQUIRE(r.ok);
    CHECK(ws.slides.size() == 2);
    r = ApplyPatch(ws, json::parse(R"([{"op": "add", "path": "/slides/-", "value": {"kind": "cinema"}}])"));
    CHECK_FALSE(r.ok);
    CHECK(ws.slides.size() == 2);
}
