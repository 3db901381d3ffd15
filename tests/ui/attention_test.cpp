// Översikt's "Behöver uppmärksamhet": each line is a button a screen reader reads by its words
// (they are drawn, not its label), and a click opens the view where it is mended.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include "app.h"
#include "headless.h"

namespace {

const ui::A11yNode* LineStarting(const ui::App& app, const std::string& start) {
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (n.role == ui::Role::Button && n.name.rfind(start, 0) == 0) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("Behöver uppmärksamhet: every line is a named button that opens its view") {
    headless::Context ctx("halsam-vasternorrland", "2024-03-20");
    ui::App& app = ctx.app;
    headless::Frames(app, 3);
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (n.role == ui::Role::Button) CHECK_FALSE(n.name.empty());
    const ui::A11yNode* overdue = LineStarting(app, "Försenad milstolpe 2022-10-31: ");
    const ui::A11yNode* cost = LineStarting(app, "Kostnaden per årsarbetare för ”Kommunikation/redaktör 30 %”");
    REQUIRE(overdue);
    REQUIRE(cost);

    // Hovered: a tooltip says where a click leads (no JSON Pointer).
    ImGui::GetIO().MousePos = ImVec2(cost->x + 20, cost->y + cost->h / 2);
    headless::Frames(app, 3);
    ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
    CHECK((tip && tip->Active));

    float x = cost->x + 20, y = cost->y + cost->h / 2;
    headless::Click(app, x, y);
    CHECK(app.view == ui::View::Costs);

    app.view = ui::View::Overview;
    headless::Frames(app, 2);
    overdue = LineStarting(app, "Försenad milstolpe 2022-10-31: ");
    REQUIRE(overdue);
    headless::Click(app, overdue->x + 20, overdue->y + overdue->h / 2);
    CHECK(app.view == ui::View::Decisions);
    CHECK(app.selected_matter == "tjanstepersonsstruktur-2022");
}
