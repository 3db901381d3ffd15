// CSV files for Excel in a Swedish locale: UTF-8 with a BOM, semicolons, decimal
// commas, CRLF line ends, plain integers (no thousands separator, so Excel reads numbers).
#pragma once
#include <string>
#include <string_view>
#include "i18n.h"
#include "model.h"

namespace sam {

enum class CsvTable { Parties, Members, Decisions, Costs };

// "parties", "members", "decisions", "costs"; false for anything else.
bool CsvTableFromName(std::string_view name, CsvTable& out);
const char* CsvTableName(CsvTable t);
// A file name for the download: "halsam-vasternorrland-kostnader.csv".
std::string CsvFileName(const Workspace& ws, CsvTable t, Lang lang);

// parties: name, kind, population, organisation number, committee meetings
// members: body, role, organisation, name, contact (one row per member)
// decisions: matter, party, status, date, deciding body, conditions, note, deadline
// costs: party, one column per year, total, share of the total in %
std::string ExportCsv(const Workspace& ws, CsvTable t, Lang lang);

}  // namespace sam
