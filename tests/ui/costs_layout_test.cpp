// The costs table laid out for real (ImGui without a window): a quantity that wraps onto a
// second line makes its row taller, and the rows below it and the totals move down with it.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"

namespace {

const ui::WidgetRect* Find(const ui::App& app, const std::string& name) {
    for (const ui::WidgetRect& r : app.rects)
        if (r.name == name) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("Kostnader: a wrapped quantity pushes the next item and the totals down, never under them") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ui::App app;
    app.today = "2026-11-23";
    app.test_mode = true;
    app.view = ui::View::Costs;
    const std::string* demo = sam::FindDemo("halsam-vasternorrland");
    REQUIRE(demo);
    REQUIRE(ui::OpenWorkspaceText(app, *demo, "demo"));
    ui::FontSource font;
    font.path = SAMVERKAN_FONT;
    for (int frame = 0; frame < 3; ++frame) {
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        if (app.style_dirty) {
            ui::ApplyStyle(app, font);
            unsigned char* pixels;
            int w, h;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
        app.rects.clear();
        ImGui::NewFrame();
        ui::Frame(app);
        ui::ApplyQueuedEdits(app);
        ImGui::Render();
    }
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
