// Golden files: the reports, papers and CSV exports of every demo, byte for byte.
// After an intended change, rewrite them with SAMVERKAN_UPDATE_GOLDEN=1 and read the diff.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "csv.h"
#include "exports.h"
#include "helpers.h"
#include "papers.h"
#include "report.h"

namespace {

struct GoldenCase {
    const char* demo;
    const char* as_of;
    const char* annex_party;
};
// Dates at which each demo's decisions were under way, so planning and "late" show.
constexpr GoldenCase kCases[] = {
    {"halsam-vasternorrland", "2022-10-01", "timra"},
    {"familjehem-vasternorrland", "2017-10-01", "kramfors"},
    {"norrbotten", "2023-02-01", "lulea"},
    {"utvecklingsarbete-2017", "2017-01-20", "kramfors"},
    {"kommunforbundet-vasternorrland", "2020-01-15", "sundsvall"},
};

std::filesystem::path GoldenDir() { return std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "tests" / "golden"; }

void CheckGolden(const std::filesystem::path& file, const std::string& text) {
    INFO(file.string());
    if (std::getenv("SAMVERKAN_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == text);
}

}  // namespace

TEST_CASE("reports, papers and CSV exports match the golden files") {
    for (const GoldenCase& c : kCases) {
        sam::Workspace ws = LoadDemo(c.demo);
        std::filesystem::path dir = GoldenDir() / c.demo;
        sam::ReportOptions o;
        o.as_of = c.as_of;
        o.structure = o.all_scenarios = true;
        o.format = sam::ReportFormat::Html;
        CheckGolden(dir / "report.html", sam::MakeReport(ws, o).text);
        o.format = sam::ReportFormat::Markdown;
        CheckGolden(dir / "report.md", sam::MakeReport(ws, o).text);
        o.lang = sam::Lang::En;
        CheckGolden(dir / "report-en.md", sam::MakeReport(ws, o).text);
        CheckGolden(dir / "beslutsunderlag.md", sam::DecisionPaper(ws, sam::Lang::Sv, c.as_of).text);
        sam::PaperResult annex = sam::PartyAnnex(ws, c.annex_party, sam::ReportFormat::Markdown, sam::Lang::Sv, c.as_of);
        REQUIRE(annex.ok);
        CheckGolden(dir / (std::string("bilaga-") + c.annex_party + ".md"), annex.text);
        annex = sam::PartyAnnex(ws, c.annex_party, sam::ReportFormat::Html, sam::Lang::Sv, c.as_of);
        CheckGolden(dir / (std::string("bilaga-") + c.annex_party + ".html"), annex.text);
        for (sam::CsvTable t : {sam::CsvTable::Parties, sam::CsvTable::Members, sam::CsvTable::Decisions, sam::CsvTable::Costs})
            CheckGolden(dir / (std::string(sam::CsvTableName(t)) + ".csv"), sam::ExportCsv(ws, t, sam::Lang::Sv));
    }
}

TEST_CASE("CSV exports are what Excel in a Swedish locale reads") {
    sam::Workspace ws = LoadDemo("familjehem-vasternorrland");
    std::string costs = sam::ExportCsv(ws, sam::CsvTable::Costs, sam::Lang::Sv);
    CHECK(costs.rfind("\xEF\xBB\xBF" "Part;2018;2019;2020;Totalt;Andel (%)\r\n", 0) == 0);
    CHECK(costs.find("Kramfors;308748;316007;323448;948203;7,35\r\n") != std::string::npos);
    CHECK(costs.find(NB) == std::string::npos);   // numbers without separators, so Excel reads them as numbers
    // Every row has as many fields as the header.
    std::vector<std::vector<std::string>> rows = sam::ParseCsv(costs);
    REQUIRE(rows.size() > 2);
    for (auto& r : rows) CHECK(r.size() == rows[0].size());
    // A field with a semicolon or quote is quoted.
    ws.parties.at("kramfors").name = "Kramfors; \"BAS\"";
    std::string parties = sam::ExportCsv(ws, sam::CsvTable::Parties, sam::Lang::Sv);
    CHECK(parties.find("\"Kramfors; \"\"BAS\"\"\";Kommun;17900") != std::string::npos);
    CHECK(sam::CsvFileName(ws, sam::CsvTable::Costs, sam::Lang::Sv) == "familjehem-vasternorrland-kostnader.csv");
}

TEST_CASE("the beslutsunderlag says what declining costs the others") {
    sam::Workspace ws = LoadDemo("familjehem-vasternorrland");
    std::string md = sam::DecisionPaper(ws, sam::Lang::Sv, "2017-10-01").text;
    // The seed: without Sundsvall and Timrå, Kramfors pays 594 778 kr in 2018 (+92,6 %).
    CHECK(md.find("Om Sundsvall, Timrå inte deltar") != std::string::npos);
    CHECK(md.find("| Kramfors | 308" + NB + "748" + NB + "kr | 594" + NB + "778" + NB + "kr | +286" + NB + "030" + NB + "kr | +92,6" + NB + "% |") != std::string::npos);
    sam::PaperResult bad = sam::PartyAnnex(ws, "Atlantis", sam::ReportFormat::Markdown, sam::Lang::Sv, "");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error == "unknown party \"Atlantis\"");
}
