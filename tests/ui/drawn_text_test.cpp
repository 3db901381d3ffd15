// What the app draws rather than lays out as items reaches a screen reader as text: the
// timeline in date order, each mark with its state in words (not colour alone) and today
// where it falls; every slide's figures, cards and buttons in presentation mode.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "demos.h"
#include "headless.h"

TEST_CASE("Beslut: the timeline is text in the mirror, in date order, with its states in words") {
    headless::Context ctx("norrbotten", "2023-03-20");
    ui::App& app = ctx.app;
    app.view = ui::View::Decisions;
    app.selected_matter = "nara-vard";
    headless::Frames(app, 3, 1280, 2000);
    const ui::WidgetRect* timeline = headless::Find(app, "timeline");
    REQUIRE(timeline);
    // The timeline's words: the text nodes over its drawing (the milestone list below says them too).
    auto over = [&](const ui::A11yNode& n) { return n.role == ui::Role::Text && n.y >= timeline->y - 1 && n.y + n.h <= timeline->y + timeline->h + 1; };
    std::vector<std::string> said;
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (over(n)) said.push_back(n.name);
    const std::vector<std::string> expected = {
        "2022-12-01 Förslag",
        "2023-03-16 Socialnämndens arbetsutskott, Luleå, behandlar ärendet (Klart)",
        "Idag 2023-03-20",
        "2023-03-30 Socialnämnden, Luleå, föreslås rekommendera kommunstyrelsen att anta strategin",
    };
    CHECK(said == expected);

    // Past the last date, the milestone not done is said to be late, and today comes last.
    app.today = "2023-04-05";
    headless::Frames(app, 2, 1280, 2000);
    said.clear();
    timeline = headless::Find(app, "timeline");
    REQUIRE(timeline);
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (over(n) && (n.name.rfind("2023-03-30", 0) == 0 || n.name.rfind("Idag", 0) == 0)) said.push_back(n.name);
    CHECK(said == std::vector<std::string>{"2023-03-30 Socialnämnden, Luleå, föreslås rekommendera kommunstyrelsen att anta strategin (Försenad)",
                                           "Idag 2023-04-05"});
    // The parties' steps too, when asked for: Luleå's working committee (held) and committee.
    app.timeline_steps = true;
    headless::Frames(app, 2, 1280, 2000);
    timeline = headless::Find(app, "timeline");
    REQUIRE(timeline);
    said.clear();
    for (const ui::A11yNode& n : app.a11y.nodes)
        if (over(n) && n.name.find("Luleå: ") != std::string::npos) said.push_back(n.name);
    CHECK(said == std::vector<std::string>{"2023-03-16 Luleå: SNAU (Klart)", "2023-03-30 Luleå: SN (Klart)"});
}

TEST_CASE("Presentation: every slide's words and figures are in the mirror") {
    headless::Context ctx("halsam-vasternorrland", "2026-03-20");
    ui::App& app = ctx.app;
    ui::SetPresenting(app, true);
    std::vector<sam::Slide> deck = ui::Slides(app.doc.ws);
    REQUIRE(deck.size() >= 4);
    bool matter = false, costs = false, overview = false, what_if = false;
    for (size_t i = 0; i < deck.size(); ++i) {
        app.slide = (int)i;
        headless::Frames(app, 2, 1920, 1080);
        auto said = [&](const std::string& part) {
            for (const ui::A11yNode& n : app.a11y.nodes)
                if (n.name.find(part) != std::string::npos) return true;
            return false;
        };
        INFO("slide " << i);
        switch (deck[i].kind) {
            case sam::SlideKind::Overview: overview |= said("Parter: ") && said("Total kostnad "); break;
            case sam::SlideKind::Matter: matter |= said("Kramfors: ") && said(" har antagit"); break;
            case sam::SlideKind::Costs: costs |= said("Totalt: ") && said("3\xC2\xA0" "400\xC2\xA0" "000\xC2\xA0kr"); break;
            case sam::SlideKind::WhatIf: what_if |= said("Öka årsarbetena för ") && said("Minska årsarbetena för "); break;
            default: break;
        }
    }
    CHECK(overview);
    CHECK(matter);     // each party's card: its name and its status in words
    CHECK(costs);
    CHECK(what_if);    // the stepper's buttons named in words, not "+" and "−"
}

TEST_CASE("Översikt: a description of a megabyte is cut on a character, with the rest said to be in the report") {
    headless::Context ctx("halsam-vasternorrland", "2026-12-01");
    ui::App& app = ctx.app;
    std::string big;
    while (big.size() < (1u << 20)) big += "Samverkan för barn och unga i Västernorrland, år för år. ";
    app.doc.ws.description = big;
    ++app.doc.revision;
    app.view = ui::View::Overview;
    headless::Frames(app, 2);
    std::string shown, note;
    for (const ui::A11yNode& n : app.a11y.nodes) {
        if (n.name.rfind("Samverkan för barn", 0) == 0) shown = n.name;
        if (n.name.rfind("Beskrivningen fortsätter med ", 0) == 0) note = n.name;
    }
    REQUIRE_FALSE(shown.empty());
    CHECK(shown.size() <= 2000 + 4);
    CHECK(shown.substr(shown.size() - 4) == " \xE2\x80\xA6");   // " …", not half a character
    CHECK(note.find("rapporten har hela") != std::string::npos);
}
