#include "doc.h"

namespace sam {

namespace {

// Dark text on white with 4.5:1 contrast or more everywhere; print drops the page chrome.
const char* kHtmlStyle =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24;background:#fff}"
    ".wide{overflow-x:auto}.wide:focus{outline:2px solid #1d4f91}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    "th,td{border:1px solid #6b747d;padding:.3rem .5rem;vertical-align:top;text-align:left}thead th{background:#e8edf2}"
    ".num{text-align:right;white-space:nowrap}.nw{white-space:nowrap}"
    "@media print{body{margin:0;max-width:none;font-size:10pt}.wide{overflow:visible}table{page-break-inside:auto}"
    "tr{page-break-inside:avoid}h2{page-break-after:avoid}thead{display:table-header-group}}";

// A CSS string's content: no quote, backslash or "<" (this goes inside a <style> element).
std::string CssString(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (c == '<') out += "\\3C ";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// How many bytes from `i` make a date or an amount worth keeping whole; 0 for none.
size_t WholeToken(std::string_view s, size_t i) {
    if (i > 0 && (Digit(s[i - 1]) || Letter((unsigned char)s[i - 1]))) return 0;
    auto digits = [&](size_t at, size_t n) {
        for (size_t k = 0; k < n; ++k) if (at + k >= s.size() || !Digit(s[at + k])) return false;
        return true;
    };
    if (digits(i, 4) && i + 10 <= s.size() && s[i + 4] == '-' && digits(i + 5, 2) && s[i + 7] == '-' && digits(i + 8, 2) &&
        (i + 10 == s.size() || !Digit(s[i + 10])))
        return 10;
    size_t j = i;
    if (s.compare(j, 3, "\xE2\x88\x92") == 0) j += 3;   // the minus sign
    else if (s[j] == '-') ++j;
    if (j >= s.size() || !Digit(s[j])) return 0;
    while (j < s.size() && Digit(s[j])) ++j;
    bool joined = false;
    for (;;) {   // groups of three after a (non-breaking) space
        size_t sep = s.compare(j, 2, "\xC2\xA0") == 0 ? 2 : (j < s.size() && s[j] == ' ' ? 1 : 0);
        if (sep && digits(j + sep, 3) && (j + sep + 3 == s.size() || !Digit(s[j + sep + 3]))) { j += sep + 3; joined = true; }
        else break;
    }
    if (j + 1 < s.size() && s[j] == ',' && Digit(s[j + 1])) { ++j; while (j < s.size() && Digit(s[j])) ++j; }
    size_t sep = s.compare(j, 2, "\xC2\xA0") == 0 ? 2 : (j < s.size() && s[j] == ' ' ? 1 : 0);
    for (std::string_view unit : {"mnkr", "kr", "%", "åa"}) {
        size_t end = j + sep + unit.size();
        if (sep && s.compare(j + sep, unit.size(), unit) == 0 && (end == s.size() || !Letter((unsigned char)s[end]))) return end - i;
    }
    return joined ? j - i : 0;
}

}  // namespace

std::string Doc::HtmlText(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t n = WholeToken(s, i);
        if (n) {
            out += "<span class=\"nw\">" + Html(s.substr(i, n)) + "</span>";
            i += n;
        } else {
            out += Html(s.substr(i, 1));
            ++i;
        }
    }
    return out;
}

std::string HtmlBegin(std::string_view lang, std::string_view title, std::string_view header) {
    // Printed: A4 with the running header at the top left and the page number at the foot.
    bool sv = lang == "sv";
    std::string page = std::string("@page{size:A4;margin:20mm 16mm 18mm;") +
                       "@bottom-right{content:\"" + (sv ? "Sida " : "Page ") + "\" counter(page) \"" + (sv ? " av " : " of ") +
                       "\" counter(pages);font:8pt 'DejaVu Sans',Arial,sans-serif;color:#333}" +
                       (header.empty() ? "" : "@top-left{content:\"" + CssString(header) + "\";font:8pt 'DejaVu Sans',Arial,sans-serif;color:#333}") + "}";
    return "<!DOCTYPE html>\n<html lang=\"" + std::string(lang) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
           Doc::Html(title) + "</title>\n<style>" + kHtmlStyle + page + "</style>\n</head>\n<body>\n<main>\n";
}

std::string HtmlEnd() { return "</main>\n</body>\n</html>\n"; }

}  // namespace sam
