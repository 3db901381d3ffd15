// A workbook as plain data: the sheets, cells, formats and formulas of the .xlsx export
// (written by xlsx/), and the tables copied to the clipboard as tab-separated text. What goes
// where is decided here; the writers only write.
#pragma once
#include <string>
#include <vector>
#include "i18n.h"
#include "model.h"

namespace sam {

enum class CellKind { Empty, Text, Number, Formula };
enum class CellFormat { Plain, Header, Kr, KrTotal, Decimal, Bold };

struct Cell {
    CellKind kind = CellKind::Empty;
    std::string text;        // Text: the text; Formula: "=SUM(B2:B9)"
    double number = 0;       // Number: the value; Formula: its result as core computes it
    CellFormat format = CellFormat::Plain;
};

struct SheetData {
    std::string name;                         // at most 31 characters, none of []:*?/\ (Excel's rule)
    std::vector<std::vector<Cell>> rows;      // the first row is the header
    std::vector<double> widths;               // per column, in characters
    int frozen_rows = 1, frozen_cols = 1;
};

struct Workbook {
    std::string title, subject, author, company, keywords, comments;
    std::vector<SheetData> sheets;
};

// Parties, decisions (the matrix, in words), costs per party and year, cost items per year,
// and the scenarios side by side in `year` (0: the year the app would show on `today`).
// Totals are SUM formulas whose stored results are core's own figures.
Workbook BuildWorkbook(const Workspace& ws, Lang lang, int year, const std::string& today);

// One table of the workbook by its kind, for the clipboard: "parties", "decisions",
// "costs", "items", "scenarios". Empty when unknown.
SheetData WorkbookSheet(const Workspace& ws, const std::string& kind, Lang lang, int year, const std::string& today);

// A sheet as tab-separated text that Excel and Word paste as a table: numbers as numbers
// (no thousands separator; a decimal comma in Swedish), formulas as their values, CRLF.
std::string SheetTsv(const SheetData& sheet, Lang lang);

// "halsam-vasternorrland.xlsx": the workspace's name as a file name.
std::string WorkbookFileName(const Workspace& ws);

// "Column letters" for formulas: 0 -> A, 25 -> Z, 26 -> AA.
std::string ColumnName(int col);

}  // namespace sam
