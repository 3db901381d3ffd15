// Numbers as Swedish users type them; ambiguous input is refused with a message, never misread.
#include "helpers.h"
#include "format.h"
#include "number_input.h"

using namespace sam;

TEST_CASE("number input: Swedish grouping and decimal comma") {
    CHECK(ReadNumber("0,3").value == doctest::Approx(0.3));
    CHECK(ReadNumber("1 234,5").value == doctest::Approx(1234.5));
    CHECK(ReadNumber("1" + NB + "234" + NB + "567").value == 1234567);
    CHECK(ReadNumber("1.500.000").value == 1500000);
    CHECK(ReadNumber("1.234,5").value == doctest::Approx(1234.5));
    CHECK(ReadNumber("0.3").value == doctest::Approx(0.3));   // a decimal point that cannot be grouping
    CHECK(ReadNumber("0.500").value == doctest::Approx(0.5));
    CHECK(ReadNumber("−5").value == -5);                      // U+2212
    CHECK(ReadNumber(",5").value == doctest::Approx(0.5));
}

TEST_CASE("number input: ambiguous or malformed input is refused, with the reason") {
    NumberInput n = ReadAmount("150.000");
    CHECK_FALSE(n.ok);
    CHECK(n.problem == NumberProblem::AmbiguousDot);
    CHECK(NumberInputMessage(Lang::Sv, n, "150.000", true).find("150 000") != std::string::npos);
    CHECK(ReadNumber("1.5").ok);
    CHECK(ReadNumber("15 0000").problem == NumberProblem::Grouping);
    CHECK(ReadNumber("1 500.000,5").problem == NumberProblem::Grouping);
    CHECK(ReadNumber("1,2,3").problem == NumberProblem::NotNumber);
    CHECK(ReadNumber("en halv").problem == NumberProblem::NotNumber);
    CHECK(ReadNumber("").problem == NumberProblem::Empty);
    CHECK(ReadNumber("-").problem == NumberProblem::NotNumber);
    CHECK(NumberInputMessage(Lang::En, ReadNumber("x"), "x").find("not a number") != std::string::npos);
}

TEST_CASE("number input: amounts in kr, tkr and mnkr, whole kronor only") {
    CHECK(ReadAmount("295 000 kr").value == 295000);
    CHECK(ReadAmount("150 000").value == 150000);
    CHECK(ReadAmount("3,4 mnkr").value == 3400000);
    CHECK(ReadAmount("3,4 MNKR").value == 3400000);
    CHECK(ReadAmount("250 tkr").value == 250000);
    CHECK(ReadAmount("1.500.000 kr").value == 1500000);
    CHECK(ReadAmount("12,5").problem == NumberProblem::WholeKronor);
    CHECK(ReadAmount("3,4567891 mnkr").problem == NumberProblem::WholeKronor);
    CHECK(ReadAmount("150.000 kr").problem == NumberProblem::AmbiguousDot);
    CHECK(ReadPercent("12,5 %").value == doctest::Approx(12.5));
}

TEST_CASE("dates: written without leading zeros are completed") {
    CHECK(NormalizeDate("2023-2-3") == "2023-02-03");
    CHECK(NormalizeDate(" 2023-02-03 ") == "2023-02-03");
    CHECK(NormalizeDate("3/2 2023") == "3/2 2023");
    CHECK_FALSE(IsValidDate(NormalizeDate("2023-2-30")));
}
