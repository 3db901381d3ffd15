// The history's sentences: every kind of change, in Swedish and English.
#include "helpers.h"
#include "describe.h"
#include "patch.h"

using sam::json;
using sam::Lang;

namespace {

const char* kMatter = "/matters/tjanstepersonsstruktur-2022";

std::string Sv(const sam::Workspace& ws, const json& patch) { return sam::DescribePatchLine(ws, patch, Lang::Sv); }
std::string En(const sam::Workspace& ws, const json& patch) { return sam::DescribePatchLine(ws, patch, Lang::En); }

}  // namespace

TEST_CASE("a decision's status in words: the party, old and new status, the matter") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    json p = json::array({sam::OpReplace(std::string(kMatter) + "/decisions/kramfors/status", "adopted_with_conditions")});
    CHECK(Sv(ws, p) == "Kramfors: Ej beslutat → Antaget med villkor (Tjänstepersonsstruktur för HälSam)");
    CHECK(En(ws, p) == "Kramfors: Pending → Adopted with conditions (Tjänstepersonsstruktur för HälSam)");
    // The whole decision replaced, as the matrix does: the same sentence.
    json whole = json::array({sam::OpReplace(std::string(kMatter) + "/decisions/kramfors", {{"status", "declined"}, {"date", "2026-11-24"}})});
    CHECK(Sv(ws, whole) == "Kramfors: Ej beslutat → Avböjt (Tjänstepersonsstruktur för HälSam)");
    // Another field of the decision.
    json cond = json::array({sam::OpAdd(std::string(kMatter) + "/decisions/kramfors/conditions", "Ryms i budget")});
    CHECK(Sv(ws, cond) == "Kramfors: villkor (tomt) → ”Ryms i budget” (Tjänstepersonsstruktur för HälSam)");
    CHECK(En(ws, cond) == "Kramfors: conditions (empty) → \"Ryms i budget\" (Tjänstepersonsstruktur för HälSam)");
}

TEST_CASE("new and removed things name themselves") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    json item = json::array({sam::OpAdd("/cost_items/utbildning", {{"name", "Utbildning"}, {"amount", 150000}, {"first_year", 2024}, {"last_year", 2024}})});
    CHECK(Sv(ws, item) == "Ny kostnadspost Utbildning 150\u00A0000\u00A0kr/år");
    CHECK(En(ws, item) == "New cost item Utbildning 150\u00A0000\u00A0kr/year");
    json fte = json::array({sam::OpAdd("/cost_items/x", {{"name", "Samordnare"}, {"fte", 0.5}, {"cost_per_fte", 700000}, {"first_year", 2024}, {"last_year", 2024}})});
    CHECK(Sv(ws, fte) == "Ny kostnadspost Samordnare 0,5 åa × 700\u00A0000\u00A0kr/år");
    CHECK(Sv(ws, json::array({sam::OpRemove("/parties/timra")})) == "Parten Timrå togs bort");
    CHECK(En(ws, json::array({sam::OpRemove("/parties/timra")})) == "Party Timrå removed");
    CHECK(Sv(ws, json::array({sam::OpAdd("/parties/nordanstig", {{"name", "Nordanstig"}, {"kind", "municipality"}})})) == "Ny part Nordanstig");
    CHECK(Sv(ws, json::array({sam::OpAdd("/bodies/ny", {{"name", "Nätverk för IT"}, {"level", "network"}})})) == "Nytt organ Nätverk för IT");
    CHECK(Sv(ws, json::array({sam::OpRemove("/bodies/administrativt-stod")})) == "Organet Administrativt stöd togs bort");
    CHECK(Sv(ws, json::array({sam::OpAdd("/matters/nytt", {{"title", "Gemensam IT"}})})) == "Nytt ärende Gemensam IT");
    CHECK(Sv(ws, json::array({sam::OpAdd("/scenarios/utan", {{"name", "Utan Timrå"}, {"leave", {"timra"}}})})) == "Nytt scenario Utan Timrå");
    CHECK(Sv(ws, json::array({sam::OpAdd("/funding/sb", {{"name", "Statsbidrag"}, {"amount", 500000}})})) == "Ny finansiering Statsbidrag 500\u00A0000\u00A0kr/år");
    CHECK(Sv(ws, json::array({sam::OpAdd("/focus_areas/f", {{"name", "Psykisk hälsa"}})})) == "Nytt fokusområde Psykisk hälsa");
    CHECK(Sv(ws, json::array({sam::OpAdd("/in_kind/k", {{"name", "Professor"}, {"party", "kramfors"}, {"amount", 100000}})})) ==
          "Ny insats i natura Professor 100\u00A0000\u00A0kr/år");
    CHECK(Sv(ws, json::array({sam::OpAdd("/slides/-", {{"kind", "costs"}})})) == "Ny bild: Kostnader per part");
}

TEST_CASE("nested things say whose they are") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string m = kMatter;
    CHECK(Sv(ws, json::array({sam::OpAdd(m + "/milestones/ny", {{"date", "2026-12-01"}, {"what", "Avtal klart"}})})) ==
          "Ny milstolpe Avtal klart (Ärende Tjänstepersonsstruktur för HälSam)");
    std::string done = Sv(ws, json::array({sam::OpReplace(m + "/milestones/m1-forslag-politisk-struktur/done", false)}));
    CHECK(done.find("Ärende Tjänstepersonsstruktur för HälSam, milstolpe ") == 0);
    INFO(done);
    CHECK(done.find(": klart Ja → Nej") != std::string::npos);
    CHECK(Sv(ws, json::array({sam::OpAdd("/bodies/administrativt-stod/members/a", {{"role", "Ordförande"}, {"party", "kramfors"}})})) ==
          "Ny ledamot Ordförande (Organ Administrativt stöd)");
    CHECK(Sv(ws, json::array({sam::OpAdd(m + "/decisions/kramfors/steps", json::array({{{"body", "SN"}, {"date", "2026-12-01"}}}))})) ==
          "Kramfors: beslutssteg ändrades (Tjänstepersonsstruktur för HälSam)");
}

TEST_CASE("a field's old and new value, formatted as the app shows them") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    CHECK(Sv(ws, json::array({sam::OpReplace("/cost_items/samverkanskoordinator/cost_per_fte", 950000)})) ==
          "Kostnadspost Samverkanskoordinator 100 %: kostnad per årsarbetare 900\u00A0000\u00A0kr → 950\u00A0000\u00A0kr");
    CHECK(Sv(ws, json::array({sam::OpReplace("/cost_items/samverkanskoordinator/fte", 0.8)})) ==
          "Kostnadspost Samverkanskoordinator 100 %: årsarbetare 1 → 0,8");
    CHECK(En(ws, json::array({sam::OpReplace("/cost_items/samverkanskoordinator/last_year", 2026)})) ==
          "Cost item Samverkanskoordinator 100 %: last year 2025 → 2026");
    CHECK(Sv(ws, json::array({sam::OpReplace("/parties/kramfors/population", 18500)})).find("Part Kramfors: invånare ") == 0);
    CHECK(Sv(ws, json::array({sam::OpReplace("/parties/kramfors/kind", "region")})) == "Part Kramfors: typ Kommun → Region");
    CHECK(Sv(ws, json::array({sam::OpReplace("/name", "HälSam 2")})) == "Namn ”" + ws.name + "” → ”HälSam 2”");
    CHECK(Sv(ws, json::array({sam::OpReplace("/costs/key/kind", "equal")})) == "Fördelningsnyckel, typ Regionandel + per invånare → Lika delar");
    CHECK(En(ws, json::array({sam::OpReplace("/costs/key/kind", "equal")})) == "Allocation key, kind Region share + per capita → Equal shares");
    CHECK(Sv(ws, json::array({sam::OpReplace("/bodies/administrativt-stod/parent", "")})) ==
          "Organ Administrativt stöd: överordnat organ " + ws.bodies.at("halsam").name + " → (tomt)");
}

TEST_CASE("a list of parties says who came and who went") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    json participants = ws.costs.participants;
    participants.erase(std::find(participants.begin(), participants.end(), "timra"));
    participants.push_back("kommunforbundet-vasternorrland");
    CHECK(Sv(ws, json::array({sam::OpReplace("/costs/participants", participants)})) == "Betalande parter + Kommunförbundet Västernorrland, − Timrå");
    CHECK(En(ws, json::array({sam::OpReplace("/costs/participants", participants)})) == "Paying parties + Kommunförbundet Västernorrland, − Timrå");
}

TEST_CASE("several changes: the first three and how many more; an entity added earlier in the same patch names itself") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    json p = json::array();
    for (const char* party : {"kramfors", "timra", "ange", "sundsvall", "harnosand"})
        p.push_back(sam::OpReplace(std::string(kMatter) + "/decisions/" + party + "/status", "adopted"));
    std::string sv = Sv(ws, p);
    CHECK(sv.find("Kramfors: Ej beslutat → Antaget") == 0);
    CHECK(sv.find("; Timrå: ") != std::string::npos);
    CHECK(sv.substr(sv.size() - std::string(" och 2 ändringar till").size()) == " och 2 ändringar till");
    CHECK(En(ws, p).find(" and 2 more changes") != std::string::npos);
    p.erase(p.begin(), p.begin() + 1);
    CHECK(Sv(ws, p).find(" och 1 ändring till") != std::string::npos);

    json q = json::array({sam::OpAdd("/cost_items/ny", {{"name", "Ny post"}, {"amount", 1000}}), sam::OpReplace("/cost_items/ny/amount", 2000)});
    CHECK(Sv(ws, q) == "Ny kostnadspost Ny post 1\u00A0000\u00A0kr/år; Kostnadspost Ny post: belopp 1\u00A0000\u00A0kr → 2\u00A0000\u00A0kr");
    CHECK(sam::DescribePatch(ws, json::array({{{"op", "test"}, {"path", "/name"}, {"value", ws.name}}}), Lang::Sv).empty());
    CHECK(Sv(ws, json::array({sam::OpReplace("", json::object())})) == "Hela arbetsytan ersattes");
}

TEST_CASE("a move and a copy say from where to where") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    json move = json::array({{{"op", "move"}, {"from", "/parties/kramfors/org_number"}, {"path", "/parties/timra/org_number"}}});
    CHECK(Sv(ws, move) == "Part Kramfors flyttades till Part Timrå");
    json copy = json::array({{{"op", "copy"}, {"from", "/cost_items/samverkanskoordinator"}, {"path", "/cost_items/kopia"}}});
    CHECK(En(ws, copy) == "Cost item Samverkanskoordinator 100 % copied to Cost item kopia");
}

TEST_CASE("malformed patches are described without throwing") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    for (const char* text : {R"(3)", R"([3])", R"([{"op":"replace","path":3}])", R"([{"op":"add","path":"/matters/x/decisions"}])",
                             R"([{"op":"remove","path":"/slides/99"}])", R"([{"op":"replace","path":"/parties/nope/name","value":"X"}])",
                             R"([{"op":"move","from":"/parties/kramfors","path":"/parties/k2"}])", R"([{"op":"add","path":"/cost_items/a~1b/~0c","value":1}])"}) {
        INFO(text);
        CHECK_NOTHROW(sam::DescribePatchLine(ws, json::parse(text), Lang::Sv));
    }
}

TEST_CASE("the stored summary keeps both languages; old rows read as they were") {
    sam::Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string stored = sam::SummaryBothLanguages(ws, json::array({sam::OpRemove("/parties/timra")}));
    CHECK(sam::SummaryIn(stored, Lang::Sv) == "Parten Timrå togs bort");
    CHECK(sam::SummaryIn(stored, Lang::En) == "Party Timrå removed");
    CHECK(sam::SummaryIn("replace /name", Lang::Sv) == "replace /name");
    CHECK(sam::SummaryIn("", Lang::En) == "");
}
