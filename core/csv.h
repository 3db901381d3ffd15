// Semicolon-separated files as officials' spreadsheets write them (UTF-8, optional BOM).
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "model.h"

namespace sam {

// Splits text into rows of fields; handles "quoted; fields" and CRLF; drops a BOM.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char sep = ';');
// Quotes a field when it holds the separator, a quote or a line break (CR too). Text that
// starts with = + - @ tab or CR (and is not a plain number) gets a leading ' so that a
// spreadsheet shows it as text instead of running it as a formula.
std::string CsvField(std::string_view s, char sep = ';');

// A text file from a spreadsheet as UTF-8: UTF-8 with or without BOM, UTF-16 with BOM, or
// else Windows-1252 (what Swedish Excel saves as "CSV"); `encoding` says which was read.
struct TextFile {
    bool ok = true;
    std::string text;
    std::string encoding;
};
TextFile DecodeText(std::string_view bytes);

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
    std::string encoding;   // as read (DecodeText)
};
// A header line naming the columns name, kind and population, in English or Swedish
// (Namn;Typ;Invånare: the app's own export reads back), other columns ignored; `;`, `,`
// or tab between fields. Kind is a code (municipality) or its name in either language (Kommun).
PartiesCsv ParsePartiesCsv(std::string_view bytes);

}  // namespace sam
