#include "csv.h"

#include <cmath>

#include "format.h"

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

std::string CsvField(std::string_view s, char sep) {
    if (s.find(sep) == std::string_view::npos && s.find('"') == std::string_view::npos &&
        s.find('\n') == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) { if (c == '"') out += '"'; out += c; }
    return out + "\"";
}

namespace {
std::string Trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}
}  // namespace

PartiesCsv ParsePartiesCsv(std::string_view text) {
    PartiesCsv out;
    auto rows = ParseCsv(text);
    auto fail = [&](size_t line, const std::string& en, const std::string& sv) {
        out.error = "line " + std::to_string(line) + ": " + en;
        out.error_sv = "rad " + std::to_string(line) + ": " + sv;
        return out;
    };
    if (rows.empty()) return fail(1, "the file is empty (expected the header name;kind;population)",
                                  "filen är tom (rubrikraden name;kind;population väntades)");
    auto& h = rows[0];
    if (h.size() < 3 || Trim(h[0]) != "name" || Trim(h[1]) != "kind" || Trim(h[2]) != "population")
        return fail(1, "the header must be name;kind;population", "rubrikraden ska vara name;kind;population");
    for (size_t i = 1; i < rows.size(); ++i) {
        auto& r = rows[i];
        size_t line = i + 1;
        if (r.size() == 1 && Trim(r[0]).empty()) continue;
        if (r.size() != 3) return fail(line, "expected 3 fields, found " + std::to_string(r.size()),
                                       "3 fält väntades, hittade " + std::to_string(r.size()));
        PartyRow p;
        p.name = Trim(r[0]);
        if (p.name.empty()) return fail(line, "the name is empty", "namnet är tomt");
        if (!FromString(Trim(r[1]), p.kind))
            return fail(line, "unknown kind \"" + Trim(r[1]) + "\" (region, municipality, association, county_board, university, other)",
                        "okänd typ \"" + Trim(r[1]) + "\" (region, municipality, association, county_board, university, other)");
        auto pop = ParseDecimal(Trim(r[2]));
        if (!pop || *pop != std::floor(*pop))
            return fail(line, "population \"" + Trim(r[2]) + "\" is not a whole number",
                        "befolkningen \"" + Trim(r[2]) + "\" är inget heltal");
        if (*pop < 0) return fail(line, "population must not be negative", "befolkningen får inte vara negativ");
        // The model's own limit; it also keeps the conversion below defined.
        if (*pop > kMaxPopulation)
            return fail(line, "population " + Trim(r[2]) + " is more than " + std::to_string(kMaxPopulation),
                        "befolkningen " + Trim(r[2]) + " är mer än " + std::to_string(kMaxPopulation));
        p.population = (int64_t)*pop;
        for (auto& q : out.rows)
            if (q.name == p.name) return fail(line, "\"" + p.name + "\" appears twice", "\"" + p.name + "\" förekommer två gånger");
        out.rows.push_back(std::move(p));
    }
    out.ok = true;
    return out;
}

}  // namespace sam
