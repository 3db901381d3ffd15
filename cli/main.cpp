// samverkan-cli: Samverkan's computations for spreadsheets and scripts.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include "allocate.h"
#include "csv.h"
#include "demos.h"
#include "format.h"
#include "number_input.h"
#include "exports.h"
#include "workbook.h"
#include "xlsx_export.h"
#include "json_io.h"
#include "papers.h"
#include "portfolio.h"
#include "report.h"
#include "validate.h"

namespace {

const char* kUsage =
    "usage:\n"
    "  samverkan-cli validate FILE.json [--lang sv|en]\n"
    "      lists problems (errors and warnings); exit 1 if there is an error\n"
    "  samverkan-cli allocate --parties PARTIES.csv --total KR --key KEY [--exclude NAME,NAME]\n"
    "      [--region-share PCT] [--base-fee KR] [--shares NAME=PCT,...] [--format csv|json|table]\n"
    "      KEY: equal, per-capita, fixed, region-split, base-plus-per-capita\n"
    "  samverkan-cli report FILE.json [--scenario NAME] [--full] [--format md|csv|html] [--lang sv|en] [--as-of YYYY-MM-DD]\n"
    "      [--sections summary,decisions,costs,scenarios,parties,structure,checks]\n"
    "      --full: also the structure (bodies, mandates, members) and every scenario\n"
    "      --sections: which sections, in this order (default: summary first, then decisions, costs, ...)\n"
    "  samverkan-cli export FILE.json --table parties|members|decisions|costs [--lang sv|en]\n"
    "      CSV for Excel in a Swedish locale (UTF-8 with BOM, semicolons, decimal commas)\n"
    "  samverkan-cli export FILE.json --format xlsx --output FILE.xlsx [--year YYYY] [--lang sv|en] [--as-of YYYY-MM-DD]\n"
    "      an Excel workbook: parties, decisions, costs per party and year, cost items, scenarios in --year\n"
    "  samverkan-cli paper FILE.json [--lang sv|en] [--as-of YYYY-MM-DD]\n"
    "      the Markdown beslutsunderlag: cost per party, adoption status, what if some decline\n"
    "  samverkan-cli annex FILE.json --party NAME [--format md|html] [--lang sv|en] [--as-of YYYY-MM-DD]\n"
    "      one party's annex: its share, its decisions due and what declining would mean\n"
    "  samverkan-cli portfolio --party NAME [--year YYYY] [--format md|csv|json|html] [--lang sv|en] [--as-of YYYY-MM-DD] FILE...\n"
    "      one party across several workspaces: what it pays, in kind, and the decisions it still owes\n"
    "  samverkan-cli format FILE.json        prints the file in canonical form\n"
    "  samverkan-cli demo [ID]               lists the demo workspaces, or prints one\n";

// One clear line and exit code 2 for a usage or input error.
int Usage(const std::string& what) {
    std::fprintf(stderr, "samverkan-cli: %s\n", what.c_str());
    return 2;
}

bool ReadFile(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

std::string Today() { return sam::LocalDate(std::time(nullptr)); }

std::vector<std::string> Split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::stringstream ss(s);
    while (std::getline(ss, cur, sep)) {
        size_t a = cur.find_first_not_of(' '), b = cur.find_last_not_of(' ');
        if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
    }
    return out;
}

// Options as --name value pairs after the command; positional arguments apart.
struct Args {
    std::map<std::string, std::string> opts;
    std::vector<std::string> positional;
};

bool ParseArgs(int argc, char** argv, int from, const std::vector<std::string>& known, Args& a, std::string& error) {
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            std::string name = s.substr(2);
            if (std::find(known.begin(), known.end(), name) == known.end()) { error = "unknown option " + s; return false; }
            if (name == "full") { a.opts[name] = "1"; continue; }   // a switch, without a value
            if (i + 1 >= argc) { error = s + " needs a value"; return false; }
            a.opts[name] = argv[++i];
        } else {
            a.positional.push_back(s);
        }
    }
    return true;
}

sam::Lang LangOf(const Args& a) { return a.opts.count("lang") && a.opts.at("lang") == "en" ? sam::Lang::En : sam::Lang::Sv; }

bool LoadFile(const std::string& path, sam::LoadResult& r, std::string& error) {
    std::string text;
    if (!ReadFile(path, text)) { error = "cannot read " + path; return false; }
    r = sam::LoadWorkspace(text);
    return true;
}

int CmdValidate(int argc, char** argv) {
    Args a;
    std::string error;
    if (!ParseArgs(argc, argv, 2, {"lang", "as-of"}, a, error)) return Usage(error);
    if (a.positional.size() != 1) return Usage("validate takes one FILE.json");
    sam::LoadResult r;
    if (!LoadFile(a.positional[0], r, error)) return Usage(error);
    sam::Lang lang = LangOf(a);
    std::vector<sam::Problem> problems = r.problems;
    if (r.ok) {
        auto checks = sam::CheckConsistency(r.workspace, a.opts.count("as-of") ? a.opts["as-of"] : Today());
        problems.insert(problems.end(), checks.begin(), checks.end());
    }
    int errors = 0, warnings = 0;
    for (auto& p : problems) {
        bool err = p.severity == sam::Severity::Error;
        (err ? errors : warnings)++;
        std::printf("%s %s: %s\n", err ? (lang == sam::Lang::Sv ? "fel" : "error") : (lang == sam::Lang::Sv ? "varning" : "warning"),
                    p.path.empty() ? "/" : p.path.c_str(), p.Message(lang).c_str());
    }
    if (lang == sam::Lang::Sv) std::printf("%s: %d fel, %d varningar\n", a.positional[0].c_str(), errors, warnings);
    else std::printf("%s: %d errors, %d warnings\n", a.positional[0].c_str(), errors, warnings);
    return errors ? 1 : 0;
}

int CmdAllocate(int argc, char** argv) {
    Args a;
    std::string error;
    if (!ParseArgs(argc, argv, 2, {"parties", "total", "key", "exclude", "region-share", "base-fee", "shares", "format"}, a, error))
        return Usage(error);
    if (!a.positional.empty()) return Usage("unexpected argument " + a.positional[0]);
    for (const char* need : {"parties", "total", "key"})
        if (!a.opts.count(need)) return Usage(std::string("allocate needs --") + need);

    std::string text;
    if (!ReadFile(a.opts["parties"], text)) return Usage("cannot read the parties file " + a.opts["parties"]);
    sam::PartiesCsv csv = sam::ParsePartiesCsv(text);
    if (!csv.ok) return Usage(a.opts["parties"] + ": " + csv.error);

    sam::NumberInput total_in = sam::ReadAmount(a.opts["total"]);
    if (!total_in.ok) return Usage("--total: " + sam::NumberInputMessage(sam::Lang::En, total_in, a.opts["total"], true));
    if (total_in.value < 0) return Usage("--total \"" + a.opts["total"] + "\" is negative: the total to share must be 0 kr or more");
    std::optional<int64_t> total = (int64_t)total_in.value;

    std::string key_name = a.opts["key"];
    sam::AllocationKey key;
    if (key_name == "equal") key.kind = sam::KeyKind::Equal;
    else if (key_name == "per-capita") key.kind = sam::KeyKind::PerCapita;
    else if (key_name == "fixed") key.kind = sam::KeyKind::Fixed;
    else if (key_name == "region-split") key.kind = sam::KeyKind::RegionSplit;
    else if (key_name == "base-plus-per-capita") key.kind = sam::KeyKind::BasePlusPerCapita;
    else return Usage("unknown --key \"" + key_name + "\" (equal, per-capita, fixed, region-split, base-plus-per-capita)");

    std::string format = a.opts.count("format") ? a.opts["format"] : "table";
    if (format != "csv" && format != "json" && format != "table") return Usage("--format takes csv, json or table, not \"" + format + "\"");

    auto find = [&](const std::string& name) -> const sam::PartyRow* {
        for (auto& p : csv.rows) if (p.name == name) return &p;
        return nullptr;
    };
    std::vector<std::string> excluded = a.opts.count("exclude") ? Split(a.opts["exclude"], ',') : std::vector<std::string>{};
    for (auto& n : excluded)
        if (!find(n)) return Usage("unknown party in --exclude: " + n);
    auto is_excluded = [&](const std::string& n) { return std::find(excluded.begin(), excluded.end(), n) != excluded.end(); };

    std::vector<sam::Payer> payers;
    auto add = [&](const sam::PartyRow& p) { payers.push_back({p.name, p.name, p.kind, p.population}); };
    if (key.kind == sam::KeyKind::Fixed) {
        if (!a.opts.count("shares")) return Usage("--key fixed needs --shares NAME=PCT,...");
        for (auto& item : Split(a.opts["shares"], ',')) {
            size_t eq = item.rfind('=');
            if (eq == std::string::npos) return Usage("--shares entry \"" + item + "\" is not NAME=PCT");
            std::string name = item.substr(0, eq);
            auto pct = sam::ParsePercent(item.substr(eq + 1));
            if (!pct) return Usage("--shares: \"" + item.substr(eq + 1) + "\" is not a percentage");
            if (*pct < 0) return Usage("--shares: the share of " + name + " is negative");
            const sam::PartyRow* p = find(name);
            if (!p) return Usage("unknown party in --shares: " + name);
            if (is_excluded(name)) return Usage("--shares names " + name + ", which --exclude leaves out");
            if (key.shares.count(name)) return Usage("--shares names " + name + " twice");
            key.shares[name] = *pct;
            add(*p);
        }
        double sum = 0;
        for (auto& [n, pct] : key.shares) sum += pct;
        if (std::abs(sum - 100.0) > 1e-6) return Usage("--shares add up to " + sam::FormatDecimal(sum, 4) + " %, not 100 %");
    } else {
        if (key.kind == sam::KeyKind::RegionSplit) {
            if (!a.opts.count("region-share")) return Usage("--key region-split needs --region-share PCT");
            auto pct = sam::ParsePercent(a.opts["region-share"]);
            if (!pct || *pct < 0 || *pct > 100) return Usage("--region-share \"" + a.opts["region-share"] + "\" is not a percentage from 0 to 100");
            key.region_percent = *pct;
            int regions = 0;
            for (auto& p : csv.rows)
                if (p.kind == sam::PartyKind::Region && !is_excluded(p.name)) { add(p); ++regions; }
            if (regions != 1) return Usage("--key region-split needs exactly one region in the parties file (found " + std::to_string(regions) + ")");
        }
        if (key.kind == sam::KeyKind::BasePlusPerCapita) {
            if (!a.opts.count("base-fee")) return Usage("--key base-plus-per-capita needs --base-fee KR");
            auto fee = sam::ParseAmount(a.opts["base-fee"]);
            if (!fee || *fee < 0) return Usage("--base-fee \"" + a.opts["base-fee"] + "\" is not an amount in kronor");
            key.base_fee = *fee;
        }
        for (auto& p : csv.rows)
            if (p.kind == sam::PartyKind::Municipality && !is_excluded(p.name)) add(p);
    }
    if (payers.empty()) return Usage("no paying party is left");

    sam::Allocation alloc = sam::Allocate(*total, key, payers);
    if (!alloc.ok) return Usage(sam::TrF(sam::Lang::En, alloc.error, alloc.args));

    auto pct = [&](int64_t amount) { return *total ? (double)amount * 100.0 / (double)*total : 0.0; };
    if (format == "csv") {
        std::printf("name;population;share_percent;amount_kr\n");
        for (size_t i = 0; i < payers.size(); ++i)
            std::printf("%s;%lld;%.2f;%lld\n", sam::CsvField(payers[i].name).c_str(), (long long)payers[i].population,
                        pct(alloc.lines[i].amount), (long long)alloc.lines[i].amount);
    } else if (format == "json") {
        sam::json out = {{"total_kr", *total}, {"key", key_name}, {"parties", sam::json::array()}};
        for (size_t i = 0; i < payers.size(); ++i)
            out["parties"].push_back({{"name", payers[i].name}, {"population", payers[i].population},
                                      {"share_percent", std::round(pct(alloc.lines[i].amount) * 100) / 100},
                                      {"amount_kr", alloc.lines[i].amount}});
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        size_t width = 4;
        for (auto& p : payers) width = std::max(width, p.name.size());
        for (size_t i = 0; i < payers.size(); ++i) {
            std::string name = payers[i].name;
            // Pad by characters, not bytes, so å ä ö line up.
            size_t chars = 0;
            for (unsigned char c : name) chars += (c & 0xC0) != 0x80;
            std::printf("%s%*s  %12s  %8s  %16s\n", name.c_str(), (int)(width - chars), "",
                        sam::FormatInteger(payers[i].population).c_str(), sam::FormatPercent(pct(alloc.lines[i].amount), 2).c_str(),
                        sam::FormatKr(alloc.lines[i].amount).c_str());
        }
        std::printf("%s%*s  %12s  %8s  %16s\n", "Totalt", (int)(width - 6), "", "", "", sam::FormatKr(*total).c_str());
    }
    return 0;
}

int CmdReport(int argc, char** argv) {
    Args a;
    std::string error;
    if (!ParseArgs(argc, argv, 2, {"scenario", "format", "lang", "as-of", "full", "sections"}, a, error)) return Usage(error);
    if (a.positional.size() != 1) return Usage("report takes one FILE.json");
    sam::ReportOptions o;
    std::string format = a.opts.count("format") ? a.opts["format"] : "md";
    if (format == "md") o.format = sam::ReportFormat::Markdown;
    else if (format == "html") o.format = sam::ReportFormat::Html;
    else if (format == "csv") o.format = sam::ReportFormat::Csv;
    else return Usage("--format takes md, csv or html, not \"" + format + "\"");
    o.lang = LangOf(a);
    o.scenario = a.opts.count("scenario") ? a.opts["scenario"] : "";
    o.structure = o.all_scenarios = a.opts.count("full") > 0;
    o.as_of = a.opts.count("as-of") ? a.opts["as-of"] : Today();
    if (!sam::IsValidDate(o.as_of)) return Usage("--as-of \"" + o.as_of + "\" is not a date YYYY-MM-DD");
    if (a.opts.count("sections") && !sam::ParseReportSections(a.opts["sections"], o.sections, error)) return Usage("--sections: " + error);
    sam::LoadResult r;
    if (!LoadFile(a.positional[0], r, error)) return Usage(error);
    if (!r.ok) return Usage(a.positional[0] + ": " + r.problems[0].path + ": " + r.problems[0].Message(sam::Lang::En));
    sam::ReportResult rep = sam::MakeReport(r.workspace, o);
    if (!rep.ok) return Usage(rep.error);
    std::fwrite(rep.text.data(), 1, rep.text.size(), stdout);
    return 0;
}

// The workspace of a command's one FILE.json, or a usage error.
bool LoadOne(const Args& a, const char* cmd, sam::LoadResult& r, std::string& error) {
    if (a.positional.size() != 1) { error = std::string(cmd) + " takes one FILE.json"; return false; }
    if (!LoadFile(a.positional[0], r, error)) return false;
    if (!r.ok) { error = a.positional[0] + ": " + r.problems[0].path + ": " + r.problems[0].Message(sam::Lang::En); return false; }
    return true;
}

bool AsOf(Args& a, std::string& as_of, std::string& error) {
    as_of = a.opts.count("as-of") ? a.opts["as-of"] : Today();
    if (sam::IsValidDate(as_of)) return true;
    error = "--as-of \"" + as_of + "\" is not a date YYYY-MM-DD";
    return false;
}

int Print(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

// The workbook into --output (a binary file is never written to a terminal).
int ExportXlsx(Args& a, const sam::Workspace& ws) {
    std::string error, as_of;
    if (!AsOf(a, as_of, error)) return Usage(error);
    if (!a.opts.count("output") || a.opts["output"].empty()) return Usage("--format xlsx needs --output FILE.xlsx");
    int year = 0;
    if (a.opts.count("year")) {
        year = std::atoi(a.opts["year"].c_str());
        if (year < 1900 || year > 2200) return Usage("--year \"" + a.opts["year"] + "\" is not a year");
    }
    sam::Workbook book = sam::BuildWorkbook(ws, LangOf(a), year, as_of);
    if (!xlsx::WriteXlsx(book, a.opts["output"], &error)) {
        std::fprintf(stderr, "samverkan-cli: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

int CmdExport(int argc, char** argv) {
    Args a;
    std::string error;
    sam::LoadResult r;
    if (!ParseArgs(argc, argv, 2, {"table", "lang", "format", "output", "year", "as-of"}, a, error) || !LoadOne(a, "export", r, error))
        return Usage(error);
    std::string format = a.opts.count("format") ? a.opts["format"] : "csv";
    if (format == "xlsx") return ExportXlsx(a, r.workspace);
    if (format != "csv") return Usage("--format takes csv or xlsx, not \"" + format + "\"");
    sam::CsvTable table;
    std::string name = a.opts.count("table") ? a.opts["table"] : "";
    if (!sam::CsvTableFromName(name, table)) return Usage("--table takes parties, members, decisions or costs, not \"" + name + "\"");
    return Print(sam::ExportCsv(r.workspace, table, LangOf(a)));
}

int CmdPaper(int argc, char** argv) {
    Args a;
    std::string error, as_of;
    sam::LoadResult r;
    if (!ParseArgs(argc, argv, 2, {"lang", "as-of"}, a, error) || !AsOf(a, as_of, error) || !LoadOne(a, "paper", r, error)) return Usage(error);
    return Print(sam::DecisionPaper(r.workspace, LangOf(a), as_of).text);
}

int CmdAnnex(int argc, char** argv) {
    Args a;
    std::string error, as_of;
    sam::LoadResult r;
    if (!ParseArgs(argc, argv, 2, {"party", "format", "lang", "as-of"}, a, error) || !AsOf(a, as_of, error) || !LoadOne(a, "annex", r, error))
        return Usage(error);
    std::string format = a.opts.count("format") ? a.opts["format"] : "md";
    if (format != "md" && format != "html") return Usage("--format takes md or html, not \"" + format + "\"");
    if (!a.opts.count("party")) return Usage("annex needs --party NAME");
    sam::PaperResult p = sam::PartyAnnex(r.workspace, a.opts["party"], format == "html" ? sam::ReportFormat::Html : sam::ReportFormat::Markdown,
                                         LangOf(a), as_of);
    if (!p.ok) return Usage(p.error);
    return Print(p.text);
}

int CmdPortfolio(int argc, char** argv) {
    Args a;
    std::string error, as_of;
    if (!ParseArgs(argc, argv, 2, {"party", "year", "format", "lang", "as-of"}, a, error) || !AsOf(a, as_of, error)) return Usage(error);
    if (!a.opts.count("party") || a.opts["party"].empty()) return Usage("portfolio needs --party NAME");
    if (a.positional.empty()) return Usage("portfolio needs one or more FILE.json");
    std::string format = a.opts.count("format") ? a.opts["format"] : "md";
    if (format != "md" && format != "csv" && format != "json" && format != "html")
        return Usage("--format takes md, csv, json or html, not \"" + format + "\"");
    int year = std::atoi(as_of.substr(0, 4).c_str());
    if (a.opts.count("year")) {
        const std::string& y = a.opts["year"];
        year = y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos ? std::atoi(y.c_str()) : 0;
        if (year < 1900 || year > 2200) return Usage("--year \"" + y + "\" is not a year YYYY");
    }
    std::vector<sam::Workspace> loaded;
    for (auto& path : a.positional) {
        sam::LoadResult r;
        if (!LoadFile(path, r, error)) return Usage(error);
        if (!r.ok) return Usage(path + ": " + r.problems[0].path + ": " + r.problems[0].Message(sam::Lang::En));
        loaded.push_back(std::move(r.workspace));
    }
    std::vector<const sam::Workspace*> ws;
    for (auto& w : loaded) ws.push_back(&w);
    sam::Portfolio p = sam::ComputePortfolio(a.opts["party"], year, ws, as_of);
    if (!p.Found()) return Usage("no party \"" + a.opts["party"] + "\" in any of the " + std::to_string(ws.size()) + " workspaces");
    for (auto& w : p.workspaces)
        if (w.Uncertain()) std::fprintf(stderr, "samverkan-cli: %s: matched by a similar name (no organisation number): check it\n", w.name.c_str());
    if (format == "json") return Print(sam::PortfolioJson(p).dump(2) + "\n");
    if (format == "csv") return Print(sam::PortfolioCsv(p, LangOf(a)));
    return Print(sam::PortfolioDocument(p, format == "html" ? sam::ReportFormat::Html : sam::ReportFormat::Markdown, LangOf(a)));
}

int CmdFormat(int argc, char** argv) {
    if (argc != 3) return Usage("format takes one FILE.json");
    sam::LoadResult r;
    std::string error;
    if (!LoadFile(argv[2], r, error)) return Usage(error);
    if (!r.ok) return Usage(std::string(argv[2]) + ": " + r.problems[0].path + ": " + r.problems[0].Message(sam::Lang::En));
    std::string out = sam::SaveWorkspace(r.workspace);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

int CmdDemo(int argc, char** argv) {
    if (argc == 2) {
        for (auto& d : sam::EmbeddedDemos()) std::printf("%s\n", d.id.c_str());
        return 0;
    }
    const std::string* text = sam::FindDemo(argv[2]);
    if (!text) return Usage(std::string("unknown demo ") + argv[2]);
    std::fwrite(text->data(), 1, text->size(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::fputs(kUsage, stdout); return 0; }
    if (cmd == "validate") return CmdValidate(argc, argv);
    if (cmd == "allocate") return CmdAllocate(argc, argv);
    if (cmd == "report") return CmdReport(argc, argv);
    if (cmd == "format") return CmdFormat(argc, argv);
    if (cmd == "export") return CmdExport(argc, argv);
    if (cmd == "paper") return CmdPaper(argc, argv);
    if (cmd == "annex") return CmdAnnex(argc, argv);
    if (cmd == "portfolio") return CmdPortfolio(argc, argv);
    if (cmd == "demo") return CmdDemo(argc, argv);
    std::fprintf(stderr, "samverkan-cli: unknown command %s\n%s", cmd.c_str(), kUsage);
    return 2;
}
