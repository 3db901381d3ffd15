// Erasing a person's data from states and patches: every occurrence gone, in any letter
// case, ids made from the name renamed consistently, and the result still loads and applies.
#include "helpers.h"
#include "erase.h"
#include "patch.h"
#include "search.h"

using namespace sam;

namespace {

// Erases `text` from a state and a history of patches the way the server does (two passes).
struct Erased {
    json state;
    std::vector<json> patches;
    int64_t occurrences;
};
Erased EraseAll(const std::string& text, const json& state, const std::vector<json>& patches) {
    Eraser e = MakeEraser(text);
    CollectIdsInState(e, state);
    for (auto& p : patches) CollectIdsInPatch(e, p);
    AssignIds(e);
    Erased out{EraseInState(e, state), {}, 0};
    for (auto& p : patches) out.patches.push_back(EraseInPatch(e, p));
    out.occurrences = e.occurrences;
    return out;
}

}  // namespace

TEST_CASE("erase: a name goes from every string, in any letter case, and the state still loads") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    json state = ToJson(ws);
    std::string before = state.dump();
    REQUIRE(before.find("Abrahamsson") != std::string::npos);
    REQUIRE(before.find("\"abrahamsson\"") != std::string::npos);   // the member's id is made from the name

    Erased r = EraseAll("ABRAHAMSSON", state, {});
    std::string after = r.state.dump();
    CHECK(FoldCase(after).find("abrahamsson") == std::string::npos);   // the id went too, through the slug
    CHECK(after.find("[borttaget]") != std::string::npos);
    CHECK(after.find("\"borttaget-1\"") != std::string::npos);
    CHECK(r.occurrences >= 2);
    LoadResult loaded = LoadWorkspace(after);
    CHECK(loaded.ok);
}

TEST_CASE("erase: a patch's paths and values follow the renamed id, so the history still applies") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    json state = ToJson(ws);
    json add = json::array({OpAdd("/bodies/arbetsgrupp/members/svensson-anna", json{{"name", "Anna Svensson"}, {"party", "kramfors"}, {"role", "Utvecklingsledare"}, {"contact", "070-111 22 33"}})});
    json rename = json::array({OpReplace("/bodies/arbetsgrupp/members/svensson-anna/name", "Anna Svensson (Kramfors)")});
    Workspace w2 = ws;
    REQUIRE(ApplyPatch(w2, add).ok);
    REQUIRE(ApplyPatch(w2, rename).ok);

    Erased r = EraseAll("svensson", state, {add, rename});
    std::string all = r.state.dump();
    for (auto& p : r.patches) all += p.dump();
    CHECK(FoldCase(all).find("svensson") == std::string::npos);
    CHECK(r.patches[0][0]["path"] == "/bodies/arbetsgrupp/members/borttaget-1");
    CHECK(r.patches[1][0]["path"] == "/bodies/arbetsgrupp/members/borttaget-1/name");
    CHECK(r.patches[1][0]["value"] == "Anna [borttaget] (Kramfors)");
    CHECK(r.patches[0][0]["value"]["contact"] == "070-111 22 33");   // only the text asked for

    // The erased history replays on the erased state, and every step loads.
    LoadResult base = LoadWorkspace(r.state.dump());
    REQUIRE(base.ok);
    for (auto& p : r.patches) CHECK(ApplyPatch(base.workspace, p).ok);
    CHECK(base.workspace.bodies.at("arbetsgrupp").members.count("borttaget-1") == 1);
}

TEST_CASE("erase: a new id never clashes with one already there, and keys and path tokens are escaped") {
    Eraser e = MakeEraser("Berg");
    json state = {{"berg"  , 1}, {"borttaget-1", 2}, {"a/berg x", 3}};
    CollectIdsInState(e, state);
    AssignIds(e);
    json out = EraseInState(e, state);
    CHECK(out.contains("borttaget-2"));
    CHECK(out["borttaget-1"] == 2);
    CHECK(out.contains("a/[borttaget] x"));
    json patch = json::array({{{"op", "remove"}, {"path", "/a~1berg x"}}});
    CHECK(EraseInPatch(e, patch)[0]["path"] == "/a~1[borttaget] x");
}

TEST_CASE("erase: what may be erased, said in the reader's language") {
    CHECK(EraseTextProblem("Anna Svensson", Lang::Sv).empty());
    CHECK(EraseTextProblem("070-111 22 33", Lang::Sv).empty());
    CHECK(EraseTextProblem("ab", Lang::Sv) == Tr(Lang::Sv, "erase.too_short"));
    CHECK(EraseTextProblem("   ", Lang::En) == Tr(Lang::En, "erase.too_short"));
    CHECK(EraseTextProblem("  a ", Lang::Sv) == Tr(Lang::Sv, "erase.too_short"));   // spaces around do not count
    CHECK(TrimErasedText(" Anna Svensson\n") == "Anna Svensson");
    CHECK(EraseTextProblem("borttag", Lang::Sv) == Tr(Lang::Sv, "erase.marker"));
    CHECK(EraseTextProblem(std::string("ab\xFF", 3), Lang::Sv) == Tr(Lang::Sv, "err.not_utf8"));
    CHECK(FoldCase("ÅÄÖ×É") == "åäö×é");
    Eraser e = MakeEraser("åsa");
    CHECK(EraseInText(e, "ÅSA och Åsa") == "[borttaget] och [borttaget]");
    CHECK(e.occurrences == 2);
}
