// Rules the views used to decide, now core's: who takes part in a scenario, the default
// slide deck, and the level of a new child body.
#include "helpers.h"
#include "participation.h"
#include "structure.h"

using namespace sam;

TEST_CASE("participation: ticking a party out and in again goes through leave and join") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    Scenario s;
    std::string payer = ws.costs.participants.front();
    CHECK(TakesPart(ws, s, payer));
    CHECK(SetTakesPart(ws, s, payer, false));
    CHECK(s.leave == std::vector<std::string>{payer});
    CHECK_FALSE(TakesPart(ws, s, payer));
    CHECK_FALSE(SetTakesPart(ws, s, payer, false));   // nothing changes twice
    CHECK(SetTakesPart(ws, s, payer, true));
    CHECK(s.leave.empty());
    CHECK(s.join.empty());
    std::vector<std::string> candidates = PayingCandidates(ws);
    CHECK(candidates.size() >= ws.costs.participants.size());
    CHECK(candidates.front() == "harnosand");   // Swedish order: Härnösand first, Örnsköldsvik last
    CHECK(candidates.back() == "ornskoldsvik");
}

TEST_CASE("slide deck: the workspace's own, or one per view, matter and scenario") {
    Workspace ws = LoadDemo("familjehem-vasternorrland");
    std::vector<Slide> deck = SlideDeck(ws);
    REQUIRE(deck.size() == 2 + ws.matters.size() + 1 + ws.scenarios.size() + 1);
    CHECK(deck.front().kind == SlideKind::Overview);
    CHECK(deck.back().kind == SlideKind::WhatIf);
    ws.slides = {deck[1]};
    CHECK(SlideDeck(ws).size() == 1);
}

TEST_CASE("a new body goes one level below its parent") {
    CHECK(ChildLevel(Level::Political) == Level::Strategic);
    CHECK(ChildLevel(Level::Strategic) == Level::CountyCoordination);
    CHECK(ChildLevel(Level::CountyCoordination) == Level::Local);
    CHECK(ChildLevel(Level::Local) == Level::WorkingGroup);
    CHECK(ChildLevel(Level::WorkingGroup) == Level::WorkingGroup);
}
