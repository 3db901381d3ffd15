// Focus areas in Kostnader: which bodies, matters and cost items follow each area is chosen
// in the area's row (combos of checkboxes a screen reader knows by name); each tag is one
// change through core, undone in one step.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include "app.h"
#include "demos.h"
#include "headless.h"

using headless::Click;
using headless::Find;
using headless::Frames;
using headless::Node;

namespace {

bool Has(const std::vector<std::string>& tags, const std::string& id) { return std::find(tags.begin(), tags.end(), id) != tags.end(); }

// Opens a focus area's combo for one collection, then clicks the checkbox of `name` in it.
void Toggle(ui::App& app, const std::string& mark, const std::string& name) {
    const float w = 1280, h = 4000;   // tall: the whole Kostnader view on one screen
    const ui::WidgetRect* combo = Find(app, mark);
    REQUIRE(combo);
    Click(app, *combo, w, h);
    const ui::A11yNode* box = Node(app, ui::Role::Checkbox, name);
    REQUIRE(box);
    Click(app, box->x + box->h / 2, box->y + box->h / 2, w, h);
    Click(app, w - 4, h - 4, w, h);   // a click outside closes the popup, as for a user
    CHECK(Node(app, ui::Role::Checkbox, name) == nullptr);
}

}  // namespace

TEST_CASE("Kostnader tags bodies and matters with a focus area, each tag one Undo step") {
    headless::Context ctx("utvecklingsarbete-2017", "2017-01-20");
    ui::App& app = ctx.app;
    app.view = ui::View::Costs;
    Frames(app, 3, 1280, 4000);

    // The combos say how many follow the area, and are named for a screen reader.
    const ui::A11yNode* bodies = Node(app, ui::Role::ComboBox, "Organ: Nya behov inom barn och unga: ensamkommande barn");
    REQUIRE(bodies);
    CHECK(bodies->value == "1 organ");   // the development group
    REQUIRE(Node(app, ui::Role::ComboBox, "Ärenden: Nya behov inom barn och unga: ensamkommande barn"));

    // A body tagged: Kramfors' BAS committee now follows the area.
    const std::string bas = "Barn-, arbetsmarknads- och sociala servicenämnden (BAS-nämnden)";
    CHECK_FALSE(Has(app.doc.ws.bodies.at("kramfors-bas").focus, "ensamkommande"));
    Toggle(app, "focus-bodies:ensamkommande", bas);
    CHECK(Has(app.doc.ws.bodies.at("kramfors-bas").focus, "ensamkommande"));
    CHECK(Node(app, ui::Role::ComboBox, "Organ: Nya behov inom barn och unga: ensamkommande barn")->value == "2 organ");

    // A matter untagged: the 2017 decision no longer follows basic training.
    const std::string matter = "inriktning-finansiering-2017";
    CHECK(Has(app.doc.ws.matters.at(matter).focus, "basutbildningar"));
    Toggle(app, "focus-matters:basutbildningar", app.doc.ws.matters.at(matter).title);
    CHECK_FALSE(Has(app.doc.ws.matters.at(matter).focus, "basutbildningar"));
    CHECK(Has(app.doc.ws.matters.at(matter).focus, "ensamkommande"));   // its other areas stay

    // Each was one step: two Undos bring the file back as it was.
    REQUIRE(ui::UndoEdit(app));
    CHECK(Has(app.doc.ws.matters.at(matter).focus, "basutbildningar"));
    REQUIRE(ui::UndoEdit(app));
    CHECK(app.doc.ws.bodies.at("kramfors-bas").focus.empty());
}
