// Historik drawn for real: the server's list through the platform, a revision looked at
// read-only, made the newest as one undoable edit; who the user is; who else is here.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include "app.h"
#include "headless.h"
#include "json_io.h"
#include "patch.h"
#include "sync.h"
#include "sync_glue.h"
#include "costs.h"

using headless::Click;
using headless::Find;
using headless::Frames;
using sam::json;

namespace {

// The server's answers as the platform would pass them on.
std::string HistoryBody() {
    json h = json::array({
        {{"revision", 3}, {"time", "2026-12-01T10:15:00Z"}, {"author", "Redigering (Anna Svensson, Kramfors)"}, {"summary", "Kramfors: Ej beslutat → Antaget"}},
        {{"revision", 2}, {"time", "2026-12-01T09:00:00Z"}, {"author", "Redigering (Per Holm)"}, {"summary", "Part Timrå: namn ”Timrå” → ”Timrå kommun”"}},
        {{"revision", 1}, {"time", "2026-11-30T08:00:00Z"}, {"author", "admin"}, {"summary", "Arbetsytan skapades"}}});
    return json{{"history", h}}.dump();
}

bool Said(const ui::App& app, const std::string& part) {
    for (auto& n : app.a11y.nodes) if (n.name.find(part) != std::string::npos) return true;
    return false;
}

bool SaidExactly(const ui::App& app, const std::string& name) {
    for (auto& n : app.a11y.nodes) if (n.name == name) return true;
    return false;
}

}  // namespace

TEST_CASE("Historik: the list, a past revision read-only, and Återställ as one undoable edit") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    sam::Workspace past = app.doc.ws;                      // revision 1, as the server keeps it
    REQUIRE(ui::ApplyEdit(app, json::array({sam::OpReplace("/parties/timra/name", "Timrå kommun")})));
    int history_asked = 0;
    int64_t revision_asked = 0;
    app.platform.fetch_history = [&] { ++history_asked; };
    app.platform.fetch_revision = [&](int64_t r) { revision_asked = r; };

    ui::OpenHistory(app);
    CHECK(history_asked == 1);
    Frames(app, 2);
    CHECK(Said(app, "Hämtar historiken"));
    REQUIRE(ui::TakeHistory(app, 200, HistoryBody()));
    Frames(app, 2);
    // Newest first, each entry one item with time, who and what.
    const ui::WidgetRect* newest = Find(app, "history:3");
    const ui::WidgetRect* oldest = Find(app, "history:1");
    REQUIRE(newest);
    REQUIRE(oldest);
    CHECK(newest->y < oldest->y);
    CHECK(Said(app, "Redigering (Anna Svensson, Kramfors)"));
    CHECK(Said(app, "Kramfors: Ej beslutat → Antaget"));
    CHECK(Said(app, "Revision 3 (nu)"));

    // A click on revision 1 asks the platform for it; it is drawn read-only when it comes.
    Click(app, *oldest);
    CHECK(revision_asked == 1);
    CHECK(Said(app, "Hämtar revision 1"));
    REQUIRE(ui::TakeRevision(app, 1, 200, json{{"revision", 1}, {"state", sam::ToJson(past)}}.dump()));
    Frames(app, 2);
    REQUIRE(Find(app, "past"));                              // the header's chip: Revision 1
    CHECK(Said(app, "Du ser arbetsytan som den var efter revision 1"));
    CHECK(SaidExactly(app, "Timrå"));
    CHECK_FALSE(SaidExactly(app, "Timrå kommun"));           // the views draw the past
    CHECK(app.doc.ws.parties.at("timra").name == "Timrå kommun");   // outside the frame: today's
    CHECK_FALSE(app.read_only);
    // An edit while looking at the past is refused, and says why.
    app.in_frame = true;
    app.history_panel.swapped = true;
    app.read_only = true;
    CHECK_FALSE(ui::ApplyEdit(app, json::array({sam::OpReplace("/name", "x")})));
    CHECK(app.status.find("äldre version") != std::string::npos);
    app.history_panel.swapped = false;
    app.read_only = false;
    app.in_frame = false;

    // Återställ: one edit from today's workspace to revision 1, sent like any change.
    json sent;
    app.platform.edited = [&](const json& forward) { sent = forward; };
    const ui::WidgetRect* restore = Find(app, "history-restore");
    REQUIRE(restore);
    Click(app, *restore);
    CHECK(app.doc.ws.parties.at("timra").name == "Timrå");
    CHECK(app.history_panel.viewing == 0);
    CHECK_FALSE(Find(app, "past"));
    CHECK(sent.is_array());
    CHECK(sent.dump().find("Timrå") != std::string::npos);
    CHECK(app.status.find("Revision 1 är återställd") == 0);
    // Ctrl+Z takes it back, like any change.
    REQUIRE(ui::UndoEdit(app));
    CHECK(app.doc.ws.parties.at("timra").name == "Timrå kommun");

    // Esc closes the panel (the key as GLFW's backend maps it).
    ImGui::GetIO().KeyMap[ImGuiKey_Escape] = 256;
    ImGui::GetIO().KeysDown[256] = true;
    Frames(app, 1);
    ImGui::GetIO().KeysDown[256] = false;
    Frames(app, 1);
    CHECK_FALSE(app.history_panel.open);
}

TEST_CASE("Historik: a view link cannot restore; a failed fetch says so; no server: where history is") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    ui::OpenHistory(app);   // no server
    Frames(app, 2);
    CHECK(Said(app, "inte delad via en server"));
    app.history_panel.open = false;

    app.read_only = true;   // a view link
    app.platform.fetch_history = [] {};
    app.platform.fetch_revision = [](int64_t) {};
    ui::OpenHistory(app);
    CHECK_FALSE(ui::TakeHistory(app, 503, "{}"));
    Frames(app, 2);
    CHECK(Said(app, "kunde inte hämtas (svar 503)"));
    REQUIRE(ui::TakeHistory(app, 200, HistoryBody()));
    ui::ViewRevision(app, 2);
    REQUIRE(ui::TakeRevision(app, 2, 200, json{{"revision", 2}, {"state", sam::ToJson(app.doc.ws)}}.dump()));
    Frames(app, 2);
    CHECK(Said(app, "Du ser arbetsytan som den var efter revision 2"));
    CHECK_FALSE(ui::RestoreRevision(app));
    CHECK(app.read_only);
    // A revision that cannot be read is said, and today's workspace stays.
    ui::ViewRevision(app, 1);
    CHECK_FALSE(ui::TakeRevision(app, 1, 200, "{\"state\": 3}"));
    CHECK(app.history_panel.viewing == 0);
    CHECK(app.history_panel.error == "Revision 1 kunde inte hämtas.");
    // An answer for a revision no longer chosen is dropped.
    ui::ViewRevision(app, 2);
    CHECK_FALSE(ui::TakeRevision(app, 1, 200, json{{"revision", 1}, {"state", sam::ToJson(app.doc.ws)}}.dump()));
}

TEST_CASE("Historik: changes waiting here are listed in words") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    sam::Sync sync;
    sam::SyncStart(sync, app.doc.ws, 7);
    sam::SyncLocalEdit(sync, json::array({sam::OpReplace("/parties/kramfors/population", 18000)}));
    sam::SyncLocalEdit(sync, json::array({sam::OpRemove("/parties/timra")}));
    app.platform.fetch_history = [] {};
    ui::OpenHistory(app);
    ui::ShowSyncState(app, sync);
    REQUIRE(app.history_panel.waiting.size() == 2);
    CHECK(app.history_panel.waiting[0].find("Part Kramfors: invånare ") == 0);
    CHECK(app.history_panel.waiting[1] == "Parten Timrå togs bort");
    Frames(app, 2);
    CHECK(Said(app, "Väntar på att skickas (2)"));
}

TEST_CASE("Vem är du?: asked in the status bar of a shared workspace, sent URL-encoded and cut on a character") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    app.shared = true;
    int kept = 0;
    app.platform.author_changed = [&] { ++kept; };
    Frames(app, 2);
    const ui::WidgetRect* ask = Find(app, "author");
    REQUIRE(ask);
    Click(app, *ask);
    Frames(app, 2);
    const ui::WidgetRect* name = Find(app, "author-name");
    REQUIRE(name);
    Click(app, *name);
    for (const char* s : {"Åsa Öberg"}) ImGui::GetIO().AddInputCharactersUTF8(s);
    Frames(app, 2);
    const ui::WidgetRect* save = Find(app, "author-save");
    REQUIRE(save);
    Click(app, *save);
    CHECK(app.author.name == "Åsa Öberg");
    CHECK(kept == 1);
    CHECK_FALSE(Find(app, "author"));   // asked and answered: the button is gone
    CHECK(ui::AuthorHeader(app.author) == "%C3%85sa%20%C3%96berg");
    ui::Author a{"Anna", "Kramfors kommun", true};
    CHECK(ui::AuthorHeader(a) == "Anna%2C%20Kramfors%20kommun");
    // 80 bytes at most, never half a character: 79 a's and an å (2 bytes) leave the å out.
    ui::Author longer{std::string(79, 'a') + "å", "", true};
    CHECK(ui::AuthorHeader(longer) == std::string(79, 'a'));
    ui::Author control{"A\nB", "", true};
    CHECK(ui::AuthorHeader(control) == "A%20B");
    // A view link is never asked.
    app.author = {};
    app.read_only = true;
    Frames(app, 2);
    CHECK_FALSE(Find(app, "author"));
}

TEST_CASE("who else is here: the status bar names them, once each") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    ui::TakePresence(app, R"j({"names":["Visning (Anna)","Redigering (Per)","Visning (Anna)"]})j");
    REQUIRE(app.present.size() == 2);
    sam::Sync sync;
    ui::SetSyncText(app, sync, true);
    CHECK(app.sync_text.find("Här nu: Visning (Anna), Redigering (Per)") != std::string::npos);
    ui::TakePresence(app, R"({"names":[]})");
    ui::SetSyncText(app, sync, true);
    CHECK(app.sync_text.find("Här nu") == std::string::npos);
    ui::TakePresence(app, "not json");
    CHECK(app.present.empty());
}

TEST_CASE("Arkiv → Rapport: sections chosen and ordered by mouse, the case number on every printed page") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    std::string saved_name, saved;
    app.platform.save_file = [&](const std::string& name, const std::string& text) { saved_name = name; saved = text; };
    app.report.open = true;
    Frames(app, 3);
    // Costs up one (above decisions); parties left out.
    const ui::WidgetRect* costs = Find(app, "report-section:costs");
    REQUIRE(costs);
    const ui::A11yNode* up = headless::Node(app, ui::Role::Button, "Flytta Kostnader upp");
    REQUIRE(up);
    Click(app, up->x + up->w / 2, up->y + up->h / 2);
    const ui::WidgetRect* parties = Find(app, "report-section:parties");
    REQUIRE(parties);
    Click(app, *parties);
    REQUIRE(ui::ApplyEdit(app, json::array({sam::OpAdd("/case_number", "HS 2026/0042")})));
    Frames(app, 2);
    const ui::WidgetRect* save = Find(app, "report-save");
    REQUIRE(save);
    Click(app, *save);
    CHECK(saved_name == "halsam-vasternorrland-rapport.html");
    size_t summary = saved.find("<h2>Sammanfattning</h2>"), costs_at = saved.find("<h2>Kostnader"), decisions = saved.find("<h2>Beslut");
    CHECK(summary < costs_at);
    CHECK(costs_at < decisions);
    CHECK(decisions != std::string::npos);
    CHECK(saved.find("<h2>Parter</h2>") == std::string::npos);
    CHECK(saved.find("@top-left{content:\"HälSam Västernorrland · 2026-12-01 · Dnr HS 2026/0042\"") != std::string::npos);
    CHECK(saved.find("counter(pages)") != std::string::npos);
}

TEST_CASE("Ctrl+C copies the view's table as tab-separated text: the matrix in words, the costs as plain numbers") {
    headless::Context c("halsam-vasternorrland", "2024-05-01");
    ui::App& app = c.app;
    ImGuiIO& io = ImGui::GetIO();
    auto press_ctrl_c = [&] {
        io.KeyCtrl = true;
        io.KeysDown[67] = true;   // GLFW_KEY_C, as the platforms' backend passes it
        Frames(app, 1);
        io.KeysDown[67] = false;
        io.KeyCtrl = false;
        Frames(app, 1);
    };
    app.view = ui::View::Decisions;
    Frames(app, 2);
    press_ctrl_c();
    std::string text = ImGui::GetClipboardText();
    CHECK(app.status.find("Tabellen Beslut är kopierad (1 rad)") == 0);
    std::vector<std::vector<std::string>> rows;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find("\r\n", at);
        std::string line = text.substr(at, end - at);
        std::vector<std::string> cells;
        for (size_t p = 0;;) {
            size_t tab = line.find('\t', p);
            cells.push_back(line.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
            if (tab == std::string::npos) break;
            p = tab + 1;
        }
        rows.push_back(cells);
        at = end + 2;
    }
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][0] == "Ärende");
    CHECK(rows[1][0] == "Tjänstepersonsstruktur för HälSam");
    CHECK(rows[1][2] == "Ej beslutat");

    // Kostnader: one row per party, numbers without spaces so Excel takes them as numbers.
    app.view = ui::View::Costs;
    Frames(app, 2);
    press_ctrl_c();
    text = ImGui::GetClipboardText();
    sam::Budget b = sam::ComputeBudget(app.doc.ws);
    std::string kramfors = "Kramfors\t" + std::to_string(b.PartyAt("kramfors", 2023)) + "\t" + std::to_string(b.PartyAt("kramfors", 2024));
    CHECK(text.find(kramfors) != std::string::npos);
    CHECK(text.find("\xC2\xA0") == std::string::npos);
    // Scenarier: each party's base and scenario side by side, for the year shown.
    REQUIRE(ui::ApplyEdit(app, json::array({sam::OpAdd("/scenarios/utan-timra", {{"name", "Utan Timrå"}, {"leave", {"timra"}}})})));
    app.view = ui::View::Scenarios;
    Frames(app, 2);
    press_ctrl_c();
    text = ImGui::GetClipboardText();
    INFO(app.status);
    CHECK(app.status.find("Tabellen Scenarier 2024 är kopierad (9 rader)") == 0);
    b = sam::ComputeBudget(app.doc.ws);
    sam::Budget without = sam::ComputeBudget(app.doc.ws, &app.doc.ws.scenarios.at("utan-timra"));
    int year = sam::YearToShow(b, app.cost_year, app.today).year;
    size_t row = text.find("\r\nKramfors\t");
    REQUIRE(row != std::string::npos);
    std::string line = text.substr(row + 2, text.find("\r\n", row + 2) - row - 2);
    CHECK(line.find("\t" + std::to_string(b.PartyAt("kramfors", year))) != std::string::npos);
    CHECK(line.find("\t" + std::to_string(without.PartyAt("kramfors", year))) != std::string::npos);
    CHECK(b.PartyAt("kramfors", year) != without.PartyAt("kramfors", year));
    // Struktur has no table: said so, the clipboard as it was.
    app.view = ui::View::Structure;
    Frames(app, 2);
    press_ctrl_c();
    CHECK(app.status.find("ingen tabell") != std::string::npos);
    CHECK(std::string(ImGui::GetClipboardText()) == text);
}

TEST_CASE("Others' changes: taken straight into the workspace while nothing of ours waits, the user's Undo kept") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    app.shared = true;
    sam::Sync sync;
    sam::SyncStart(sync, app.doc.ws, 7);
    app.platform.edited = [&](const json& forward) { sam::SyncLocalEdit(sync, forward); };
    Frames(app, 1);
    // Our change goes out and its event comes back: nothing to do.
    json own = json::array({sam::OpReplace("/parties/kramfors/population", 18000)});
    REQUIRE(ui::ApplyEdit(app, own));
    auto next = sam::SyncNext(sync);
    REQUIRE(next);
    CHECK_FALSE(sam::SyncAccepted(sync, 8));
    CHECK_FALSE(ui::TakeSyncEvent(app, sync, json{{"revision", 8}, {"patch", next->first}}.dump()));
    CHECK(sam::SyncNothingLocal(sync));
    // Someone else's decision: applied to the app's workspace as it is, and only its matter's
    // figures are made again (the change's path is known to the derived figures).
    const std::string path = "/matters/tjanstepersonsstruktur-2022/decisions/timra/status";
    uint64_t before = app.doc.revision;
    CHECK_FALSE(ui::TakeSyncEvent(app, sync, json{{"revision", 9}, {"patch", json::array({sam::OpReplace(path, "declined")})}}.dump()));
    CHECK(app.doc.revision == before + 1);
    CHECK(app.doc.ws.matters["tjanstepersonsstruktur-2022"].decisions["timra"].status == sam::DecisionStatus::Declined);
    CHECK(sam::SaveWorkspace(app.doc.ws) == sam::SaveWorkspace(sync.confirmed));
    REQUIRE_FALSE(app.derived.touched.empty());
    CHECK(app.derived.touched.back() == path);
    CHECK(app.derived.touched_from == app.derived.revision);   // known since the last figures: not all made again
    Frames(app, 1);
    // The user's own Undo still takes back the population, and goes to the server like any change.
    REQUIRE(ui::UndoEdit(app));
    CHECK(app.doc.ws.parties["kramfors"].population != 18000);
    CHECK(sam::SyncWaiting(sync) == 1);
    // With that change waiting, another's event needs the local state built again: ours on top.
    CHECK(ui::TakeSyncEvent(app, sync, json{{"revision", 10}, {"patch", json::array({sam::OpReplace("/name", "Ny HälSam")})}}.dump()));
    ui::ShowSyncState(app, sync);
    CHECK(app.doc.ws.name == "Ny HälSam");
    CHECK(app.doc.ws.parties["kramfors"].population != 18000);
    CHECK(app.doc.ws.matters["tjanstepersonsstruktur-2022"].decisions["timra"].status == sam::DecisionStatus::Declined);
    // An event that does not apply to the model asks for the state again, and changes nothing.
    std::string saved = sam::SaveWorkspace(app.doc.ws);
    CHECK_FALSE(ui::TakeSyncEvent(app, sync, json{{"revision", 11}, {"patch", json::array({sam::OpRemove("/parties/nobody")})}}.dump()));
    CHECK(sync.needs_state);
    CHECK(sam::SaveWorkspace(app.doc.ws) == saved);
}

TEST_CASE("the status bar says connecting until the stream opens, and offline only once it failed") {
    headless::Context c("halsam-vasternorrland", "2026-12-01");
    ui::App& app = c.app;
    sam::Sync sync;
    sync.revision = 7;
    ui::SetSyncText(app, sync, false, /*connecting=*/true);
    CHECK(app.sync_text == "Ansluter till servern …");
    ui::SetSyncText(app, sync, true, true);   // open: connecting is over
    CHECK(app.sync_text == "Synkad · revision 7");
    ui::SetSyncText(app, sync, false, false);
    CHECK(app.sync_text == "Offline · 0 ändringar väntar");
    app.read_only = true;   // a view link says so whatever the connection
    ui::SetSyncText(app, sync, false, true);
    CHECK(app.sync_text == "Visningslänk · revision 7");
    app.read_only = false;
    app.lang = sam::Lang::En;
    ui::SetSyncText(app, sync, false, true);
    CHECK(app.sync_text == "Connecting to the server …");
}
