#include "csv.h"
#include "helpers.h"
#include "report.h"

using namespace sam;

TEST_CASE("the parties CSV of the shared data folder") {
    PartiesCsv p = ParsePartiesCsv("\xEF\xBB\xBFname;kind;population\r\nRegion Västernorrland;region;243500\r\nÅnge;municipality;9100\r\n");
    REQUIRE(p.ok);
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[1].name == "Ånge");
    CHECK(p.rows[0].kind == PartyKind::Region);
    CHECK_FALSE(ParsePartiesCsv("namn;typ;invånare\n").ok);
    PartiesCsv bad = ParsePartiesCsv("name;kind;population\nÅnge;kommun;9100\n");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error == "line 2: unknown kind \"kommun\" (region, municipality, association, county_board, university, other)");
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;-3\n").error == "line 2: population must not be negative");
    // A number too large for a population (found by the fuzzer: it overflowed the conversion).
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;" + std::string(120, '9') + "\n").error.find("is more than 100000000") != std::string::npos);
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;100000001\n").error == "line 2: population 100000001 is more than 100000000");
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;100000000\n").ok);
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;9100;x\n").error == "line 2: expected 3 fields, found 4");
    CHECK(ParseCsv("a;\"b;c\";\"d \"\"e\"\"\"\n")[0] == std::vector<std::string>{"a", "b;c", "d \"e\""});
}

TEST_CASE("report: the cost and decision summary") {
    Workspace ws = LoadDemo("familjehem-vasternorrland");
    ReportOptions o;
    o.as_of = "2017-12-31";
    o.scenario = "utan-sundsvall-timra";
    ReportResult md = MakeReport(ws, o);
    REQUIRE(md.ok);
    CHECK(md.text.rfind("# Familjehem Västernorrland\n", 0) == 0);
    CHECK(md.text.find("| Kramfors | Antaget med villkor | 2017-09-18 | BAS-nämnden |") != std::string::npos);
    CHECK(md.text.find("1 av 7 har antagit") != std::string::npos);
    CHECK(md.text.find("Avböjt av: Sundsvall, Timrå") != std::string::npos);
    CHECK(md.text.find("| Kramfors | 308" + NB + "748" + NB + "kr | 594" + NB + "778" + NB + "kr |") != std::string::npos);
    o.format = ReportFormat::Html;
    ReportResult html = MakeReport(ws, o);
    REQUIRE(html.ok);
    CHECK(html.text.find("<html lang=\"sv\">") != std::string::npos);
    CHECK(html.text.find("<th scope=\"col\"") != std::string::npos);
    CHECK(html.text.find("<caption>") != std::string::npos);
    o.format = ReportFormat::Csv;
    ReportResult csv = MakeReport(ws, o);
    REQUIRE(csv.ok);
    CHECK(csv.text.rfind("party;year;base_kr;scenario_kr;diff_kr\n", 0) == 0);
    CHECK(csv.text.find("Kramfors;2018;308748;594778;286030\n") != std::string::npos);
    o.scenario = "finns-inte";
    CHECK_FALSE(MakeReport(ws, o).ok);
}
