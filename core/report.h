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
};

struct ReportResult {
    bool ok = false;
    std::string error;      // e.g. unknown scenario (English); error_sv in Swedish
    std::string error_sv;
    std::string text;
};

ReportResult MakeReport(const Workspace& ws, const ReportOptions& opt);

}  // namespace sam
