// A frame like the last one drawn is not drawn again (ui::FullFrame with ui::Shown, the web
// page): its draw data's hash is the same exactly when the picture is.
#include <doctest/doctest.h>
#include <imgui.h>

#include "full_frame.h"
#include "headless.h"
#include "patch.h"

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

namespace {

// A frame made as FullFrame makes it but without the first one made twice.
void UnsettledFrame(ui::App& app) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 900);
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ui::ViewsAndMirror(app);
    ImGui::Render();
}

}  // namespace

TEST_CASE("the first frame shown is settled: the second draws the same, in every view") {
    int unsettled_changed = 0;
    for (ui::View view : {ui::View::Overview, ui::View::Structure, ui::View::Decisions, ui::View::Costs, ui::View::Scenarios}) {
        CAPTURE((int)view);
        {
            headless::Context ctx("halsam-vasternorrland", "2024-03-20");
            ctx.app.view = view;
            ImGui::GetIO().MousePos = ImVec2(-1000, -1000);
            headless::Frames(ctx.app, 1);
            CHECK(ctx.app.frames == 1);   // the frame made first is not counted
            uint64_t first = Hash();
            headless::Frames(ctx.app, 1);
            CHECK(Hash() == first);
        }
        {
            // Shown as first made, it would change in the next: what the settling is for.
            headless::Context ctx("halsam-vasternorrland", "2024-03-20");
            ctx.app.view = view;
            ImGui::GetIO().MousePos = ImVec2(-1000, -1000);
            ui::FontSource font;
            font.path = SAMVERKAN_FONT;
            ui::ApplyStyle(ctx.app, font);
            unsigned char* pixels;
            int w, h;
            ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
            UnsettledFrame(ctx.app);
            uint64_t first = Hash();
            UnsettledFrame(ctx.app);
            unsettled_changed += Hash() != first;
        }
    }
    CHECK(unsettled_changed > 0);
}

TEST_CASE("a platform that goes on with the checks between frames: frames show them as they were") {
    headless::Context ctx("halsam-vasternorrland", "2024-03-20");
    ui::App& app = ctx.app;
    app.platform.checks_between_frames = true;   // as the web page (web/main.cpp's Loop)
    ImGui::GetIO().MousePos = ImVec2(-1000, -1000);
    // 300 parties and 800 matters with a decision each: more checks than a frame makes.
    sam::json patch = sam::json::array();
    for (int p = 0; p < 300; ++p) patch.push_back(sam::OpAdd("/parties/k" + std::to_string(p), {{"name", "Kommun " + std::to_string(p)}, {"kind", "municipality"}, {"population", 1000}}));
    for (int k = 0; k < 800; ++k) {
        sam::json decisions = sam::json::object();
        for (int p = 0; p < 300; ++p) decisions["k" + std::to_string(p)] = {{"status", "pending"}};
        patch.push_back(sam::OpAdd("/matters/m" + std::to_string(k), {{"title", "Ärende " + std::to_string(k)}, {"kind", "recommendation"}, {"decisions", decisions}}));
    }
    REQUIRE(ui::ApplyEdit(app, patch));
    headless::Frames(app, 1);
    size_t left = app.derived.check_cache.unchecked.size();
    REQUIRE(left > 0);   // the frame of the edit made some, not all
    CHECK(ui::ChecksUnderWay(app));
    uint64_t shown = Hash();
    headless::Frames(app, 3);
    CHECK(app.derived.check_cache.unchecked.size() == left);   // frames to settle leave them be
    CHECK(Hash() == shown);                                     // and so draw the same

    CHECK_FALSE(ui::ContinueBetweenFrames(app, 0));   // some between frames (at least 16)
    CHECK(app.derived.check_cache.unchecked.size() < left);
    while (!ui::ContinueBetweenFrames(app, 50)) {}
    CHECK_FALSE(ui::ChecksUnderWay(app));
    headless::Frames(app, 1);
    CHECK(Hash() != shown);   // the whole checks shown

    // A platform that draws on while they are made (the desktop) makes them in its frames.
    app.platform.checks_between_frames = false;
    REQUIRE(ui::ApplyEdit(app, sam::json::parse(R"([{"op":"replace","path":"/parties/k0/name","value":"Kommun noll"}])")));
    headless::Frames(app, 1);
    left = app.derived.check_cache.unchecked.size();
    REQUIRE(left > 0);
    headless::Frames(app, 1);
    CHECK(app.derived.check_cache.unchecked.size() < left);
}
