// The organisation's whole picture: contributions in kind, funding, focus areas, projects,
// the two seed demos (Kramfors 2017, Kommunförbundet Västernorrland) and the portfolio of
// one party across workspaces.
#include "cascade.h"
#include "costs.h"
#include "helpers.h"
#include "patch.h"
#include "portfolio.h"
#include "validate.h"

using namespace sam;

namespace {

InKind Staff(const std::string& party, double fte, int64_t cost, bool against) {
    InKind k;
    k.name = "Personal";
    k.party = party;
    k.fte = fte;
    k.cost_per_fte = cost;
    k.first_year = 2017;
    k.last_year = 2017;
    k.against_share = against;
    return k;
}

int64_t Sum(const Series& s) { int64_t t = 0; for (auto v : s) t += v; return t; }

}  // namespace

TEST_CASE("seed 000: Kramfors pays just under 295 000 kr in 2017, adopted by the BAS committee within its budget") {
    Workspace ws = LoadDemo("utvecklingsarbete-2017");
    Budget b = ComputeBudget(ws);
    CHECK(b.PartyAt("kramfors", 2017) == 294695);
    CHECK(b.CashAt("kramfors", 2017) == 294695);
    const Decision& d = ws.matters.at("inriktning-finansiering-2017").decisions.at("kramfors");
    CHECK(d.status == DecisionStatus::Adopted);
    CHECK(d.date == "2017-01-26");          // the Thursday before 27 January 2017
    REQUIRE(d.within_budget.has_value());
    CHECK(*d.within_budget);
    int national = 0, own = 0;
    for (auto& [id, f] : ws.focus_areas) (f.national ? national : own)++;
    CHECK(national == 5);
    CHECK(own == 3);
    CHECK(ws.bodies.at("socialchefsnatverket").level == Level::Network);
    CHECK(CheckConsistency(ws, "2017-01-20").size() == 0);
}

TEST_CASE("seed 001: networks, a state grant, universities and the county board, staff on loan, two projects") {
    Workspace ws = LoadDemo("kommunforbundet-vasternorrland");
    CHECK(ws.bodies.at("rss").level == Level::Network);
    CHECK(ws.parties.at("umea-universitet").kind == PartyKind::University);
    CHECK(ws.parties.at("lansstyrelsen-vasternorrland").kind == PartyKind::CountyBoard);
    CHECK(ws.matters.at("hedersrelaterat-vald").kind == MatterKind::Project);
    CHECK(ws.funding.at("statsbidrag-rss").source == "Statsbidrag");
    Budget b = ComputeBudget(ws);
    // The grant for the whole budget and the county board's money for the new hire lower the net.
    CHECK(b.At(b.net, 2020) == b.At(b.gross, 2020) - 1'200'000 - 500'000);
    // Sundsvall's process leader (0,2 x 700 000) counts against its share; the professor on loan does not.
    CHECK(b.InKindAt("sundsvall", 2020) == 140'000);
    CHECK(b.CashAt("sundsvall", 2020) == b.PartyAt("sundsvall", 2020) - 140'000);
    CHECK(b.InKindAt("umea-universitet", 2020) == 220'000);
    CHECK(b.PartyAt("umea-universitet", 2020) == 0);
    CHECK(b.InKindAt("kommunforbundet-vasternorrland", 2019) == 400'000);   // the colleague lent to SKR
    // The two projects' net: the hire less the county board's money, plus the training days.
    CHECK(b.At(b.per_project.at("hedersrelaterat-vald"), 2020) == 700'000 - 500'000 + 150'000);
    CHECK(b.At(b.per_project.at("vald-nara-relationer"), 2020) == 360'000);
    CHECK(CheckConsistency(ws, "2020-01-15").size() == 0);
}

TEST_CASE("in kind: against the share lowers the money paid, on top does not, more than the share is a warning") {
    Workspace ws = LoadDemo("utvecklingsarbete-2017");
    Budget before = ComputeBudget(ws);
    const int64_t share = before.PartyAt("timra", 2017);
    ws.in_kind["a"] = Staff("timra", 0.1, 800'000, true);
    ws.in_kind["b"] = Staff("ange", 0.5, 800'000, false);
    Budget b = ComputeBudget(ws);
    CHECK(b.PartyAt("timra", 2017) == share);                 // the share is unchanged
    CHECK(b.CashAt("timra", 2017) == share - 80'000);
    CHECK(b.InKindAt("ange", 2017) == 400'000);
    CHECK(b.CashAt("ange", 2017) == b.PartyAt("ange", 2017));
    CHECK(b.problems.empty());
    ws.in_kind["a"].fte = 2;                                  // 1,6 mnkr: more than Timrå's share
    b = ComputeBudget(ws);
    CHECK(b.CashAt("timra", 2017) == 0);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].code == "warn.in_kind_over_share");
    // A party that leaves in a scenario gives nothing in kind there.
    Scenario s;
    s.leave = {"ange"};
    CHECK(ComputeBudget(ws, &s).InKindAt("ange", 2017) == 0);
}

TEST_CASE("per focus area: an item with several areas is split evenly, and the parts add up to the net") {
    Workspace ws = LoadDemo("utvecklingsarbete-2017");
    ws.cost_items.at("basutbildningar").amount = 400'001;     // an odd sum over two areas
    ws.cost_items.at("basutbildningar").focus = {"basutbildningar", "barn-unga"};
    Budget b = ComputeBudget(ws);
    int64_t sum = 0;
    for (auto& [id, s] : b.per_focus) sum += Sum(s);
    CHECK(sum == Sum(b.net));
    // 3 x 862 500 over five areas, 520 000 over two, 400 000 over two, 400 001 over two.
    CHECK(b.At(b.per_focus.at("basutbildningar"), 2017) == 200'001);
    CHECK(b.At(b.per_focus.at("titulatur-kompetens"), 2017) == 200'000);
}

TEST_CASE("focus areas, in kind and projects: load, save, validate, patch and undo") {
    Workspace ws = LoadDemo("kommunforbundet-vasternorrland");
    json add = json::array({OpAdd("/in_kind/ny", {{"name", "Lokal"}, {"party", "kramfors"}, {"amount", 50000}, {"first_year", 2020}, {"last_year", 2020}, {"against_share", true}})});
    PatchResult r = ApplyPatch(ws, add);
    REQUIRE(r.ok);
    CHECK(ComputeBudget(ws).InKindAt("kramfors", 2020) == 50'000);
    REQUIRE(ApplyPatch(ws, r.inverse).ok);
    CHECK(!ws.in_kind.count("ny"));
    // Bad values are refused with the field named.
    PatchResult bad = ApplyPatch(ws, json::array({OpReplace("/in_kind/professor-blom/fte", -1)}));
    CHECK(!bad.ok);
    bad = ApplyPatch(ws, json::array({OpReplace("/matters/hedersrelaterat-vald/end", "2019-01-01")}));
    CHECK(!bad.ok);
    // Unknown references are warnings that name them.
    ws.cost_items.at("rss-samordning").focus.push_back("finns-inte");
    ws.cost_items.at("rss-samordning").project = "overenskommelser-2020";   // not a project
    std::vector<std::string> codes;
    for (auto& p : CheckConsistency(ws, "2020-01-15")) codes.push_back(p.code);
    CHECK(std::count(codes.begin(), codes.end(), "warn.unknown_focus") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "warn.not_a_project") == 1);
    // The saved file reads back the same.
    LoadResult again = LoadWorkspace(SaveWorkspace(ws));
    REQUIRE(again.ok);
    CHECK(SaveWorkspace(again.workspace) == SaveWorkspace(ws));
}

TEST_CASE("deleting a focus area, a matter or a party leaves nothing pointing at it") {
    Workspace ws = LoadDemo("kommunforbundet-vasternorrland");
    REQUIRE(ApplyPatch(ws, DeleteFocusAreaPatch(ws, "hedersrelaterat-vald")).ok);
    for (auto& [id, item] : ws.cost_items) CHECK(std::count(item.focus.begin(), item.focus.end(), "hedersrelaterat-vald") == 0);
    for (auto& [id, b] : ws.bodies) CHECK(std::count(b.focus.begin(), b.focus.end(), "hedersrelaterat-vald") == 0);
    REQUIRE(ApplyPatch(ws, DeleteMatterPatch(ws, "hedersrelaterat-vald")).ok);
    for (auto& [id, item] : ws.cost_items) CHECK(item.project != "hedersrelaterat-vald");
    REQUIRE(ApplyPatch(ws, DeletePartyPatch(ws, "umea-universitet")).ok);
    CHECK(!ws.in_kind.count("professor-blom"));
    CHECK(!RefersToParty(ws, "umea-universitet"));
    CHECK(CheckConsistency(ws, "2020-01-15").size() == 0);
}

TEST_CASE("portfolio: Kramfors across the demos, exact to the krona") {
    std::vector<Workspace> all;
    for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "utvecklingsarbete-2017", "norrbotten"}) all.push_back(LoadDemo(id));
    std::vector<const Workspace*> ws;
    for (auto& w : all) ws.push_back(&w);
    Portfolio p = ComputePortfolio("kramfors", 2017, ws, "2017-01-20");
    REQUIRE(p.Found());
    CHECK(p.party == "Kramfors");
    REQUIRE(p.workspaces.size() == 3);
    CHECK(p.not_in == std::vector<std::string>{all[3].name});
    int64_t sum = 0;
    for (auto& w : p.workspaces) {
        sum += w.amount_kr;
        CHECK(w.match == PartyMatch::Name);
        CHECK(w.amount_kr == ComputeBudget(all[w.index]).CashAt(w.party_id, 2017));
    }
    CHECK(p.total_kr == sum);
    CHECK(p.workspaces[2].amount_kr == 294'695);
    // Pending decisions come with their deadline and the latest day to send the proposal out.
    bool any_pending = false;
    for (auto& w : p.workspaces) for (auto& x : w.pending) { any_pending = true; CHECK(!x.matter.empty()); }
    CHECK(any_pending);
    json j = PortfolioJson(p);
    CHECK(j["total_kr"] == sum);
    CHECK(j["workspaces"][0].contains("in_kind_kr"));
}

TEST_CASE("portfolio: organisation numbers decide when both sides have one; a similar name is uncertain") {
    Workspace a = LoadDemo("familjehem-vasternorrland"), b = a, c = a;
    a.name = "A"; b.name = "B"; c.name = "C";
    a.parties.at("kramfors").org_number = "212000-2411";
    b.parties.at("kramfors").org_number = "2120002411";       // the same number, written without the dash
    c.parties.at("kramfors").org_number = "212000-9999";      // another organisation with the same name
    Portfolio p = ComputePortfolio("Kramfors", 2017, {&a, &b, &c}, "2017-10-01");
    REQUIRE(p.workspaces.size() == 2);
    CHECK(p.workspaces[0].match == PartyMatch::OrgNumber);
    CHECK(p.workspaces[1].match == PartyMatch::OrgNumber);
    CHECK(p.not_in == std::vector<std::string>{"C"});
    CHECK(ComputePortfolio("212000-2411", 2017, {&a, &b, &c}, "2017-10-01").workspaces.size() == 2);
    // By name with Swedish case folding; "Kramfors kommun" is only a similar name.
    Workspace d = LoadDemo("familjehem-vasternorrland");
    d.parties.at("ornskoldsvik").name = "ÖRNSKÖLDSVIK";
    d.parties.at("kramfors").name = "Kramfors kommun";
    CHECK(ComputePortfolio("örnsköldsvik", 2017, {&d}, "2017-10-01").workspaces.at(0).match == PartyMatch::Name);
    Portfolio similar = ComputePortfolio("Kramfors", 2017, {&d}, "2017-10-01");
    REQUIRE(similar.workspaces.size() == 1);
    CHECK(similar.workspaces[0].Uncertain());
    CHECK(PortfolioDocument(similar, ReportFormat::Markdown, Lang::Sv).find("liknande namn") != std::string::npos);
    CHECK(!ComputePortfolio("Ingen sådan kommun", 2017, {&d}, "2017-10-01").Found());
}

TEST_CASE("portfolio: the JSON an app reads gives back every figure it draws") {
    std::vector<Workspace> all;
    for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "kommunforbundet-vasternorrland"}) all.push_back(LoadDemo(id));
    Portfolio p = ComputePortfolio("Sundsvall", 2020, {&all[0], &all[1], &all[2]}, "2020-01-15");
    REQUIRE(p.workspaces.size() == 3);
    Portfolio back;
    REQUIRE(PortfolioFromJson(PortfolioJsonFull(p), back));
    CHECK(back.party == p.party);
    CHECK(back.year == 2020);
    CHECK(back.total_kr == p.total_kr);
    CHECK(back.in_kind_total_kr == 140'000);
    REQUIRE(back.workspaces.size() == p.workspaces.size());
    for (size_t i = 0; i < p.workspaces.size(); ++i) {
        CHECK(back.workspaces[i].name == p.workspaces[i].name);
        CHECK(back.workspaces[i].amount_kr == p.workspaces[i].amount_kr);
        CHECK(back.workspaces[i].share_kr == p.workspaces[i].share_kr);
        CHECK(back.workspaces[i].in_kind_kr == p.workspaces[i].in_kind_kr);
        CHECK(back.workspaces[i].per_year == p.workspaces[i].per_year);
        CHECK(back.workspaces[i].pending.size() == p.workspaces[i].pending.size());
        CHECK(back.workspaces[i].conditions.size() == p.workspaces[i].conditions.size());
    }
    CHECK(PortfolioDocument(back, ReportFormat::Markdown, Lang::Sv) == PortfolioDocument(p, ReportFormat::Markdown, Lang::Sv));
    CHECK(!PortfolioFromJson(json::array(), back));
    CHECK(!PortfolioFromJson(json{{"workspaces", json::array({1})}}, back));
}
