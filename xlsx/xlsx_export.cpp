#include "xlsx_export.h"

#include <xlsxwriter.h>
#include <cstdio>
#include <unistd.h>

namespace xlsx {

namespace {

// The formats of core's CellFormat; kronor as "# ##0 kr" in a Swedish Excel (the code's ","
// is the reader's thousands separator).
struct Formats {
    lxw_format* header;
    lxw_format* kr;
    lxw_format* kr_total;
    lxw_format* decimal;
    lxw_format* bold;
};

Formats MakeFormats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xDCE6F1);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.kr = workbook_add_format(wb);
    format_set_num_format(f.kr, "#,##0 \"kr\"");
    f.kr_total = workbook_add_format(wb);
    format_set_num_format(f.kr_total, "#,##0 \"kr\"");
    format_set_bold(f.kr_total);
    format_set_top(f.kr_total, LXW_BORDER_THIN);
    f.decimal = workbook_add_format(wb);
    format_set_num_format(f.decimal, "0.00");
    f.bold = workbook_add_format(wb);
    format_set_bold(f.bold);
    format_set_top(f.bold, LXW_BORDER_THIN);
    return f;
}

lxw_format* FormatOf(const Formats& f, sam::CellFormat c) {
    switch (c) {
        case sam::CellFormat::Header: return f.header;
        case sam::CellFormat::Kr: return f.kr;
        case sam::CellFormat::KrTotal: return f.kr_total;
        case sam::CellFormat::Decimal: return f.decimal;
        case sam::CellFormat::Bold: return f.bold;
        case sam::CellFormat::Plain: default: return nullptr;
    }
}

bool WriteSheet(lxw_workbook* wb, const Formats& f, const sam::SheetData& s, std::string* error) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) { if (error) *error = "sheet name refused: " + s.name; return false; }
    for (size_t c = 0; c < s.widths.size(); ++c) worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, s.widths[c], nullptr);
    worksheet_freeze_panes(ws, (lxw_row_t)s.frozen_rows, (lxw_col_t)s.frozen_cols);
    for (size_t r = 0; r < s.rows.size(); ++r)
        for (size_t c = 0; c < s.rows[r].size(); ++c) {
            const sam::Cell& cell = s.rows[r][c];
            lxw_format* fmt = FormatOf(f, cell.format);
            lxw_error e = LXW_NO_ERROR;
            switch (cell.kind) {
                case sam::CellKind::Empty: if (fmt) e = worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c, fmt); break;
                case sam::CellKind::Text: e = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, cell.text.c_str(), fmt); break;
                case sam::CellKind::Number: e = worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, cell.number, fmt); break;
                case sam::CellKind::Formula:
                    e = worksheet_write_formula_num(ws, (lxw_row_t)r, (lxw_col_t)c, cell.text.c_str(), fmt, cell.number);
                    break;
            }
            if (e != LXW_NO_ERROR) {
                if (error) *error = s.name + ": " + lxw_strerror(e);
                return false;
            }
        }
    return true;
}

}  // namespace

bool WriteXlsx(const sam::Workbook& book, const std::string& path, std::string* error) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) { if (error) *error = "cannot create " + path; return false; }
    lxw_doc_properties props{};
    props.title = const_cast<char*>(book.title.c_str());
    props.subject = const_cast<char*>(book.subject.c_str());
    props.author = const_cast<char*>(book.author.c_str());
    props.company = const_cast<char*>(book.company.c_str());
    props.keywords = const_cast<char*>(book.keywords.c_str());
    props.comments = const_cast<char*>(book.comments.c_str());
    workbook_set_properties(wb, &props);
    Formats f = MakeFormats(wb);
    bool ok = true;
    for (auto& s : book.sheets) ok = ok && WriteSheet(wb, f, s, error);
    lxw_error e = workbook_close(wb);   // writes the file, and frees the workbook either way
    if (ok && e != LXW_NO_ERROR) {
        if (error) *error = path + ": " + lxw_strerror(e);
        ok = false;
    }
    if (!ok) std::remove(path.c_str());
    return ok;
}

std::optional<std::string> XlsxBytes(const sam::Workbook& book, std::string* error, const std::string& tmpdir) {
    std::string path = tmpdir + "/samverkan-XXXXXX.xlsx";
    int fd = mkstemps(path.data(), 5);
    if (fd < 0) { if (error) *error = "cannot make a temporary file in " + tmpdir; return std::nullopt; }
    close(fd);
    if (!WriteXlsx(book, path, error)) return std::nullopt;
    std::string bytes;
    if (FILE* in = std::fopen(path.c_str(), "rb")) {
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) bytes.append(buf, n);
        std::fclose(in);
    }
    std::remove(path.c_str());
    if (bytes.empty()) { if (error) *error = "the workbook came out empty"; return std::nullopt; }
    return bytes;
}

}  // namespace xlsx
