#include "helpers.h"
#include "migrate.h"
#include "validate.h"

using namespace sam;

TEST_CASE("every demo file is canonical: load then save gives the same bytes") {
    for (auto& d : EmbeddedDemos()) {
        LoadResult r = LoadWorkspace(d.text);
        INFO(d.id);
        REQUIRE(r.ok);
        CHECK(SaveWorkspace(r.workspace) == d.text);
    }
}

TEST_CASE("unknown fields survive a round trip") {
    std::string text = *FindDemo("familjehem-vasternorrland");
    json j = json::parse(text);
    j["future_field"] = {{"x", 1}};
    j["parties"]["kramfors"]["municipality_code"] = "2282";
    j["matters"]["familjehemsorganisation"]["decisions"]["kramfors"]["case_number"] = "BAS 2017/123";
    std::string canonical = j.dump(2) + "\n";
    LoadResult r = LoadWorkspace(canonical);
    REQUIRE(r.ok);
    CHECK(SaveWorkspace(r.workspace) == canonical);
}

// The writer puts plain decisions out itself; every shape must give nlohmann's bytes.
TEST_CASE("saving writes what nlohmann writes, compact and indented, for every kind of decision") {
    for (auto& d : EmbeddedDemos()) {
        Workspace ws = LoadWorkspace(d.text).workspace;
        INFO(d.id);
        Matter& m = ws.matters.begin()->second;
        m.decisions["a-quote"] = Decision{DecisionStatus::Adopted, "2024-01-02", "Nämnden \"KS\"", "Villkor\nrad två", "tab\there", true, {}, {}};
        m.decisions["b-steps"] = Decision{DecisionStatus::Pending, "", "", "", "", false,
                                          {DecisionStep{"Socialnämnden", "2024-03-01", StepOutcome::Pending, "", {}}}, {}};
        m.decisions["c-extra"] = Decision{};
        m.decisions["c-extra"].extra = {{"case_number", "BAS 2017/123"}};
        m.decisions["d-control"] = Decision{DecisionStatus::Declined, "", std::string("\x01\x1f"), "", "", std::nullopt, {}, {}};
        Matter& last = ws.matters["zz-marker"];
        last.title = "Markören";
        last.extra = {{"aa", {{"decisions", -424242424242}}}};   // the writer's marker, twice: nlohmann writes it all
        CHECK(SaveWorkspace(ws, true) == ToJson(ws).dump(2) + "\n");
        CHECK(SaveWorkspace(ws, false) == ToJson(ws).dump());
    }
}

TEST_CASE("bad input gives every problem with its path, in Swedish and English") {
    SUBCASE("not JSON") {
        LoadResult r = LoadWorkspace("{\"name\": ");
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == "err.not_json");
        // All Swedish: where it went wrong, not the parser's English.
        CHECK(r.problems[0].Message(Lang::Sv) == "Filen är ingen Samverkan-fil: den är inte giltig JSON (fel vid byte 9)");
        CHECK(r.problems[0].Message(Lang::En) == "The file is not a Samverkan file: it is not valid JSON (error at byte 9)");
    }
    SUBCASE("wrong types and values") {
        json j = json::parse(*FindDemo("halsam-vasternorrland"));
        j["cost_items"]["samverkanskoordinator"]["fte"] = -1;
        j["parties"]["kramfors"]["kind"] = "kommun";
        j["parties"]["ange"]["population"] = "9100";
        j["matters"]["tjanstepersonsstruktur-2022"]["deadline"] = "9/12 2022";
        j["bodies"]["presidium"]["parent"] = "finns-inte";
        LoadResult r = LoadWorkspace(j.dump());
        CHECK_FALSE(r.ok);
        std::map<std::string, std::string> by_path;
        for (auto& p : r.problems) by_path[p.path] = p.code;
        CHECK(by_path["/cost_items/samverkanskoordinator/fte"] == "err.negative");
        CHECK(by_path["/parties/kramfors/kind"] == "err.unknown_value");
        CHECK(by_path["/parties/ange/population"] == "err.not_integer");
        CHECK(by_path["/matters/tjanstepersonsstruktur-2022/deadline"] == "err.bad_date");
        CHECK(by_path["/bodies/presidium/parent"] == "err.unknown_parent");
        for (auto& p : r.problems) {
            CHECK_FALSE(p.Message(Lang::Sv).empty());
            CHECK(p.Message(Lang::Sv) != p.Message(Lang::En));
        }
    }
    SUBCASE("a newer schema version") {
        LoadResult r = LoadWorkspace(R"({"schema_version": 99, "name": "x"})");
        CHECK_FALSE(r.ok);
        CHECK(r.problems[0].code == "err.schema_version");
        CHECK(r.problems[0].Message(Lang::En).find("99") != std::string::npos);
    }
    SUBCASE("not an object") {
        CHECK_FALSE(LoadWorkspace("[1,2,3]").ok);
        CHECK_FALSE(LoadWorkspace("null").ok);
        CHECK_FALSE(LoadWorkspace("").ok);
    }
}

TEST_CASE("schema version 1 (arrays with ids) migrates to version 2") {
    const char* v1 = R"({
      "schema_version": 1,
      "name": "Gammal fil",
      "costs": {"key": {"kind": "per_capita"}, "participants": ["kramfors", "timra"]},
      "parties": [
        {"id": "kramfors", "name": "Kramfors", "kind": "municipality", "population": 17900},
        {"id": "timra", "name": "Timrå", "kind": "municipality", "population": 17900}
      ],
      "bodies": [
        {"id": "lokal", "name": "Lokal samverkan", "level": "local", "members": [{"id": "m1", "role": "Socialchef", "party": "kramfors"}]}
      ],
      "matters": [
        {"id": "fh", "title": "Familjehem", "kind": "recommendation",
         "milestones": [{"id": "b", "date": "2017-10-01", "what": "Beslut"}],
         "decisions": [{"party": "kramfors", "status": "adopted_with_conditions", "date": "2017-09-18"}]}
      ],
      "cost_items": [{"id": "x", "name": "Samordnare", "fte": 1, "cost_per_fte": 800000, "first_year": 2024, "last_year": 2024}]
    })";
    LoadResult r = LoadWorkspace(v1);
    INFO((r.problems.empty() ? "" : r.problems[0].path + " " + r.problems[0].Message(Lang::En)));
    REQUIRE(r.ok);
    CHECK(r.migrated_from == 1);
    CHECK(r.workspace.schema_version == 2);
    CHECK(r.workspace.parties.at("timra").name == "Timrå");
    CHECK(r.workspace.bodies.at("lokal").members.at("m1").role == "Socialchef");
    CHECK(r.workspace.matters.at("fh").decisions.at("kramfors").status == DecisionStatus::AdoptedWithConditions);
    CHECK(r.workspace.matters.at("fh").milestones.at("b").what == "Beslut");
    CHECK(r.workspace.cost_items.at("x").cost_per_fte == 800000);
    // Saved again, it is version 2 and loads without migration.
    LoadResult again = LoadWorkspace(SaveWorkspace(r.workspace));
    REQUIRE(again.ok);
    CHECK(again.migrated_from == 0);
}

TEST_CASE("an unknown code names the allowed codes with what each means, in the reader's language") {
    json j = json::parse(*FindDemo("halsam-vasternorrland"));
    j["parties"]["kramfors"]["kind"] = "kommun";
    LoadResult r = LoadWorkspace(j.dump());
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.problems[0].path == "/parties/kramfors/kind");
    CHECK(r.problems[0].Message(Lang::Sv).find("municipality (Kommun)") != std::string::npos);
    CHECK(r.problems[0].Message(Lang::En).find("municipality (Municipality)") == std::string::npos);   // no echo of the same word
    CHECK(r.problems[0].Message(Lang::En).find("association (Association of municipalities)") != std::string::npos);
}
