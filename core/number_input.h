// Numbers as Swedish officials type them: "295 000", "0,3", "3,4 mnkr", "250 tkr",
// "1.500.000". Ambiguous input ("150.000": 150 or 150 000?) is refused with a message
// that says how to write it, never read one way in silence.
#pragma once
#include <string>
#include <string_view>
#include "i18n.h"

namespace sam {

enum class NumberProblem { None, Empty, NotNumber, AmbiguousDot, Grouping, WholeKronor };

struct NumberInput {
    bool ok = false;
    double value = 0;
    NumberProblem problem = NumberProblem::Empty;
};

// A decimal number: comma as the decimal sign; space (or dot) groups thousands in threes.
NumberInput ReadNumber(std::string_view text);
// An amount in whole kronor: the above with kr, tkr or mnkr after it.
NumberInput ReadAmount(std::string_view text);
// A percentage: the above with % after it.
NumberInput ReadPercent(std::string_view text);
// Why `typed` was refused, and how to write it, in the user's language.
std::string NumberInputMessage(Lang lang, const NumberInput& n, std::string_view typed, bool amount = false);

}  // namespace sam
