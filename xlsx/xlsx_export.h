// The .xlsx file of a workbook (core/workbook.h), written with Debian's libxlsxwriter: the
// CLI, the server and the desktop app share it. The web app asks its server for the file.
#pragma once
#include <optional>
#include <string>
#include "workbook.h"

namespace xlsx {

// Writes `book` to `path`; false and `error` (in English, for logs) on failure.
bool WriteXlsx(const sam::Workbook& book, const std::string& path, std::string* error);
// The same as bytes (written to a temporary file in `tmpdir`, read back and removed).
std::optional<std::string> XlsxBytes(const sam::Workbook& book, std::string* error, const std::string& tmpdir = "/tmp");

}  // namespace xlsx
