// The mirror holds what is scrolled out of sight too (a county's workspace): the rows below
// the window and the columns of a table scrolled sideways, without opening a closed tree or
// changing what is drawn; a national workspace mirrors only what is on screen.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "headless.h"
#include "json_io.h"

namespace {

struct Mirror : headless::Context {
    Mirror(const char* demo, ui::View view) : headless::Context(demo, "2026-03-20") { app.view = view; }
    const ui::A11yNode* Named(ui::Role role, const std::string& name) const { return headless::Node(app, role, name); }
    int Below(float y) const {
        int n = 0;
        for (auto& node : app.a11y.nodes) n += node.y > y;
        return n;
    }
};

}  // namespace

TEST_CASE("the mirror holds the rows below the window, and a closed tree stays closed") {
    Mirror m("halsam-vasternorrland", ui::View::Costs);
    REQUIRE(ui::MirrorWhole(m.app));
    headless::Frames(m.app, 3, 1280, 420);   // a short window: most of the view is scrolled out

    CHECK(m.Below(420) > 10);
    // The last party's row of the per-party table, far below, heading its row.
    bool last = false;
    for (auto& n : m.app.a11y.nodes) last |= n.role == ui::Role::Text && n.name == "Örnsköldsvik" && n.y > 420;
    CHECK(last);
    // A closed tree node is mirrored closed, and the mirror does not open it (the local
    // groups' count per party; ImGui's logging would open trees by itself).
    m.app.view = ui::View::Structure;
    m.app.selected_body = "lokal-samverkan";   // a group in every municipality: its count per party
    headless::Frames(m.app, 3, 1280, 420);
    const ui::A11yNode* per_party = m.Named(ui::Role::TreeItem, "Per part");
    REQUIRE(per_party);
    CHECK(per_party->expanded == 0);
    CHECK_FALSE(ImGui::GetCurrentContext()->LogEnabled);   // ImGui's logging is off between frames
    CHECK(ImGui::GetCurrentContext()->LogBuffer.size() <= 1);
}

TEST_CASE("the mirror holds the columns of a table scrolled sideways at 320 px") {
    Mirror m("halsam-vasternorrland", ui::View::Decisions);
    headless::Frames(m.app, 3, 320, 900);
    // Beslut's table of parties keeps readable columns and scrolls sideways: its last columns
    // lie beyond 320 px, and are mirrored with their names.
    int beyond = 0;
    for (auto& n : m.app.a11y.nodes) beyond += n.x > 320 && n.table != 0;
    CHECK(beyond > 0);
}

TEST_CASE("a national workspace mirrors only what is on screen") {
    Mirror m("halsam-vasternorrland", ui::View::Decisions);
    // 300 parties and 40 matters: 12 000 cells in Beslut alone.
    sam::json patch = sam::json::array();
    for (int p = 0; p < 300; ++p) patch.push_back(sam::OpAdd("/parties/k" + std::to_string(p), {{"name", "Kommun " + std::to_string(p)}, {"kind", "municipality"}, {"population", 1000}}));
    for (int k = 0; k < 40; ++k) patch.push_back(sam::OpAdd("/matters/m" + std::to_string(k), {{"title", "Ärende " + std::to_string(k)}, {"kind", "recommendation"}, {"decisions", sam::json::object()}}));
    bool applied = ui::ApplyEdit(m.app, patch);
    INFO(m.app.status);
    REQUIRE(applied);
    headless::Frames(m.app, 2, 1280, 600);
    CHECK_FALSE(ui::MirrorWhole(m.app));
    CHECK(m.Below(600) == 0);
}
