#include "format.h"

#include "number_input.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace sam {

std::string FormatInteger(int64_t v) {
    bool neg = v < 0;
    uint64_t u = neg ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    std::string digits = std::to_string(u);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += kNbsp;
        out += digits[i];
    }
    return neg ? "-" + out : out;
}

std::string FormatKr(int64_t kr) { return FormatInteger(kr) + kNbsp + "kr"; }

std::string FormatDecimal(double v, int max_decimals) {
    if (!std::isfinite(v)) return "-";
    double scale = std::pow(10.0, max_decimals);
    double r = std::round(v * scale) / scale;
    if (r == 0) r = 0;  // no "-0"
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", max_decimals, std::fabs(r));
    std::string s = buf;
    if (max_decimals > 0) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    size_t dot = s.find('.');
    std::string whole = s.substr(0, dot);
    std::string out = FormatInteger(std::stoll(whole));
    if (dot != std::string::npos) out += "," + s.substr(dot + 1);
    return (r < 0 ? "-" : "") + out;
}

std::string FormatMnkr(int64_t kr, int decimals) {
    double m = kr / 1e6;
    // At least one decimal for amounts under ten million, so "0,8 mnkr" never reads "1 mnkr".
    int d = decimals;
    if (std::fabs(m) < 1 && d < 2) d = 2;
    return FormatDecimal(m, d) + kNbsp + "mnkr";
}

std::string FormatPercent(double pct, int max_decimals) { return FormatDecimal(pct, max_decimals) + kNbsp + "%"; }

std::string FormatFte(double fte) { return FormatDecimal(fte, 2); }

std::optional<int64_t> ParseAmount(std::string_view text) {
    NumberInput n = ReadAmount(text);
    if (!n.ok) return std::nullopt;
    return (int64_t)n.value;
}

std::optional<double> ParseDecimal(std::string_view text) {
    NumberInput n = ReadNumber(text);
    return n.ok ? std::optional<double>(n.value) : std::nullopt;
}

std::optional<double> ParsePercent(std::string_view text) {
    NumberInput n = ReadPercent(text);
    return n.ok ? std::optional<double>(n.value) : std::nullopt;
}

std::string NormalizeDate(std::string_view text) {
    // 2023-2-3 -> 2023-02-03; anything else comes back as it was (IsValidDate judges it).
    std::string s(text);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    int y = 0, m = 0, d = 0, used = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == (int)s.size() && s.size() >= 8 && s[4] == '-') {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    return s;
}

bool IsValidDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](int at, int len) { int v = 0; for (int i = 0; i < len; ++i) v = v * 10 + (s[at + i] - '0'); return v; };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

int64_t DateToDays(std::string_view s) {
    return DaysFromCivil(std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
                         std::stoi(std::string(s.substr(8, 2))));
}

std::string DaysToDate(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y0 = (int64_t)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", (int)(y0 + (m <= 2)), m, d);
    return buf;
}

namespace {

// Sort weight of one code point in Swedish order: digits, a..z, å ä ö, then the rest.
uint32_t SwedishWeight(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (cp >= '0' && cp <= '9') return 100 + cp;
    if (cp >= 'a' && cp <= 'z') return 200 + (cp - 'a') * 4;
    switch (cp) {
        case 0xE9: case 0xC9: case 0xE8: case 0xC8: return 200 + ('e' - 'a') * 4 + 1;  // é è after e
        case 0xFC: case 0xDC: return 200 + ('y' - 'a') * 4 + 1;                          // ü sorts as y
        case 0xE5: case 0xC5: return 400;                                                 // å
        case 0xE4: case 0xC4: case 0xE6: case 0xC6: return 401;                           // ä æ
        case 0xF6: case 0xD6: case 0xF8: case 0xD8: return 402;                           // ö ø
        default: return cp < 128 ? cp : 1000 + cp;
    }
}

uint32_t NextCodePoint(std::string_view s, size_t& i) {
    unsigned char c = (unsigned char)s[i];
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
    i += len;
    return cp;
}

}  // namespace

int CompareSwedish(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        uint32_t wa = SwedishWeight(NextCodePoint(a, i)), wb = SwedishWeight(NextCodePoint(b, j));
        if (wa != wb) return wa < wb ? -1 : 1;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

std::string LocalDate(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string LocalDateTime(std::string_view iso) {
    std::string text(iso);
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' || !IsValidDate(text.substr(0, 10)))
        return text;
    auto num = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int hh = num(11, 2), mm = num(14, 2), ss = num(17, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return text;
    // Days since 1970 from the civil date (no timegm, no scanf: small in the web program).
    std::time_t t = (std::time_t)DateToDays(text.substr(0, 10)) * 86400 + hh * 3600 + mm * 60 + ss;
    std::tm local{};
    localtime_r(&t, &local);
    char buf[24];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}

}  // namespace sam
