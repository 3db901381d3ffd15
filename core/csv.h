// Semicolon-separated files as officials' spreadsheets write them (UTF-8, optional BOM).
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "model.h"

namespace sam {

// Splits text into rows of fields; handles "quoted; fields" and CRLF; drops a BOM.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char sep = ';');
// Quotes a field when it holds the separator, a quote or a line break.
std::string CsvField(std::string_view s, char sep = ';');

struct PartyRow {
    std::string name;
    PartyKind kind = PartyKind::Municipality;
    int64_t population = 0;
};
struct PartiesCsv {
    bool ok = false;
    std::string error;      // one line naming the row and what is wrong (English)
    std::string error_sv;   // the same in Swedish
    std::vector<PartyRow> rows;
};
// `name;kind;population` with a header line; kind is region, municipality,
// association (or the other party kinds).
PartiesCsv ParsePartiesCsv(std::string_view text);

}  // namespace sam
