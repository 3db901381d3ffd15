// Swedish number, amount and date formatting and parsing.
// Thousands are separated by a non-breaking space (U+00A0); decimals by a comma.
#pragma once
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace sam {

inline constexpr const char* kNbsp = "\xC2\xA0";

std::string FormatInteger(int64_t v);                 // 295 000
std::string FormatKr(int64_t kr);                     // 295 000 kr
std::string FormatMnkr(int64_t kr, int decimals = 1); // 3,4 mnkr (rounded; trailing zeros dropped past one)
std::string FormatDecimal(double v, int max_decimals);// 0,3   12,25   (trailing zeros dropped)
std::string FormatPercent(double pct, int max_decimals = 1);  // 30 %   12,5 %
std::string FormatFte(double fte);                    // 0,3 åa -> "0,3"

// Accepts "295 000 kr", "295000", "295 000", "3,4 mnkr", "3.4 mnkr", "250 tkr" (number_input.h
// has the rules and the messages). Nothing when the text is not a whole-kronor amount.
std::optional<int64_t> ParseAmount(std::string_view text);
// Accepts "0,3", "0.3", "1 234,5". Nothing when not a number.
std::optional<double> ParseDecimal(std::string_view text);
// Accepts "30 %", "30%", "12,5". Nothing when not a number.
std::optional<double> ParsePercent(std::string_view text);

// "2023-2-3" -> "2023-02-03"; other text unchanged.
std::string NormalizeDate(std::string_view text);
// A real calendar date written YYYY-MM-DD.
bool IsValidDate(std::string_view s);
// Days since 1970-01-01 of a valid date (for durations and timelines).
int64_t DaysFromCivil(int y, int m, int d);
int64_t DateToDays(std::string_view s);   // s must be valid
std::string DaysToDate(int64_t days);
// The local calendar date of a moment, YYYY-MM-DD (thread-safe: the server calls it per request).
std::string LocalDate(std::time_t t);
// A server's UTC time ("2026-12-02T03:40:14Z") as the reader's local "2026-12-02 04:40"; the
// text itself when it is no such time.
std::string LocalDateTime(std::string_view iso_utc);

// Swedish alphabetical order: a..z then å ä ö, case-insensitive; <0, 0, >0.
int CompareSwedish(std::string_view a, std::string_view b);

}  // namespace sam
