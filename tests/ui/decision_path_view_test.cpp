// Decision paths in the views: a party's panel gives it a path of its own from the default
// (one Undo step), and Beslut lists the bodies that take up the matter soon.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "headless.h"

TEST_CASE("a party's panel gives it a decision path of its own, starting from the default") {
    headless::Context ctx("norrbotten", "2023-03-20");
    ui::App& app = ctx.app;
    app.view = ui::View::Overview;
    app.selected_party = "kiruna";
    headless::Frames(app, 3, 1280, 2400);
    // The default is said, in the marker's words, and each of its bodies has a meeting list.
    bool said = false;
    for (auto& n : app.a11y.nodes) said |= n.name == "Standard för alla parter: SNAU → SN → KS";
    CHECK(said);
    CHECK(headless::Node(app, ui::Role::TextBox, "Sammanträde Kommunstyrelsen 1") == nullptr);   // no dates yet
    const ui::A11yNode* own = headless::Node(app, ui::Role::Button, "Egen beslutsgång");
    REQUIRE(own);
    headless::Click(app, own->x + 4, own->y + own->h / 2, 1280, 2400);
    CHECK(app.doc.ws.parties.at("kiruna").decision_path == app.doc.ws.decision_path);
    // Its bodies are now fields of its own, named for a reader.
    CHECK(headless::Node(app, ui::Role::TextBox, "Organ 1") != nullptr);
    REQUIRE(ui::UndoEdit(app));
    CHECK(app.doc.ws.parties.at("kiruna").decision_path.empty());

    // Beslut: the bodies that take up the action plan in the coming 30 days.
    app.view = ui::View::Decisions;
    app.selected_matter = "suicidprevention";
    headless::Frames(app, 3, 1280, 2400);
    bool luleå = false;
    for (auto& n : app.a11y.nodes) luleå |= n.name == "2023-03-30";
    CHECK(luleå);
    CHECK(headless::Find(app, "coming-meetings") != nullptr);
}
