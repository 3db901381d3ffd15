#include "cascade.h"
#include "helpers.h"
#include "history.h"
#include "patch.h"
#include "validate.h"

using namespace sam;

static const char* kFh = "familjehem-vasternorrland";

TEST_CASE("a one-field patch changes one decision, and its inverse undoes it exactly") {
    Workspace ws = LoadDemo(kFh);
    std::string before = SaveWorkspace(ws);
    json patch = json::array({OpReplace("/matters/familjehemsorganisation/decisions/harnosand/status", "adopted"),
                              OpAdd("/matters/familjehemsorganisation/decisions/harnosand/date", "2017-10-02")});
    PatchResult r = ApplyPatch(ws, patch);
    REQUIRE(r.ok);
    CHECK(ws.matters.at("familjehemsorganisation").decisions.at("harnosand").status == DecisionStatus::Adopted);
    CHECK(ws.matters.at("familjehemsorganisation").decisions.at("harnosand").date == "2017-10-02");
    // The forward form replays on saved JSON, as the server stores it.
    json replay = json::parse(before).patch(r.forward);
    CHECK(replay == json::parse(SaveWorkspace(ws)));
    PatchResult u = ApplyPatch(ws, r.inverse);
    REQUIRE(u.ok);
    CHECK(SaveWorkspace(ws) == before);
}

TEST_CASE("a rejected patch leaves the workspace byte-identical") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string before = SaveWorkspace(ws);
    struct Case { const char* name; json patch; const char* code; };
    std::vector<Case> cases = {
        {"negative FTE", json::array({OpReplace("/cost_items/samverkanskoordinator/fte", -0.5)}), "err.negative"},
        {"unknown status", json::array({OpReplace("/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status", "maybe")}), "err.unknown_value"},
        {"unknown path", json::array({OpReplace("/matters/finns-inte/title", "x")}), "err.patch_path"},
        {"unknown op", json::array({{{"op", "delete"}, {"path", "/name"}}}), "err.patch_op_unknown"},
        {"not a list", json::object({{"op", "remove"}}), "err.patch_not_array"},
        {"bad pointer", json::array({OpRemove("name")}), "err.patch_pointer"},
        {"parent cycle", json::array({OpAdd("/bodies/halsam/parent", "lansledning")}), "err.parent_cycle"},
        {"remove a parent", json::array({OpRemove("/bodies/lansledning")}), "err.unknown_parent"},
        {"bad id", json::array({OpAdd("/parties/Ö st", json{{"name", "X"}, {"kind", "municipality"}})}), "err.bad_id"},
        {"second op fails", json::array({OpReplace("/name", "Nytt namn"), OpReplace("/parties/kramfors/population", -5)}), "err.negative"},
        {"failed test", json::array({{{"op", "test"}, {"path", "/name"}, {"value", "Annat"}}, OpReplace("/name", "X")}), "err.patch_test_failed"},
        {"replace the document with junk", json::array({OpReplace("", 42)}), "err.not_object"},
        {"missing value", json::array({{{"op", "add"}, {"path", "/description"}}}), "err.patch_field"},
        {"change schema version", json::array({OpReplace("/schema_version", 7)}), "err.schema_version"},
    };
    for (auto& c : cases) {
        INFO(std::string(c.name));
        PatchResult r = ApplyPatch(ws, c.patch);
        CHECK_FALSE(r.ok);
        bool found = false;
        std::string codes;
        for (auto& p : r.problems) { found |= p.code == c.code; codes += p.code + " "; }
        INFO(codes);
        CHECK(found);
        CHECK(SaveWorkspace(ws) == before);
    }
}

TEST_CASE("every RFC 6902 operation, each undone by its inverse") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string original = SaveWorkspace(ws);
    std::vector<json> patches = {
        json::array({OpAdd("/bodies/lansledning/mandate/-", "Ny uppgift")}),
        json::array({OpAdd("/bodies/lansledning/mandate/0", "Först")}),
        json::array({OpRemove("/bodies/lansledning/mandate/1")}),
        json::array({{{"op", "move"}, {"from", "/bodies/lansledning/mandate/0"}, {"path", "/bodies/lansledning/mandate/1"}}}),
        json::array({{{"op", "copy"}, {"from", "/parties/kramfors"}, {"path", "/parties/kramfors-2"}}}),
        json::array({{{"op", "move"}, {"from", "/parties/kramfors/population"}, {"path", "/parties/timra/population"}}}),
        json::array({OpAdd("/parties/bollnas", json{{"name", "Bollnäs"}, {"kind", "municipality"}, {"population", 26000}})}),
        json::array({OpRemove("/matters/tjanstepersonsstruktur-2022")}),
        json::array({OpReplace("/parties", json::object())}),
        json::array({{{"op", "test"}, {"path", "/name"}, {"value", "HälSam Västernorrland"}}, OpReplace("/name", "HälSam")}),
    };
    History h;
    std::vector<std::string> states = {original};
    for (auto& p : patches) {
        INFO(p.dump());
        PatchResult r = Edit(ws, h, p);
        // Moving Kramfors' population away leaves it without one: allowed (0 is the default).
        REQUIRE(r.ok);
        states.push_back(SaveWorkspace(ws));
    }
    for (size_t i = states.size() - 1; i > 0; --i) {
        REQUIRE(Undo(ws, h));
        CHECK(SaveWorkspace(ws) == states[i - 1]);
    }
    CHECK_FALSE(Undo(ws, h));
    for (size_t i = 1; i < states.size(); ++i) {
        REQUIRE(Redo(ws, h));
        CHECK(SaveWorkspace(ws) == states[i]);
    }
}

TEST_CASE("patches touch only what they name: other entities stay as they were") {
    Workspace ws = LoadDemo("norrbotten");
    json other = ToJson(ws.matters.at("suicidprevention"));
    PatchResult r = ApplyPatch(ws, json::array({OpReplace("/matters/nara-vard/decisions/lulea/status", "adopted"),
                                                 OpAdd("/matters/nara-vard/decisions/lulea/date", "2023-03-30")}));
    REQUIRE(r.ok);
    CHECK(ToJson(ws.matters.at("suicidprevention")) == other);
    CHECK(ws.matters.at("nara-vard").decisions.at("lulea").date == "2023-03-30");
}

TEST_CASE("deleting a party takes everything that refers to it, in one undoable patch") {
    for (const char* demo : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten"}) {
        Workspace ws = LoadDemo(demo);
        // References of every kind to one party.
        std::string id = ws.costs.participants.front();
        ws.costs.key.shares[id] = 10;
        for (auto& [iid, item] : ws.cost_items) { item.participants = ws.costs.participants; break; }
        for (auto& [bid, b] : ws.bodies) { b.members["m-ref"].party = id; b.members["m-ref"].role = "Ledamot"; break; }
        std::string before = SaveWorkspace(ws);
        for (auto& [pid, p] : LoadDemo(demo).parties) {
            Workspace w = LoadWorkspace(before).workspace;
            INFO(demo << " " << pid);
            History h;
            PatchResult r = Edit(w, h, DeletePartyPatch(w, pid));
            REQUIRE(r.ok);
            CHECK_FALSE(w.parties.count(pid));
            CHECK_FALSE(RefersToParty(w, pid));
            for (auto& problem : CheckConsistency(w, "2024-01-01")) CHECK(problem.code.find("unknown") == std::string::npos);
            REQUIRE(Undo(w, h));
            CHECK(SaveWorkspace(w) == before);
        }
    }
}

TEST_CASE("deleting a body moves its children up and clears references") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string before = SaveWorkspace(ws);
    for (auto& [bid, b] : LoadDemo("halsam-vasternorrland").bodies) {
        Workspace w = LoadWorkspace(before).workspace;
        INFO(bid);
        std::string parent = w.bodies.at(bid).parent;
        std::vector<std::string> children;
        for (auto& [cid, c] : w.bodies) if (c.parent == bid) children.push_back(cid);
        REQUIRE(ApplyPatch(w, DeleteBodyPatch(w, bid)).ok);
        CHECK_FALSE(RefersToBody(w, bid));
        for (auto& c : children) CHECK(w.bodies.at(c).parent == parent);
    }
}

TEST_CASE("patch: fields of the wrong type are refused as problems, never thrown") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    for (const char* text : {R"([{"op":"replace","path":3}])", R"([{"op":"add","path":null,"value":1}])",
                             R"([{"op":7,"path":"/name","value":"x"}])", R"([{"op":"move","path":"/name","from":7}])",
                             R"([{"op":"replace","path":["/name"]}])"}) {
        INFO(text);
        PatchResult r;
        CHECK_NOTHROW(r = ApplyPatch(ws, json::parse(text)));
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.problems.empty());
        CHECK_NOTHROW(SummarizePatch(json::parse(text)));
    }
}

TEST_CASE("root fields a patch changes are all kept: the default decision path and the case number") {
    sam::Workspace ws = LoadDemo("norrbotten");
    auto r = sam::ApplyPatch(ws, sam::json::array({sam::OpReplace("/decision_path", sam::json::array({"Socialnämnden", "Kommunfullmäktige"})),
                                                   sam::OpAdd("/case_number", "NK 2023/0042")}));
    REQUIRE(r.ok);
    CHECK(ws.decision_path == std::vector<std::string>{"Socialnämnden", "Kommunfullmäktige"});
    CHECK(ws.case_number == "NK 2023/0042");
    // Saved and read back; undone exactly.
    sam::LoadResult again = sam::LoadWorkspace(sam::SaveWorkspace(ws));
    REQUIRE(again.ok);
    CHECK(again.workspace.case_number == "NK 2023/0042");
    CHECK(again.workspace.decision_path.size() == 2);
    REQUIRE(sam::ApplyPatch(ws, r.inverse).ok);
    CHECK(ws.case_number.empty());
    CHECK(ws.decision_path.size() == 3);
}
