// Edits from views and the frame: an edit asked for while the views draw waits until they
// are drawn (no view reads an entity an edit replaced); a selection whose entity is gone
// draws no panel; a field's refused input stays in the field with its reason.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "json_io.h"
#include "patch.h"

namespace {

// ImGui without a window, the app's style and fonts, and `frames` frames of the app.
struct Frames {
    ui::App app;
    explicit Frames(const char* demo) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        app.today = "2026-12-01";
        app.test_mode = true;
        REQUIRE(ui::OpenWorkspaceText(app, *sam::FindDemo(demo), "demo"));
    }
    ~Frames() { ImGui::DestroyContext(); }
    void Run(int frames = 1) {
        ImGuiIO& io = ImGui::GetIO();
        for (int f = 0; f < frames; ++f) {
            io.DisplaySize = ImVec2(1280, 800);
            io.DeltaTime = 1.0f / 60;
            if (app.style_dirty) {
                ui::FontSource font;
                font.path = SAMVERKAN_FONT;
                ui::ApplyStyle(app, font);
                unsigned char* pixels;
                int w, h;
                io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
            }
            ImGui::NewFrame();
            ui::Frame(app);
            ui::ApplyQueuedEdits(app);
            ImGui::Render();
        }
    }
};

}  // namespace

TEST_CASE("an edit during a frame waits until the views are drawn, then applies in order") {
    Frames f("halsam-vasternorrland");
    f.Run();
    ImGui::NewFrame();
    ui::Frame(f.app);
    const sam::Party& kramfors = f.app.doc.ws.parties.at("kramfors");   // a view's reference
    CHECK(ui::ApplyEdit(f.app, sam::json::array({sam::OpReplace("/parties/kramfors/name", "Kramfors kommun")})));
    CHECK(ui::ApplyEdit(f.app, sam::json::array({sam::OpReplace("/parties/kramfors/population", 18000)})));
    CHECK(kramfors.name == "Kramfors");                                 // still valid, still the old one
    CHECK(f.app.queued.size() == 2);
    ui::ApplyQueuedEdits(f.app);
    ImGui::Render();
    CHECK(f.app.doc.ws.parties.at("kramfors").name == "Kramfors kommun");
    CHECK(f.app.doc.ws.parties.at("kramfors").population == 18000);
    CHECK(f.app.doc.history.undo.size() == 2);                          // two Undo steps
    CHECK(ui::UndoEdit(f.app));
    CHECK(ui::UndoEdit(f.app));
    CHECK(f.app.doc.ws.parties.at("kramfors").name == "Kramfors");
}

TEST_CASE("a selection whose entity is gone draws no panel and does not crash") {
    for (ui::View v : {ui::View::Overview, ui::View::Structure, ui::View::Decisions, ui::View::Costs, ui::View::Scenarios}) {
        Frames f("familjehem-vasternorrland");
        f.app.view = v;
        f.app.selected_body = "nytt-organ";     // added by a queued edit, or undone
        f.app.selected_party = "finns-inte";
        f.app.selected_matter = "finns-inte";
        f.Run(2);
        CHECK(f.app.frames == 2);
    }
}

TEST_CASE("a view link draws every view, and refuses edits with a message") {
    for (ui::View v : {ui::View::Overview, ui::View::Structure, ui::View::Decisions, ui::View::Costs, ui::View::Scenarios}) {
        Frames f("halsam-vasternorrland");
        f.app.read_only = true;
        f.app.view = v;
        f.Run(2);
        bool marked = false;
        for (auto& r : f.app.rects) marked |= r.name == "view-mode";
        CHECK(marked);                            // "Visningsläge" in the header
        std::string before = sam::SaveWorkspace(f.app.doc.ws);
        CHECK_FALSE(ui::ApplyEdit(f.app, sam::json::array({sam::OpReplace("/name", "x")})));
        CHECK(sam::SaveWorkspace(f.app.doc.ws) == before);
        CHECK(f.app.status == "Du har en visningslänk: ändringar sparas inte.");
    }
}

TEST_CASE("a refused field edit keeps what was typed, with the reason at the field") {
    Frames f("halsam-vasternorrland");
    f.Run();
    unsigned field = 4242;
    CHECK_FALSE(ui::ApplyFieldEdit(f.app, sam::json::array({sam::OpReplace("/cost_items/samverkanskoordinator/last_year", 1999)}), field, "1999"));
    CHECK(f.app.field_error.id == field);
    CHECK(f.app.field_error.typed == "1999");
    CHECK_FALSE(f.app.field_error.message.empty());
    // Accepted the next time: the error goes.
    CHECK(ui::ApplyFieldEdit(f.app, sam::json::array({sam::OpReplace("/cost_items/samverkanskoordinator/last_year", 2025)}), field, "2025"));
    CHECK(f.app.field_error.id == 0);
}

TEST_CASE("opening a workspace takes the decisions' tally the reader counted; an edit counts its matter again") {
    Frames f("halsam-vasternorrland");
    sam::LoadResult r = sam::LoadWorkspace(*sam::FindDemo("familjehem-vasternorrland"));
    REQUIRE(r.decision_tally);
    sam::DecisionTally expected = sam::TallyDecisions(r.workspace);
    // A tally that says something no walk would: the recompute must be the reader's.
    std::string first = r.workspace.matters.begin()->first;
    r.decision_tally->by_matter[first].adopted = 99;
    REQUIRE(ui::OpenLoaded(f.app, std::move(r), "demo"));
    f.Run();
    CHECK(f.app.derived.adoption.at(first).adopted == 99);
    CHECK(f.app.derived.deciding_parties.size() == expected.deciding.size());
    CHECK_FALSE(f.app.derived.loaded_tally);   // used once, for the revision it was read at
    // An edit to that matter counts it from the model again.
    REQUIRE(ui::ApplyEdit(f.app, sam::json::parse(R"([{"op":"replace","path":"/matters/)" + first + R"(/title","value":"Ny titel"}])")));
    f.Run();
    CHECK(f.app.derived.adoption.at(first).adopted == expected.by_matter.at(first).adopted);
    // Opened again without a tally (a migrated file, say): counted by walking the model.
    sam::LoadResult again = sam::LoadWorkspace(*sam::FindDemo("familjehem-vasternorrland"));
    again.decision_tally.reset();
    REQUIRE(ui::OpenLoaded(f.app, std::move(again), "demo"));
    f.Run();
    for (auto& [id, c] : expected.by_matter) CHECK(f.app.derived.adoption.at(id).adopted == c.adopted);
}
