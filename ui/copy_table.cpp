// Ctrl+C on a view: its table as tab-separated text (core's workbook sheets), so that it
// pastes into Excel and Word as a table with numbers as numbers.
#include <imgui.h>
#include "views.h"
#include "workbook.h"

namespace ui {

bool CopyTable(App& app) {
    const char* kind = nullptr;
    switch (app.view) {
        case View::Overview: kind = "parties"; break;
        case View::Decisions: kind = "decisions"; break;
        case View::Costs: kind = "costs"; break;
        case View::Scenarios: kind = "scenarios"; break;
        default: break;
    }
    sam::SheetData sheet;
    if (kind && app.doc.open) sheet = sam::WorkbookSheet(app.doc.ws, kind, app.lang, app.cost_year, app.today);
    if (sheet.rows.empty()) {
        app.status = T(app, "ui.no_table");
        return false;
    }
    ImGui::SetClipboardText(sam::SheetTsv(sheet, app.lang).c_str());
    size_t rows = sheet.rows.size() - 1;
    app.status = sam::TrF(app.lang, rows == 1 ? "ui.copied_table_one" : "ui.copied_table", {sheet.name, std::to_string(rows)});
    return true;
}

}  // namespace ui
