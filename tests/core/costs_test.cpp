#include "cost_edits.h"
#include "costs.h"
#include "helpers.h"
#include "i18n.h"
#include "patch.h"

using namespace sam;

static int64_t SumParties(const Budget& b, int year) {
    int64_t t = 0;
    for (auto& id : b.parties) t += b.PartyAt(id, year);
    return t;
}

TEST_CASE("HälSam's administrative support costs exactly 3 400 000 kr a year") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    Budget b = ComputeBudget(ws);
    REQUIRE(b.first_year == 2023);
    REQUIRE(b.last_year == 2025);
    std::map<std::string, int64_t> item;
    for (auto& r : b.items) item[r.id] = b.At(r.gross, 2023);
    CHECK(item["samverkanskoordinator"] == 900000);
    CHECK(item["kommunikation-redaktor"] == 400000);
    CHECK(item["lokal-samordning"] == 2100000);     // 0,1 FTE x 3 groups x 7 municipalities x 1 000 000 kr
    for (int y = 2023; y <= 2025; ++y) {
        CHECK(b.At(b.gross, y) == 3400000);
        CHECK(SumParties(b, y) == 3400000);
    }
    CHECK(b.PartyAt("region-vasternorrland", 2023) == 1700000);   // region split 50 %
    CHECK(b.Total(b.net) == 3 * 3400000);
    CHECK(b.At(b.per_level["support"], 2023) == 1300000);
    CHECK(b.At(b.per_level["local"], 2023) == 2100000);
    CHECK(b.At(b.per_body["administrativt-stod"], 2023) == 1300000);
    for (auto& r : b.items)
        if (r.id == "lokal-samordning") CHECK(r.quantity_text == "3 grupper per kommun × 7 kommuner");
}

TEST_CASE("Familjehem: when Sundsvall and Timrå decline, what does Kramfors pay?") {
    Workspace ws = LoadDemo("familjehem-vasternorrland");
    Budget base = ComputeBudget(ws);
    const Scenario& without = ws.scenarios.at("utan-sundsvall-timra");
    Budget sb = ComputeBudget(ws, &without);
    for (int y = base.first_year; y <= base.last_year; ++y) {
        CHECK(SumParties(base, y) == base.At(base.net, y));
        CHECK(SumParties(sb, y) == sb.At(sb.net, y));
        CHECK(base.At(base.net, y) == sb.At(sb.net, y));   // same unit, fewer payers
    }
    // 2018: 4 x 750 000 + 950 000 + 250 000 = 4 200 000 kr.
    CHECK(base.At(base.net, 2018) == 4200000);
    Comparison c = Compare(ws, base, sb, 2018);
    const PartyDelta* kramfors = nullptr;
    const PartyDelta* sundsvall = nullptr;
    for (auto& r : c.rows) {
        if (r.party == "kramfors") kramfors = &r;
        if (r.party == "sundsvall") sundsvall = &r;
    }
    REQUIRE(kramfors);
    REQUIRE(sundsvall);
    // Kramfors has 17 900 of 243 500 inhabitants in the base and of 126 400 without Sundsvall and Timrå.
    CHECK(kramfors->base == 308748);
    CHECK(kramfors->scenario == 594778);
    CHECK(kramfors->diff == 594778 - 308748);
    CHECK(kramfors->diff_percent == doctest::Approx(92.64).epsilon(0.001));
    CHECK(sundsvall->in_base);
    CHECK_FALSE(sundsvall->in_scenario);
    CHECK(sundsvall->scenario == 0);
    CHECK(c.base_total == c.scenario_total);
    // A smaller unit: three secretaries instead of four.
    Budget smaller = ComputeBudget(ws, &ws.scenarios.at("anpassad-enhet"));
    CHECK(smaller.At(smaller.net, 2018) == 3450000);
    CHECK(SumParties(smaller, 2018) == 3450000);
}

TEST_CASE("index, funding and year ranges") {
    Workspace ws = LoadDemo("familjehem-vasternorrland");
    Budget b = ComputeBudget(ws);
    // The secretaries rise 2,5 % a year: 3 000 000, 3 075 000, 3 151 875.
    for (auto& r : b.items)
        if (r.id == "familjehemssekreterare") {
            CHECK(b.At(r.gross, 2018) == 3000000);
            CHECK(b.At(r.gross, 2019) == 3075000);
            CHECK(b.At(r.gross, 2020) == 3151875);
        }
    PatchResult p = ApplyPatch(ws, json::array({OpAdd("/funding/statsbidrag", json{{"name", "Statsbidrag"}, {"amount", 500000},
                                                                                    {"first_year", 2019}, {"last_year", 2019}, {"cost_item", "enhetschef"}}),
                                                 OpAdd("/funding/lansstyrelsen", json{{"name", "Länsstyrelsen"}, {"amount", 100001},
                                                                                       {"first_year", 2018}, {"last_year", 2018}})}));
    REQUIRE(p.ok);
    Budget f = ComputeBudget(ws);
    CHECK(f.At(f.funding, 2019) == 500000);
    CHECK(f.At(f.net, 2019) == f.At(f.gross, 2019) - 500000);
    CHECK(f.At(f.net, 2018) == 4200000 - 100001);
    for (int y = 2018; y <= 2020; ++y) CHECK(SumParties(f, y) == f.At(f.net, y));
}

TEST_CASE("Norrbotten: 759 000 kr shared per capita by the 14 municipalities") {
    Workspace ws = LoadDemo("norrbotten");
    Budget b = ComputeBudget(ws);
    CHECK(b.parties.size() == 14);
    CHECK(SumParties(b, 2023) == 759000);
    CHECK(b.parties.front() == "arjeplog");
    CHECK(b.parties.back() == "overtornea");   // Swedish order: Ö last
    CHECK(b.PartyAt("lulea", 2023) > b.PartyAt("pitea", 2023));
}

TEST_CASE("a failed allocation is reported, never a crash") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    PatchResult p = ApplyPatch(ws, json::array({OpReplace("/costs/key", json{{"kind", "fixed"}, {"shares", {{"sundsvall", 60}, {"kramfors", 30}}}})}));
    REQUIRE(p.ok);
    Budget b = ComputeBudget(ws);
    REQUIRE_FALSE(b.problems.empty());
    CHECK(b.problems[0].code == "alloc.share_missing");
    CHECK(b.problems[0].path.rfind("/cost_items/", 0) == 0);
}

TEST_CASE("cost edits: a new item costs nothing until it is filled in") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    Budget before = ComputeBudget(ws);
    std::string id;
    REQUIRE(ApplyPatch(ws, NewCostItemPatch(ws, "Ny kostnadspost", 2024, &id)).ok);
    CHECK(ws.cost_items.at(id).amount == 0);
    CHECK(ws.cost_items.at(id).first_year == 2024);
    CHECK(ComputeBudget(ws).net == before.net);
}

TEST_CASE("cost edits: fixed amount and FTE × cost switch at the same cost") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    Budget before = ComputeBudget(ws);
    for (auto& [id, item] : ws.cost_items) {
        Workspace w = ws;
        REQUIRE(ApplyPatch(w, SwitchCostKindPatch(id, w.cost_items.at(id))).ok);
        CHECK(w.cost_items.at(id).amount.has_value() != item.amount.has_value());
        Budget switched = ComputeBudget(w);
        for (size_t y = 0; y < before.net.size(); ++y) CHECK(std::llabs(switched.net[y] - before.net[y]) <= 2);
        REQUIRE(ApplyPatch(w, SwitchCostKindPatch(id, w.cost_items.at(id))).ok);   // and back
        CHECK(w.cost_items.at(id).amount.has_value() == item.amount.has_value());
    }
}

TEST_CASE("cost edits: years typed left to right") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    std::string id = ws.cost_items.begin()->first;
    ws.cost_items.at(id).first_year = ws.cost_items.at(id).last_year = 2023;
    std::string moved;
    REQUIRE(ApplyPatch(ws, SetYearPatch(id, ws.cost_items.at(id), true, 2024, &moved)).ok);   // "från" 2024 first
    CHECK(moved == "last_year");
    CHECK(ws.cost_items.at(id).first_year == 2024);
    CHECK(ws.cost_items.at(id).last_year == 2024);
    moved.clear();
    REQUIRE(ApplyPatch(ws, SetYearPatch(id, ws.cost_items.at(id), false, 2026, &moved)).ok);  // then "till" 2026
    CHECK(moved.empty());
    CHECK(ws.cost_items.at(id).last_year == 2026);
    REQUIRE(ApplyPatch(ws, SetYearPatch(id, ws.cost_items.at(id), false, 2020, &moved)).ok);
    CHECK(moved == "first_year");
    CHECK(ws.cost_items.at(id).first_year == 2020);
}

TEST_CASE("the year the cost views show: chosen, this year, or the nearest one, said so") {
    Budget b = ComputeBudget(LoadDemo("halsam-vasternorrland"));   // 2023–2025
    REQUIRE(b.first_year == 2023);
    REQUIRE(b.last_year == 2025);
    CHECK(YearToShow(b, 2024, "2026-12-01").year == 2024);          // chosen
    ShownYear now = YearToShow(b, 0, "2024-05-01");
    CHECK(now.year == 2024);
    CHECK(now.note.empty());
    ShownYear after = YearToShow(b, 0, "2026-12-01");               // after the budget: its last year, and a note
    CHECK(after.year == 2025);
    CHECK(TrF(Lang::Sv, after.note, after.args) == "Budgeten gäller 2023–2025; 2026 har inga kostnader. Visar 2025.");
    CHECK(YearToShow(b, 0, "2020-01-01").year == 2023);
}
