#include "csv.h"

#include <algorithm>
#include <cmath>

#include "format.h"
#include "i18n.h"
#include "number_input.h"
#include "utf8.h"

namespace sam {

std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char sep) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
            continue;
        }
        if (c == '"') { quoted = true; any = true; }
        else if (c == sep) { row.push_back(std::move(field)); field.clear(); any = true; }
        else if (c == '\r') continue;
        else if (c == '\n') {
            if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
            row.clear(); field.clear(); any = false;
        } else { field += c; any = true; }
    }
    if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
    return rows;
}

namespace {

// "-2", "12,5", "-0.75": a number, which Excel shows as one (and may keep its minus sign).
bool PlainNumber(std::string_view s) {
    size_t i = s.size() && s[0] == '-' ? 1 : 0, digits = 0, seps = 0;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') ++digits;
        else if ((s[i] == ',' || s[i] == '.') && !seps && digits) ++seps;
        else return false;
    }
    return digits > 0 && s.back() != ',' && s.back() != '.';
}

}  // namespace

std::string CsvField(std::string_view s, char sep) {
    // A cell that starts like a formula is shown as text (OWASP's CSV injection advice):
    // a name such as "=HYPERLINK(…)" or "@SUM(1)" must never run in the reader's Excel.
    std::string text;
    if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !PlainNumber(s)) text = "'";
    text.append(s);
    if (text.find(sep) == std::string::npos && text.find('"') == std::string::npos &&
        text.find('\n') == std::string::npos && text.find('\r') == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) { if (c == '"') out += '"'; out += c; }
    return out + "\"";
}

namespace {

std::string Trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::string Lower(std::string s) {
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (s.find("\xC3\x85") != std::string::npos || s.find("\xC3\x84") != std::string::npos || s.find("\xC3\x96") != std::string::npos) {
        for (size_t i = 0; i + 1 < s.size(); ++i)   // Å Ä Ö -> å ä ö
            if (s[i] == '\xC3' && (s[i + 1] == '\x85' || s[i + 1] == '\x84' || s[i + 1] == '\x96')) s[i + 1] = (char)(s[i + 1] + 0x20);
    }
    return s;
}

// Windows-1252's 0x80–0x9F (what Swedish Excel saves "CSV" in); 0 where it has no character.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += (char)cp;
    else if (cp < 0x800) { out += (char)(0xC0 | (cp >> 6)); out += (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += (char)(0xE0 | (cp >> 12)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
    else { out += (char)(0xF0 | (cp >> 18)); out += (char)(0x80 | ((cp >> 12) & 0x3F)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
}

// A party kind as a code ("municipality") or as either language names it ("Kommun").
bool KindFromText(const std::string& text, PartyKind& kind) {
    if (FromString(text, kind)) return true;
    for (PartyKind k : AllValues<PartyKind>())
        for (Lang l : {Lang::Sv, Lang::En})
            if (Lower(std::string(TrEnum(l, "party_kind", ToString(k)))) == Lower(text)) { kind = k; return true; }
    return false;
}

std::string KindList(Lang l) {
    std::string out;
    for (PartyKind k : AllValues<PartyKind>()) out += (out.empty() ? "" : ", ") + std::string(TrEnum(l, "party_kind", ToString(k)));
    return out;
}

// The column of a header named in either language (or the code); -1 when missing.
int Column(const std::vector<std::string>& header, const char* code, const char* key) {
    for (size_t i = 0; i < header.size(); ++i) {
        std::string h = Lower(Trim(header[i]));
        if (h == code || h == Lower(std::string(Tr(Lang::Sv, key))) || h == Lower(std::string(Tr(Lang::En, key)))) return (int)i;
    }
    return -1;
}

// A name written out as text by CsvField ("'=SUMMA") reads back as it was.
std::string Unneutralise(std::string s) {
    if (s.size() >= 2 && s[0] == '\'' && std::string_view("=+-@\t\r").find(s[1]) != std::string_view::npos) s.erase(0, 1);
    return s;
}

}  // namespace

TextFile DecodeText(std::string_view bytes) {
    TextFile f;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") { f.text = bytes.substr(3); f.encoding = "UTF-8"; return f; }
    if (bytes.substr(0, 2) == "\xFF\xFE") {   // Excel's "Unicode text": UTF-16 LE
        f.encoding = "UTF-16";
        for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
            uint32_t u = (unsigned char)bytes[i] | ((unsigned char)bytes[i + 1] << 8);
            if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
                uint32_t lo = (unsigned char)bytes[i + 2] | ((unsigned char)bytes[i + 3] << 8);
                if (lo >= 0xDC00 && lo <= 0xDFFF) { u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00); i += 2; }
                else u = 0xFFFD;
            } else if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
            AppendUtf8(f.text, u);
        }
        return f;
    }
    if (ValidUtf8(bytes)) { f.text = bytes; f.encoding = "UTF-8"; return f; }
    f.encoding = "Windows-1252";
    for (unsigned char c : bytes) {
        uint32_t cp = c < 0x80 || c >= 0xA0 ? c : kCp1252High[c - 0x80];
        if (!cp) { f.ok = false; f.text.clear(); return f; }
        AppendUtf8(f.text, cp);
    }
    return f;
}

PartiesCsv ParsePartiesCsv(std::string_view bytes) {
    PartiesCsv out;
    auto fail = [&](size_t line, const std::string& en, const std::string& sv) {
        out.error = "line " + std::to_string(line) + ": " + en;
        out.error_sv = "rad " + std::to_string(line) + ": " + sv;
        return out;
    };
    TextFile file = DecodeText(bytes);
    if (!file.ok) return fail(1, "the file is neither UTF-8 nor Windows-1252 text", "filen är varken UTF-8- eller Windows-1252-text");
    out.encoding = file.encoding;
    std::string_view text = file.text;
    // The separator of the header line: semicolon (Swedish Excel), comma or tab.
    std::string_view first = text.substr(0, text.find('\n'));
    char sep = first.find(';') != std::string_view::npos ? ';' : first.find('\t') != std::string_view::npos ? '\t' : ',';
    auto rows = ParseCsv(text, sep);
    const std::string want_en = "name;kind;population (or Namn;Typ;Invånare, as the app exports it)";
    const std::string want_sv = "Namn;Typ;Invånare (eller name;kind;population)";
    if (rows.empty()) return fail(1, "the file is empty (expected the header " + want_en + ")", "filen är tom (rubrikraden " + want_sv + " väntades)");
    auto& h = rows[0];
    int name_col = Column(h, "name", "ui.name"), kind_col = Column(h, "kind", "ui.kind"), pop_col = Column(h, "population", "ui.population");
    if (name_col < 0 || kind_col < 0 || pop_col < 0)
        return fail(1, "the header must name the columns " + want_en, "rubrikraden ska namnge kolumnerna " + want_sv);
    size_t needed = (size_t)std::max({name_col, kind_col, pop_col}) + 1;
    for (size_t i = 1; i < rows.size(); ++i) {
        auto& r = rows[i];
        size_t line = i + 1;
        if (r.size() == 1 && Trim(r[0]).empty()) continue;
        if (r.size() < needed) return fail(line, "expected " + std::to_string(needed) + " fields, found " + std::to_string(r.size()),
                                           std::to_string(needed) + " fält väntades, hittade " + std::to_string(r.size()));
        PartyRow p;
        p.name = Unneutralise(Trim(r[name_col]));
        std::string kind = Trim(r[kind_col]), pop_text = Trim(r[pop_col]);
        if (p.name.empty()) return fail(line, "the name is empty", "namnet är tomt");
        if (!KindFromText(kind, p.kind))
            return fail(line, "unknown kind \"" + kind + "\" (" + KindList(Lang::En) + ")",
                        "okänd typ \"" + kind + "\" (" + KindList(Lang::Sv) + ")");
        NumberInput pop = ReadNumber(pop_text);
        if (!pop.ok || pop.value != std::floor(pop.value))
            return fail(line, "population \"" + pop_text + "\" is not a whole number", "invånarantalet \"" + pop_text + "\" är inget heltal");
        if (pop.value < 0) return fail(line, "population must not be negative", "invånarantalet får inte vara negativt");
        // The model's own limit; it also keeps the conversion below defined.
        if (pop.value > kMaxPopulation)
            return fail(line, "population " + pop_text + " is more than " + std::to_string(kMaxPopulation),
                        "invånarantalet " + pop_text + " är mer än " + std::to_string(kMaxPopulation));
        p.population = (int64_t)pop.value;
        for (auto& q : out.rows)
            if (q.name == p.name) return fail(line, "\"" + p.name + "\" appears twice", "\"" + p.name + "\" förekommer två gånger");
        out.rows.push_back(std::move(p));
    }
    out.ok = true;
    return out;
}

}  // namespace sam
