// Undo in a shared workspace: others' changes are not one's own to undo, and an Undo that
// would overwrite what someone changed since is refused.
#include "helpers.h"
#include "history.h"

using namespace sam;

namespace {
std::string PartyName(const Workspace& ws, const std::string& id) { return ws.parties.at(id).name; }
}

TEST_CASE("history: a remote change keeps the user's own undo") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    History h;
    REQUIRE(Edit(ws, h, json::array({OpReplace("/parties/kramfors/name", "Kramfors kommun")})).ok);
    json remote = json::array({OpReplace("/parties/timra/name", "Timrå kommun")});
    REQUIRE(ApplyPatch(ws, remote).ok);
    NoteRemoteChange(h, remote);
    REQUIRE(h.undo.size() == 1);
    std::string clash;
    CHECK(Undo(ws, h, nullptr, &clash));
    CHECK(clash.empty());
    CHECK(PartyName(ws, "kramfors") == "Kramfors");
    CHECK(PartyName(ws, "timra") == "Timrå kommun");   // the colleague's change stays
    CHECK(Redo(ws, h));
    CHECK(PartyName(ws, "kramfors") == "Kramfors kommun");
}

TEST_CASE("history: an undo that clashes with a later remote change is refused and says where") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    History h;
    REQUIRE(Edit(ws, h, json::array({OpReplace("/parties/kramfors/name", "Kramfors kommun")})).ok);
    json remote = json::array({OpReplace("/parties/kramfors/name", "Kramfors K")});
    REQUIRE(ApplyPatch(ws, remote).ok);
    NoteRemoteChange(h, remote);
    std::string clash;
    CHECK_FALSE(Undo(ws, h, nullptr, &clash));
    CHECK(clash == "/parties/kramfors/name");
    CHECK(PartyName(ws, "kramfors") == "Kramfors K");   // nothing overwritten
    CHECK(h.undo.size() == 1);                          // and nothing lost
}

TEST_CASE("history: a remote change inside or around an edited path clashes") {
    CHECK(PathsOverlap("/parties/a", "/parties/a/name"));
    CHECK(PathsOverlap("/parties/a/name", "/parties/a"));
    CHECK(PathsOverlap("/parties/a", "/parties/a"));
    CHECK_FALSE(PathsOverlap("/parties/a", "/parties/ab"));
    CHECK_FALSE(PathsOverlap("/parties/a/name", "/parties/b/name"));
    CHECK(PathsOverlap("", "/parties"));
}

TEST_CASE("history: remote paths are forgotten once no entry could clash with them") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    History h;
    for (int i = 0; i < 100; ++i) {
        json remote = json::array({OpReplace("/parties/timra/name", "T" + std::to_string(i))});
        REQUIRE(ApplyPatch(ws, remote).ok);
        NoteRemoteChange(h, remote);
    }
    CHECK(h.remote_paths.empty());   // no undo entry: nothing kept
    REQUIRE(Edit(ws, h, json::array({OpReplace("/parties/kramfors/name", "K")})).ok);
    json remote = json::array({OpReplace("/parties/timra/name", "T")});
    NoteRemoteChange(h, remote);
    CHECK(h.remote_paths.size() == 1);
    CHECK(Undo(ws, h));
    CHECK(Redo(ws, h));
}
