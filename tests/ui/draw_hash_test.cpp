// A frame like the last one drawn is not drawn again (ui::FullFrame with ui::Shown, the web
// page): its draw data's hash is the same exactly when the picture is.
#include <doctest/doctest.h>
#include <imgui.h>

#include "full_frame.h"
#include "headless.h"

namespace {

uint64_t Hash() {
    return ui::DrawDataHash(*ImGui::GetDrawData(), 1280, 900, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
}

}  // namespace

TEST_CASE("an unchanged frame hashes the same; a hover, a theme, an edit or a size does not") {
    headless::Context ctx("halsam-vasternorrland", "2024-03-20");
    ui::App& app = ctx.app;
    ImGui::GetIO().MousePos = ImVec2(-1000, -1000);
    headless::Frames(app, 4);
    uint64_t still = Hash();
    headless::Frames(app, 1);
    CHECK(Hash() == still);

    const ui::WidgetRect* tab = headless::Find(app, "tab:costs");
    REQUIRE(tab);
    ImGui::GetIO().MousePos = ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2);   // hovered: another colour
    headless::Frames(app, 2);
    uint64_t hovered = Hash();
    CHECK(hovered != still);
    ImGui::GetIO().MousePos = ImVec2(-1000, -1000);
    headless::Frames(app, 2);
    CHECK(Hash() == still);

    CHECK(ui::ApplyEdit(app, sam::json::parse(R"([{"op":"replace","path":"/parties/kramfors/population","value":18000}])")));
    headless::Frames(app, 2);
    uint64_t edited = Hash();
    CHECK(edited != still);

    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    CHECK(ui::DrawDataHash(*ImGui::GetDrawData(), 1280, 901, bg) != edited);   // the canvas resized
    CHECK(ui::DrawDataHash(*ImGui::GetDrawData(), 1280, 900, ImVec4(0, 0, 0, 1)) != edited);

    ui::SetLook(app, true, app.ui_scale, app.lang);   // dark: every colour
    headless::Frames(app, 3);
    CHECK(Hash() != edited);
}
