// The Portfölj view drawn for real (ImGui without a window): every workspace a line with its
// figures in order, the total, a line leading into its workspace through the platform, and
// another year asked for through the platform — the view decides nothing itself.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "json_io.h"
#include "headless.h"
#include "patch.h"

using headless::Click;
using headless::Find;
using headless::Frames;

TEST_CASE("Portfölj: Kramfors over four demos, each line leading into its workspace") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    std::vector<sam::Workspace> all;
    for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "utvecklingsarbete-2017", "kommunforbundet-vasternorrland"})
        all.push_back(sam::LoadWorkspace(*sam::FindDemo(id)).workspace);
    ui::App app;
    app.today = "2017-01-20";
    app.test_mode = true;
    app.a11y.enabled = true;
    app.portfolio.open = true;
    app.portfolio.years = {2017, 2018};
    app.portfolio.result = sam::ComputePortfolio("Kramfors", 2017, {&all[0], &all[1], &all[2], &all[3]}, app.today);
    app.portfolio.opens = {true, false, true, true};   // the web: the second has no link in the portfolio
    app.view = ui::View::Portfolio;
    size_t opened = 99;
    int asked_year = 0;
    app.platform.portfolio_open = [&](size_t line) { opened = line; };
    app.platform.portfolio_year = [&](int y) { asked_year = y; };
    Frames(app, 3);
    REQUIRE(app.portfolio.result.workspaces.size() == 4);
    const ui::WidgetRect* prev = nullptr;
    for (size_t i = 0; i < 4; ++i) {
        const ui::WidgetRect* line = Find(app, "portfolio-line:" + std::to_string(i));
        REQUIRE(line);
        if (prev) CHECK(line->y > prev->y);   // in the order given
        prev = line;
    }
    const ui::WidgetRect* total = Find(app, "portfolio-total");
    REQUIRE(total);
    CHECK(total->y > prev->y);
    // The screen reader gets the figures as text.
    bool said = false;
    for (auto& n : app.a11y.nodes) said |= n.name.find("294\xC2\xA0" "695\xC2\xA0kr") != std::string::npos;
    CHECK(said);
    // A click on a line asks the platform to open that workspace.
    const ui::WidgetRect* third = Find(app, "portfolio-line:2");
    REQUIRE(third);
    Click(app, *third);
    CHECK(opened == 2);
    CHECK(asked_year == 0);   // nothing asked for another year
    // A line without a link is text: a click there opens nothing.
    const ui::WidgetRect* second = Find(app, "portfolio-line:1");
    REQUIRE(second);
    Click(app, *second);
    CHECK(opened == 2);
    // At 320 CSS px the view still draws every line (the table scrolls sideways).
    Frames(app, 3, 320);
    CHECK(Find(app, "portfolio-line:3") != nullptr);
    ImGui::DestroyContext();
}

TEST_CASE("Översikt answers for the chosen party: what it pays in money this year, and what it still owes") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::App app;
    app.today = "2020-01-15";
    app.test_mode = true;
    app.a11y.enabled = true;
    REQUIRE(ui::OpenWorkspaceText(app, *sam::FindDemo("kommunforbundet-vasternorrland"), "demo"));
    app.view = ui::View::Overview;
    Frames(app, 2);
    CHECK(Find(app, "own-party") != nullptr);
    CHECK(Find(app, "own-pays") == nullptr);   // nobody chosen yet: nothing claimed
    app.overview_party = "sundsvall";
    Frames(app, 2);
    REQUIRE(Find(app, "own-pays") != nullptr);
    auto said = [&](const std::string& text) {
        for (auto& n : app.a11y.nodes) if (n.name.find(text) != std::string::npos) return true;
        return false;
    };
    // Its share 921 090 kr less the process leader it gives against it (140 000 kr).
    CHECK(said("Sundsvall betalar 781\xC2\xA0" "090\xC2\xA0kr i pengar 2020."));
    CHECK(said("Nationella överenskommelser 2020"));   // pending, deadline 2020-02-28
    // An edit changes the answer at once (the derived figures follow the revision).
    REQUIRE(ui::ApplyEdit(app, sam::json::array({sam::OpReplace("/in_kind/sundsvall-processledare/fte", 0.1)})));
    Frames(app, 2);
    CHECK(said("Sundsvall betalar 851\xC2\xA0" "090\xC2\xA0kr i pengar 2020."));
    ImGui::DestroyContext();
}
