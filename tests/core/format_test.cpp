#include "format.h"
#include "helpers.h"

using namespace sam;

TEST_CASE("amounts in Swedish format") {
    CHECK(FormatKr(295000) == "295" + NB + "000" + NB + "kr");
    CHECK(FormatKr(3400000) == "3" + NB + "400" + NB + "000" + NB + "kr");
    CHECK(FormatKr(0) == "0" + NB + "kr");
    CHECK(FormatKr(-1500) == "-1" + NB + "500" + NB + "kr");
    CHECK(FormatMnkr(3400000) == "3,4" + NB + "mnkr");
    CHECK(FormatMnkr(2100000) == "2,1" + NB + "mnkr");
    CHECK(FormatMnkr(759000) == "0,76" + NB + "mnkr");
    CHECK(FormatMnkr(12000000) == "12" + NB + "mnkr");
    CHECK(FormatPercent(30) == "30" + NB + "%");
    CHECK(FormatPercent(12.5) == "12,5" + NB + "%");
    CHECK(FormatDecimal(0.3, 2) == "0,3");
    CHECK(FormatDecimal(1234.5, 1) == "1" + NB + "234,5");
    CHECK(FormatDecimal(-0.0001, 2) == "0");
}

TEST_CASE("parsing amounts the way officials type them") {
    CHECK(ParseAmount("295 000 kr") == 295000);
    CHECK(ParseAmount("295" + NB + "000" + NB + "kr") == 295000);
    CHECK(ParseAmount("295000") == 295000);
    CHECK(ParseAmount("3,4 mnkr") == 3400000);
    CHECK(ParseAmount("3.4 mnkr") == 3400000);
    CHECK(ParseAmount("250 tkr") == 250000);
    CHECK_FALSE(ParseAmount("1 234,50 kr").has_value());   // öre are refused, not rounded
    CHECK_FALSE(ParseAmount("").has_value());
    CHECK_FALSE(ParseAmount("kr").has_value());
    CHECK_FALSE(ParseAmount("tre miljoner").has_value());
    CHECK_FALSE(ParseAmount("1,2,3").has_value());
    CHECK(ParsePercent("30 %") == 30.0);
    CHECK(ParsePercent("12,5%") == 12.5);
    CHECK(ParseDecimal("0,3") == 0.3);
}

TEST_CASE("dates are real calendar dates written YYYY-MM-DD") {
    CHECK(IsValidDate("2022-02-04"));
    CHECK(IsValidDate("2024-02-29"));
    CHECK_FALSE(IsValidDate("2023-02-29"));
    CHECK_FALSE(IsValidDate("2022-13-01"));
    CHECK_FALSE(IsValidDate("20220204"));
    CHECK_FALSE(IsValidDate("4/2 2022"));
    CHECK(DateToDays("1970-01-01") == 0);
    CHECK(DaysToDate(DateToDays("2022-12-09")) == "2022-12-09");
    CHECK(DateToDays("2022-12-09") - DateToDays("2022-10-31") == 39);
}

TEST_CASE("Swedish alphabetical order puts å ä ö after z") {
    CHECK(CompareSwedish("Arjeplog", "Ånge") < 0);
    CHECK(CompareSwedish("Zinkgruvan", "Ånge") < 0);
    CHECK(CompareSwedish("Ånge", "Älvsbyn") < 0);
    CHECK(CompareSwedish("Älvsbyn", "Överkalix") < 0);
    CHECK(CompareSwedish("Överkalix", "Övertorneå") < 0);
    CHECK(CompareSwedish("kramfors", "Kramfors") != 0);     // case only breaks ties
    CHECK(CompareSwedish("Kramfors", "Timrå") < 0);
}
