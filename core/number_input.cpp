#include "number_input.h"

#include <cmath>
#include <cstdlib>
#include <vector>

namespace sam {

namespace {

// Lower-cased ASCII; every kind of space (no-break, narrow, thin) as ' ', runs as one;
// the minus sign U+2212 as '-'. Outer spaces dropped.
std::string Normalize(std::string_view text) {
    std::string s;
    auto space = [&] { if (!s.empty() && s.back() != ' ') s += ' '; };
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = (unsigned char)text[i];
        auto next = [&](size_t k) { return i + k < text.size() ? (unsigned char)text[i + k] : 0; };
        if (c == ' ' || c == '\t') { space(); continue; }
        if (c == 0xC2 && next(1) == 0xA0) { space(); ++i; continue; }
        if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xAF || next(2) == 0x89)) { space(); i += 2; continue; }
        if (c == 0xE2 && next(1) == 0x88 && next(2) == 0x92) { s += '-'; i += 2; continue; }
        s += (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (char)c;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

bool StripSuffix(std::string& s, std::string_view suffix) {
    if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    s.resize(s.size() - suffix.size());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return true;
}

NumberInput Fail(NumberProblem p) {
    NumberInput n;
    n.problem = p;
    return n;
}

// Digits grouped by `sep` in threes after a first group of one to three: "1 500 000".
bool Grouped(const std::string& s, char sep, std::string& digits) {
    std::vector<std::string> groups(1);
    for (char c : s) {
        if (c == sep) groups.emplace_back();
        else if (c >= '0' && c <= '9') groups.back() += c;
        else return false;
    }
    digits.clear();
    for (auto& g : groups) digits += g;
    if (groups.size() == 1) return !digits.empty();
    if (groups[0].empty() || groups[0].size() > 3) return false;
    for (size_t i = 1; i < groups.size(); ++i) if (groups[i].size() != 3) return false;
    return true;
}

bool AllDigits(const std::string& s) {
    for (char c : s) if (c < '0' || c > '9') return false;
    return true;
}

// The number part, after any unit: sign, whole part, decimals.
NumberInput ReadPlain(std::string s) {
    if (s.empty()) return Fail(NumberProblem::Empty);
    bool negative = s[0] == '-';
    if (negative || s[0] == '+') s.erase(0, 1);
    while (!s.empty() && s[0] == ' ') s.erase(0, 1);
    if (s.empty()) return Fail(NumberProblem::NotNumber);
    for (char c : s)
        if (!(c >= '0' && c <= '9') && c != ' ' && c != ',' && c != '.') return Fail(NumberProblem::NotNumber);
    size_t commas = 0, dots = 0;
    for (char c : s) { commas += c == ','; dots += c == '.'; }
    std::string whole = s, fraction;
    char group = ' ';
    if (commas > 1) return Fail(NumberProblem::NotNumber);
    if (commas == 1) {                                   // 1 234,5  or 1.234,5
        size_t at = s.find(',');
        whole = s.substr(0, at);
        fraction = s.substr(at + 1);
        if (dots) group = '.';
    } else if (dots == 1) {
        size_t at = s.find('.');
        std::string before = s.substr(0, at), after = s.substr(at + 1);
        bool zero = before == "0" || before.empty();
        if (after.size() == 3 && !zero && AllDigits(after)) return Fail(NumberProblem::AmbiguousDot);
        whole = before;                                   // 0.3, 1.5: a decimal point
        fraction = after;
    } else if (dots > 1) {
        group = '.';                                      // 1.500.000
    }
    if (group == '.' && whole.find(' ') != std::string::npos) return Fail(NumberProblem::Grouping);
    if (!AllDigits(fraction)) return Fail(NumberProblem::NotNumber);
    std::string digits;
    if (whole.empty() && !fraction.empty()) digits = "0";
    else if (!Grouped(whole, group, digits)) return Fail(NumberProblem::Grouping);
    NumberInput n;
    n.ok = true;
    n.problem = NumberProblem::None;
    n.value = std::strtod((digits + "." + (fraction.empty() ? "0" : fraction)).c_str(), nullptr);
    if (negative) n.value = -n.value;
    return n;
}

}  // namespace

NumberInput ReadNumber(std::string_view text) { return ReadPlain(Normalize(text)); }

NumberInput ReadPercent(std::string_view text) {
    std::string s = Normalize(text);
    StripSuffix(s, "%");
    return ReadPlain(s);
}

NumberInput ReadAmount(std::string_view text) {
    std::string s = Normalize(text);
    double scale = 1;
    if (StripSuffix(s, "mnkr") || StripSuffix(s, "mkr") || StripSuffix(s, "msek") || StripSuffix(s, "miljoner")) scale = 1e6;
    else if (StripSuffix(s, "tkr")) scale = 1e3;
    else if (StripSuffix(s, "kronor") || StripSuffix(s, "kr") || StripSuffix(s, "sek") || StripSuffix(s, ":-")) scale = 1;
    NumberInput n = ReadPlain(s);
    if (!n.ok) return n;
    n.value *= scale;
    if (std::fabs(n.value) > 9e15) return Fail(NumberProblem::NotNumber);
    // Öre are not kept: an amount that is not whole kronor is refused, not rounded in silence.
    double whole = std::round(n.value);
    if (std::fabs(n.value - whole) > 0.005) return Fail(NumberProblem::WholeKronor);
    n.value = whole;
    return n;
}

std::string NumberInputMessage(Lang lang, const NumberInput& n, std::string_view typed, bool amount) {
    std::vector<std::string> args = {std::string(typed)};
    switch (n.problem) {
        case NumberProblem::None: return "";
        case NumberProblem::Empty: return std::string(Tr(lang, amount ? "num.empty_amount" : "num.empty"));
        case NumberProblem::NotNumber: return TrF(lang, amount ? "num.not_amount" : "num.not_number", args);
        case NumberProblem::AmbiguousDot: return TrF(lang, "num.ambiguous_dot", args);
        case NumberProblem::Grouping: return TrF(lang, "num.grouping", args);
        case NumberProblem::WholeKronor: return TrF(lang, "num.whole_kronor", args);
    }
    return "";
}

}  // namespace sam
