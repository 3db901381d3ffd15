// Reading JSON while it arrives (PieceScan, PieceLoad, FindMemberStart): whatever the pieces,
// the same events, the same workspace and the same verdict as reading the whole text.
#include <random>
#include <vector>
#include "helpers.h"
#include "json_gen.h"
#include "json_io.h"
#include "json_scan.h"
#include "sync.h"

using namespace sam;

namespace {

using test::DomSax;
using test::Gen;

// Feeds `text` in pieces of random size. Each feed sees a fresh buffer of exactly what has
// come, so a read past it is a read past a heap block (AddressSanitizer reports it).
template <typename Feeder>
auto FeedInPieces(const std::string& text, std::mt19937_64& rng, size_t largest, Feeder feed) {
    size_t got = 0;
    for (;;) {
        got = std::min(text.size(), got + std::uniform_int_distribution<size_t>(0, largest)(rng));
        bool complete = got == text.size();
        std::vector<char> received(text.begin(), text.begin() + (long)got);
        auto state = feed(std::string_view(received.data(), received.size()), complete);
        if (state != PieceScan::State::NeedMore || complete) return state;
    }
}

// The tree PieceScan builds from `text` in pieces; `ok` when it read one whole value.
json PiecesToTree(const std::string& text, int frame_levels, std::mt19937_64& rng, bool& ok, std::string& error) {
    json result;
    DomSax dom(result);
    PieceScan scan(dom, frame_levels);
    auto state = FeedInPieces(text, rng, 1 + text.size() / 4, [&](std::string_view t, bool c) { return scan.Feed(t, c); });
    CHECK(state != PieceScan::State::NeedMore);   // told it was complete: it has a verdict
    ok = state == PieceScan::State::Done;
    error = scan.error();
    return result;
}

std::string Saved(const Workspace& ws) { return SaveWorkspace(ws, false); }

}  // namespace

TEST_CASE("PieceScan reads what ScanJson reads, in any pieces, with the same verdict") {
    Gen g{std::mt19937_64(11)};
    std::mt19937_64 rng(5);
    for (int i = 0; i < 3000; ++i) {
        std::string doc = g.Space() + g.Value(0) + g.Space();
        std::string bad = g.Mutate(doc);
        for (const std::string* text : {&doc, &bad}) {
            json expected;
            DomSax whole(expected);
            std::string whole_error, error;
            bool whole_ok = ScanJson(*text, whole, whole_error);
            bool ok = false;
            json got = PiecesToTree(*text, g.Int(0, 3), rng, ok, error);
            INFO("text: " << *text);
            CHECK(ok == whole_ok);
            if (ok && whole_ok) CHECK(got == expected);
            if (!ok) CHECK_FALSE(error.empty());
        }
    }
}

TEST_CASE("PieceScan waits for more, reads only whole entities, and says where text is broken") {
    json result;
    DomSax dom(result);
    PieceScan scan(dom, 2);
    std::string text = "{\"parties\": {\"a\": {\"name\": \"Kramfors\"}, \"b\": {\"name\": \"Timr";
    CHECK(scan.Feed(text, false) == PieceScan::State::NeedMore);
    CHECK(scan.read() > text.find("}, \"b\""));   // "a" is read; "b" has not come whole
    CHECK(scan.read() <= text.find("\"b\""));
    CHECK(result["parties"]["a"]["name"] == "Kramfors");
    CHECK_FALSE(result["parties"].contains("b"));
    text += "å\"}}, \"schema_version\": 3";
    CHECK(scan.Feed(text, false) == PieceScan::State::NeedMore);   // 3 may go on: 30, 3.5
    text += "}  ";
    CHECK(scan.Feed(text, false) == PieceScan::State::NeedMore);   // text may still follow
    CHECK(scan.Feed(text, true) == PieceScan::State::Done);
    CHECK(result["parties"]["b"]["name"] == "Timrå");
    CHECK(result["schema_version"] == 3);

    json other;
    DomSax dom2(other);
    PieceScan cut(dom2, 2);
    CHECK(cut.Feed("{\"parties\": {\"a\": {", true) == PieceScan::State::Failed);
    CHECK(cut.error().find("syntax error at byte") == 0);
    PieceScan extra(dom2, 2);
    CHECK(extra.Feed("{} x", true) == PieceScan::State::Failed);
    CHECK(extra.error().find("text after the JSON value") != std::string::npos);
    PieceScan member(dom2, 2);   // a value in a larger answer: what follows is not read
    member.stop_after_value = true;
    CHECK(member.Feed("{\"a\": 1} x", false) == PieceScan::State::Done);
    CHECK(member.read() == 8);
    std::string deep = "{\"a\": {\"b\": " + std::string(70, '[') + std::string(70, ']') + "}}";
    PieceScan too_deep(dom2, 2);
    CHECK(too_deep.Feed(deep, true) == PieceScan::State::Failed);
    CHECK(too_deep.error().find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("PieceLoad gives what LoadWorkspace gives, for every demo and a large workspace, in any pieces") {
    std::mt19937_64 rng(3);
    std::vector<std::string> texts;
    for (const DemoFile& demo : EmbeddedDemos()) texts.push_back(demo.text);
    texts.push_back("\xEF\xBB\xBF" + texts[0]);   // with a byte order mark
    texts.push_back(SaveWorkspace(LoadDemo("halsam-vasternorrland"), true));   // compact, as the server keeps it
    for (const std::string& text : texts) {
        LoadResult whole = LoadWorkspace(text);
        for (size_t largest : {size_t(1) << 6, size_t(1) << 12, text.size()}) {
            PieceLoad load;
            auto state = FeedInPieces(text, rng, largest, [&](std::string_view t, bool c) { return load.Feed(t, c); });
            CHECK(state == PieceScan::State::Done);
            LoadResult pieces = load.Finish();
            CHECK(pieces.ok == whole.ok);
            CHECK(pieces.problems.size() == whole.problems.size());
            CHECK(Saved(pieces.workspace) == Saved(whole.workspace));
        }
    }
}

TEST_CASE("PieceLoad of broken or cut-off text: the same error as LoadWorkspace's") {
    std::string text = *FindDemo("halsam-vasternorrland");
    for (size_t cut : {size_t(0), size_t(1), text.size() / 3, text.size() - 2}) {
        std::string part = text.substr(0, cut);
        PieceLoad load;
        CHECK(load.Feed(part, true) == PieceScan::State::Failed);
        LoadResult pieces = load.Finish(), whole = LoadWorkspace(part);
        CHECK_FALSE(pieces.ok);
        REQUIRE(pieces.problems.size() == 1);
        CHECK(pieces.problems[0].code == whole.problems[0].code);
        CHECK(pieces.problems[0].args == whole.problems[0].args);
    }
    // Valid JSON that is no workspace: the model's own checks, as for the whole text.
    PieceLoad load;
    CHECK(load.Feed("{\"schema_version\": 999}", true) == PieceScan::State::Done);
    LoadResult pieces = load.Finish(), whole = LoadWorkspace("{\"schema_version\": 999}");
    CHECK_FALSE(pieces.ok);
    CHECK(pieces.problems.size() == whole.problems.size());
}

TEST_CASE("A server's answer read while it arrives: the state found where FindLastMember finds it") {
    std::string state = SaveWorkspace(LoadDemo("halsam-vasternorrland"), true);
    std::string answer = "{\"revision\":7,\"access\":\"edit\",\"name\":\"a \\\"state\\\": here\",\"state\":" + state + "}";
    json envelope;
    std::string_view value;
    REQUIRE(FindLastMember(answer, "state", envelope, value));
    size_t start = (size_t)(value.data() - answer.data());
    for (size_t got = 0; got <= answer.size(); ++got) {
        size_t found = FindMemberStart(std::string_view(answer).substr(0, got), "state");
        CHECK(found == (got >= start ? start : std::string_view::npos));
    }
    std::mt19937_64 rng(9);
    for (size_t largest : {size_t(1) << 8, size_t(1) << 12, answer.size()}) {
        StateAnswerPieces pieces;
        FeedInPieces(answer, rng, largest, [&](std::string_view t, bool c) {
            pieces.Feed(t, c);
            return PieceScan::State::NeedMore;
        });
        // Read to the end of the state, not into the answer's '}'; the rest of the value is
        // the line end SaveWorkspace writes.
        REQUIRE(pieces.load);
        CHECK(value.substr(0, pieces.load->read()) == state.substr(0, state.find_last_not_of(" \n") + 1));
        std::optional<LoadResult> read = pieces.Take(answer, value);
        REQUIRE(read);
        REQUIRE(read->ok);
        CHECK(Saved(read->workspace) == Saved(LoadWorkspace(value).workspace));
    }
    // Answers it does not read: the caller reads them whole, as before.
    StateAnswerPieces error;
    std::string refused = "{\"error\":\"not_found\",\"message\":\"no such workspace\"}";
    error.Feed(refused, true);
    CHECK(error.given_up);
    CHECK_FALSE(error.Take(refused, refused));
    StateAnswerPieces trailing;   // text after the state inside the answer's value
    std::string odd = "{\"revision\":1,\"state\":{\"schema_version\":3} 5}";
    std::string_view odd_state;
    REQUIRE(FindLastMember(odd, "state", envelope, odd_state));   // LoadWorkspace refuses it
    CHECK_FALSE(LoadWorkspace(odd_state).ok);
    trailing.Feed(odd, true);
    CHECK_FALSE(trailing.Take(odd, odd_state));
    StateAnswerPieces moved;   // a state FindLastMember found elsewhere: not the one read
    moved.Feed(answer, true);
    CHECK_FALSE(moved.Take(answer, std::string_view(answer).substr(start + 1, value.size() - 1)));
    CHECK(FindMemberStart("{\"state\":{}}", "state") == 9);
}

TEST_CASE("SlicedLoad reads a text that is all here a slice at a time: what LoadWorkspace reads") {
    std::string text = SaveWorkspace(LoadDemo("halsam-vasternorrland"), false);
    LoadResult whole = LoadWorkspace(text);
    for (size_t slice : {size_t(1), size_t(100), size_t(4096), text.size()}) {
        SlicedLoad sliced(text);
        int steps = 0;
        while (!sliced.Step(slice)) {
            ++steps;
            CHECK(sliced.fed() <= text.size());
        }
        CHECK(sliced.fed() == text.size());
        CHECK(steps >= (int)(text.size() / slice) - 1);   // one slice a step, not all at once
        LoadResult r = sliced.Finish();
        CHECK(r.ok);
        CHECK(Saved(r.workspace) == Saved(whole.workspace));
    }
    // Finish at once reads the rest; a broken text fails as LoadWorkspace does.
    SlicedLoad at_once(text);
    CHECK(Saved(at_once.Finish().workspace) == Saved(whole.workspace));
    std::string cut = text.substr(0, text.size() / 2);
    SlicedLoad broken(cut);
    while (!broken.Step(1000)) {}
    LoadResult failed = broken.Finish(), expected = LoadWorkspace(cut);
    CHECK_FALSE(failed.ok);
    REQUIRE(failed.problems.size() == 1);
    CHECK(failed.problems[0].code == expected.problems[0].code);
}

namespace {

void CheckSameTally(const DecisionTally& got, const DecisionTally& expected) {
    CHECK(got.deciding == expected.deciding);
    REQUIRE(got.by_matter.size() == expected.by_matter.size());
    for (auto& [id, c] : expected.by_matter) {
        INFO("matter " << id);
        REQUIRE(got.by_matter.count(id));
        CHECK(got.by_matter.at(id).adopted == c.adopted);
        CHECK(got.by_matter.at(id).concerned == c.concerned);
    }
}

// A demo with matters whose decisions are random: statuses, parties left out, none at all.
Workspace WithRandomDecisions(std::mt19937_64& rng) {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::vector<std::string> parties;
    for (auto& [id, p] : ws.parties) parties.push_back(id);
    const DecisionStatus statuses[] = {DecisionStatus::Pending, DecisionStatus::Adopted, DecisionStatus::AdoptedWithConditions,
                                       DecisionStatus::Declined, DecisionStatus::Paused, DecisionStatus::NotConcerned};
    int matters = std::uniform_int_distribution<int>(0, 30)(rng);
    for (int i = 0; i < matters; ++i) {
        Matter& m = ws.matters["slump-" + std::to_string(i)];
        m.title = "Ärende " + std::to_string(i);
        for (auto& pid : parties)
            if (rng() % 3) m.decisions[pid].status = statuses[rng() % 6];
    }
    return ws;
}

}  // namespace

TEST_CASE("The reader counts the decisions as it reads them: TallyDecisions of what it read, in any pieces") {
    std::mt19937_64 rng(21);
    std::vector<std::string> texts;
    for (const DemoFile& demo : EmbeddedDemos()) texts.push_back(demo.text);
    for (int i = 0; i < 12; ++i) texts.push_back(SaveWorkspace(WithRandomDecisions(rng), i % 2 == 0));
    for (const std::string& text : texts) {
        LoadResult whole = LoadWorkspace(text);
        REQUIRE(whole.ok);
        REQUIRE(whole.decision_tally);
        DecisionTally expected = TallyDecisions(whole.workspace);
        CheckSameTally(*whole.decision_tally, expected);
        for (size_t largest : {size_t(1) << 6, size_t(1) << 12}) {
            PieceLoad load;
            FeedInPieces(text, rng, largest, [&](std::string_view t, bool c) { return load.Feed(t, c); });
            LoadResult pieces = load.Finish();
            REQUIRE(pieces.decision_tally);
            CheckSameTally(*pieces.decision_tally, expected);
        }
    }
}

TEST_CASE("The reader's tally is left out where it may not be what was read: a matter twice, a migrated file, an error") {
    json j = json::parse(*FindDemo("halsam-vasternorrland"));
    std::string text = j.dump();
    // The same matter twice in "matters": the second one is the matter, the first was counted.
    auto at = text.find("\"matters\":{") + 11;
    std::string first = j["matters"].begin().key();
    json other = j["matters"].begin().value();
    other["decisions"] = json::object();
    std::string twice = text.substr(0, at) + "\"" + first + "\":" + other.dump() + "," + text.substr(at);
    LoadResult dup = LoadWorkspace(twice);
    REQUIRE(dup.ok);
    CHECK(dup.workspace.matters.at(first).decisions.size() == j["matters"][first]["decisions"].size());
    CHECK_FALSE(dup.decision_tally);
    // A whole second "matters" (as an array, the way version 1 wrote them) is read after the stream.
    json v1 = {{"schema_version", 1}, {"name", "Gammal fil"},
               {"parties", json::array({{{"id", "kramfors"}, {"name", "Kramfors"}, {"kind", "municipality"}}})},
               {"matters", json::array({{{"id", "fh"}, {"title", "Familjehem"}, {"kind", "recommendation"},
                                         {"decisions", json::array({{{"party", "kramfors"}, {"status", "adopted"}}})}}})}};
    LoadResult old = LoadWorkspace(v1.dump());
    REQUIRE(old.ok);
    CHECK(old.migrated_from == 1);
    CHECK_FALSE(old.decision_tally);
    LoadResult again = LoadWorkspace(SaveWorkspace(old.workspace));
    REQUIRE(again.decision_tally);
    CHECK(again.decision_tally->by_matter.at("fh").adopted == 1);
    CHECK(again.decision_tally->deciding == std::vector<std::string>{"kramfors"});
    j["matters"][first]["decisions"]["kramfors"]["status"] = "antagen";
    LoadResult refused = LoadWorkspace(j.dump());
    CHECK_FALSE(refused.ok);
    CHECK_FALSE(refused.decision_tally);
}
