// The costs table laid out for real (ImGui without a window): a quantity that wraps onto a
// second line makes its row taller, and the rows below it and the totals move down with it.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "headless.h"

using headless::Find;

TEST_CASE("Kostnader: a wrapped quantity pushes the next item and the totals down, never under them") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::App app;
    app.today = "2026-11-23";
    app.test_mode = true;
    app.view = ui::View::Costs;
    const std::string* demo = sam::FindDemo("halsam-vasternorrland");
    REQUIRE(demo);
    REQUIRE(ui::OpenWorkspaceText(app, *demo, "demo"));
    headless::Frames(app, 3, 1280, 800);
    // "3 grupper per kommun × 7 kommuner" wraps at 1280 px: the local groups' row is taller.
    const ui::WidgetRect* wrapped = Find(app, "fte:lokal-samordning");
    const ui::WidgetRect* next = Find(app, "fte:samverkanskoordinator");
    const ui::WidgetRect* gross = Find(app, "total:Brutto");
    REQUIRE(wrapped);
    REQUIRE(next);
    REQUIRE(gross);
    const float line = ImGui::GetFrameHeight();
    CHECK(next->y - wrapped->y > line * 1.5f);       // the wrapped row is more than one line tall
    CHECK(gross->y >= next->y + next->h);            // the totals start below the last item
    ImGui::DestroyContext();
}
