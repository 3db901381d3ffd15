// The cost and decision summary of a workspace (with the structure: the full report),
// as Markdown, HTML or CSV.
// Every product (CLI, server, web, desktop) calls this, so all give identical files.
#pragma once
#include <string>
#include "i18n.h"
#include "doc.h"
#include "model.h"

namespace sam {



struct ReportOptions {
    ReportFormat format = ReportFormat::Markdown;
    Lang lang = Lang::Sv;
    std::string scenario;   // scenario id to compare with the base ("" for none, or all below)
    bool all_scenarios = false;  // without `scenario`: every scenario of the workspace
    bool structure = false;      // the bodies with their mandates and members
    std::string as_of;      // YYYY-MM-DD for late decisions and overdue milestones
    // The sections in the order they are printed (ReportSections); empty: the default order,
    // summary first (what each party pays and which decisions are pending), then structure.
    std::vector<std::string> sections;
};

// The sections a report can have: "summary", "decisions", "costs", "scenarios", "parties",
// "structure", "checks".
const std::vector<std::string>& ReportSectionNames();
// The default order for these options (structure and scenarios only when asked for).
std::vector<std::string> DefaultReportSections(const ReportOptions& o);
// "summary,costs" -> the list; false and `error` (English) naming an unknown or repeated one.
bool ParseReportSections(const std::string& text, std::vector<std::string>& out, std::string& error);

struct ReportResult {
    bool ok = false;
    std::string error;      // e.g. unknown scenario (English); error_sv in Swedish
    std::string error_sv;
    std::string text;
};

ReportResult MakeReport(const Workspace& ws, const ReportOptions& opt);

// The running header of every printed page: the workspace, the date and its diarienummer.
std::string PrintHeader(const Workspace& ws, const std::string& as_of, Lang lang);

}  // namespace sam
