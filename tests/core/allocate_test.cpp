#include <numeric>
#include "allocate.h"
#include "helpers.h"

using namespace sam;

static int64_t Sum(const Allocation& a) {
    int64_t s = 0;
    for (auto& l : a.lines) s += l.amount;
    return s;
}

static std::vector<Payer> Vasternorrland() {
    return {{"rvn", "Region Västernorrland", PartyKind::Region, 243500}, {"sundsvall", "Sundsvall", PartyKind::Municipality, 99200},
            {"ovik", "Örnsköldsvik", PartyKind::Municipality, 55900},    {"harnosand", "Härnösand", PartyKind::Municipality, 24700},
            {"solleftea", "Sollefteå", PartyKind::Municipality, 18800},  {"kramfors", "Kramfors", PartyKind::Municipality, 17900},
            {"timra", "Timrå", PartyKind::Municipality, 17900},          {"ange", "Ånge", PartyKind::Municipality, 9100}};
}

static std::vector<Payer> Municipalities() {
    auto all = Vasternorrland();
    all.erase(all.begin());
    return all;
}

TEST_CASE("per capita: whole kronor that add up to the total exactly") {
    AllocationKey key;
    key.kind = KeyKind::PerCapita;
    for (int64_t total : {3400000LL, 759000LL, 1LL, 7LL, 999999LL, 123456789LL, 0LL, -295000LL}) {
        Allocation a = Allocate(total, key, Municipalities());
        REQUIRE(a.ok);
        CHECK(Sum(a) == total);
    }
    Allocation a = Allocate(3400000, key, Municipalities());
    // Sundsvall has 99 200 of 243 500 inhabitants.
    CHECK(a.lines[0].amount == 1385134);   // 1 385 133,47 + one of the three kronor left over
    CHECK(a.lines[0].share == doctest::Approx(99200.0 / 243500.0).epsilon(1e-5));
}

TEST_CASE("largest remainder ties go to the larger population, then to the Swedish name order") {
    AllocationKey equal;
    equal.kind = KeyKind::Equal;
    std::vector<Payer> p = {{"a", "Ånge", PartyKind::Municipality, 9100}, {"b", "Arjeplog", PartyKind::Municipality, 9100},
                            {"c", "Sundsvall", PartyKind::Municipality, 99200}};
    Allocation a = Allocate(2, equal, p);   // 0.67 each: two kronor for three equal remainders
    REQUIRE(a.ok);
    CHECK(a.lines[2].amount == 1);          // Sundsvall: largest population
    CHECK(a.lines[1].amount == 1);          // Arjeplog before Ånge (å is after z)
    CHECK(a.lines[0].amount == 0);
    // Kramfors and Timrå have the same population: K before T.
    std::vector<Payer> kt = {{"t", "Timrå", PartyKind::Municipality, 17900}, {"k", "Kramfors", PartyKind::Municipality, 17900}};
    Allocation b = Allocate(1, equal, kt);
    CHECK(b.lines[1].amount == 1);
    CHECK(b.lines[0].amount == 0);
}

TEST_CASE("fixed shares must name every payer and sum to 100") {
    AllocationKey key;
    key.kind = KeyKind::Fixed;
    std::vector<Payer> p = {{"a", "A", PartyKind::Municipality, 1}, {"b", "B", PartyKind::Municipality, 1}, {"c", "C", PartyKind::Region, 1}};
    key.shares = {{"a", 50}, {"b", 30}, {"c", 20}};
    Allocation ok = Allocate(1000001, key, p);
    REQUIRE(ok.ok);
    CHECK(Sum(ok) == 1000001);
    CHECK(ok.lines[0].amount == 500001);   // 500000.5 -> the largest remainder is a's (tie on .5 vs .3/.2)
    key.shares = {{"a", 50}, {"b", 30}, {"c", 19}};
    Allocation bad = Allocate(1000, key, p);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error == "alloc.shares_sum");
    CHECK(TrF(Lang::Sv, bad.error, bad.args) == "Andelarna summerar till 99" + NB + "%, inte 100 %");
    key.shares = {{"a", 70}, {"b", 30}};
    Allocation missing = Allocate(1000, key, p);
    CHECK_FALSE(missing.ok);
    CHECK(missing.error == "alloc.share_missing");
}

TEST_CASE("region split: the region pays its percent, municipalities the rest per capita") {
    AllocationKey key;
    key.kind = KeyKind::RegionSplit;
    key.region_percent = 50;
    Allocation a = Allocate(3400000, key, Vasternorrland());
    REQUIRE(a.ok);
    CHECK(a.lines[0].amount == 1700000);
    CHECK(Sum(a) == 3400000);
    int64_t munis = 0;
    for (size_t i = 1; i < a.lines.size(); ++i) munis += a.lines[i].amount;
    CHECK(munis == 1700000);
    Allocation none = Allocate(1000, key, Municipalities());
    CHECK_FALSE(none.ok);
    CHECK(none.error == "alloc.region_count");
}

TEST_CASE("base fee plus per capita") {
    AllocationKey key;
    key.kind = KeyKind::BasePlusPerCapita;
    key.base_fee = 100000;
    Allocation a = Allocate(3400000, key, Municipalities());
    REQUIRE(a.ok);
    CHECK(Sum(a) == 3400000);
    for (auto& l : a.lines) CHECK(l.amount > 100000);
    key.base_fee = 600000;   // 7 x 600 000 > 3 400 000
    Allocation over = Allocate(3400000, key, Municipalities());
    CHECK_FALSE(over.ok);
    CHECK(over.error == "alloc.base_exceeds");
}

TEST_CASE("nobody to pay, or nobody with a population, is an error not a crash") {
    AllocationKey key;
    CHECK_FALSE(Allocate(1000, key, {}).ok);
    std::vector<Payer> assoc = {{"kf", "Kommunförbundet", PartyKind::Association, 0}};
    Allocation a = Allocate(1000, key, assoc);
    CHECK_FALSE(a.ok);
    CHECK(a.error == "alloc.no_population");
}
