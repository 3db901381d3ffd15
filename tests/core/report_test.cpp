#include "csv.h"
#include "helpers.h"
#include "exports.h"
#include "papers.h"
#include "report.h"

using namespace sam;

TEST_CASE("the parties CSV of the shared data folder") {
    PartiesCsv p = ParsePartiesCsv("\xEF\xBB\xBFname;kind;population\r\nRegion Västernorrland;region;243500\r\nÅnge;municipality;9100\r\n");
    REQUIRE(p.ok);
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[1].name == "Ånge");
    CHECK(p.rows[0].kind == PartyKind::Region);
    CHECK(ParsePartiesCsv("namn;typ;invånare\n").ok);   // the Swedish header, as the app exports it
    PartiesCsv bad = ParsePartiesCsv("name;kind;population\nÅnge;kommunen;9100\n");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_sv == "rad 2: okänd typ \"kommunen\" (Region, Kommun, Kommunförbund, Länsstyrelse, Lärosäte, Annan)");
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;-3\n").error == "line 2: population must not be negative");
    // A number too large for a population (found by the fuzzer: it overflowed the conversion).
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;" + std::string(120, '9') + "\n").error.find("is more than 100000000") != std::string::npos);
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;100000001\n").error == "line 2: population 100000001 is more than 100000000");
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;100000000\n").ok);
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality;9100;x\n").ok);   // other columns are ignored
    CHECK(ParsePartiesCsv("name;kind;population\nÅnge;municipality\n").error == "line 2: expected 3 fields, found 2");
    CHECK(ParseCsv("a;\"b;c\";\"d \"\"e\"\"\"\n")[0] == std::vector<std::string>{"a", "b;c", "d \"e\""});
}

namespace {
std::string Export(const Workspace& ws, const char* table, Lang l) {
    CsvTable t;
    REQUIRE(CsvTableFromName(table, t));
    return ExportCsv(ws, t, l);
}
}  // namespace

TEST_CASE("parties CSV: the app's own export, Swedish Excel's encodings, commas") {
    Workspace ws = LoadDemo("halsam-vasternorrland");
    PartiesCsv own = ParsePartiesCsv(Export(ws, "parties", Lang::Sv));
    REQUIRE(own.ok);
    CHECK(own.rows.size() == ws.parties.size());
    bool harnosand = false;
    for (auto& r : own.rows) harnosand |= r.name == "Härnösand" && r.kind == PartyKind::Municipality;
    CHECK(harnosand);
    CHECK(ParsePartiesCsv(Export(ws, "parties", Lang::En)).ok);

    // Windows-1252, as Swedish Excel saves "CSV (semikolonavgränsad)".
    PartiesCsv cp = ParsePartiesCsv("Namn;Typ;Inv\xE5nare\r\nH\xE4rn\xF6sand;Kommun;25 000\r\n");
    REQUIRE(cp.ok);
    CHECK(cp.encoding == "Windows-1252");
    CHECK(cp.rows[0].name == "Härnösand");
    CHECK(cp.rows[0].population == 25000);
    // UTF-16 with its BOM ("Unicode text").
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("name\tkind\tpopulation\nA\tregion\t1\n")) { utf16 += c; utf16 += '\0'; }
    PartiesCsv u = ParsePartiesCsv(utf16);
    REQUIRE(u.ok);
    CHECK(u.encoding == "UTF-16");
    CHECK(u.rows[0].kind == PartyKind::Region);
    // Commas between the fields.
    CHECK(ParsePartiesCsv("name,kind,population\nÅnge,municipality,9100\n").ok);
    // A byte that Windows-1252 has no character for: refused, not guessed.
    CHECK(ParsePartiesCsv("name;kind;population\nA\x81;region;1\n").error_sv.find("varken UTF-8") != std::string::npos);
}

TEST_CASE("CSV export: text that starts like a formula is written as text") {
    CHECK(CsvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(CsvField("+SUM(1+1)") == "'+SUM(1+1)");
    CHECK(CsvField("-2+3") == "'-2+3");
    CHECK(CsvField("@SUM(1)") == "'@SUM(1)");
    CHECK(CsvField("\tx") == "'\tx");
    CHECK(CsvField("\rx") == "\"'\rx\"");
    CHECK(CsvField("a\rb") == "\"a\rb\"");   // a bare CR is quoted, so it cannot split a row
    CHECK(CsvField("-2") == "-2");              // numbers stay numbers
    CHECK(CsvField("-12,5") == "-12,5");
    CHECK(CsvField("Kramfors") == "Kramfors");
    // Every export: a party named like a formula arrives as text in parties, decisions and costs.
    Workspace ws = LoadDemo("halsam-vasternorrland");
    ws.parties.at("kramfors").name = "=HYPERLINK(\"http://evil\";\"x\")";
    ws.bodies.begin()->second.members["m-evil"] = Member{};
    ws.bodies.begin()->second.members["m-evil"].name = "@SUM(1)";
    ws.bodies.begin()->second.members["m-evil"].role = "+cmd";
    for (const char* table : {"parties", "members", "decisions", "costs"}) {
        std::string csv = Export(ws, table, Lang::Sv);
        INFO(table);
        for (auto& row : ParseCsv(csv))
            for (auto& cell : row) {
                CHECK(cell.find("\r") == std::string::npos);
                if (!cell.empty() && std::string("=+@").find(cell[0]) != std::string::npos) FAIL_CHECK("a live formula: " << cell);
            }
    }
    // And it reads back as the name it was.
    PartiesCsv back = ParsePartiesCsv(Export(ws, "parties", Lang::Sv));
    REQUIRE(back.ok);
    bool found = false;
    for (auto& r : back.rows) found |= r.name == ws.parties.at("kramfors").name;
    CHECK(found);
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

TEST_CASE("the costs CSV's shares add up to exactly 100,00 %, and the annex says what declining does to the others") {
    for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten", "utvecklingsarbete-2017", "kommunforbundet-vasternorrland"}) {
        std::string csv = ExportCsv(LoadDemo(id), CsvTable::Costs, Lang::Sv);
        int64_t hundredths = 0;
        size_t lines = 0;
        for (size_t at = csv.find("\r\n") + 2, next; (next = csv.find("\r\n", at)) != std::string::npos; at = next + 2, ++lines) {
            std::string row = csv.substr(at, next - at);
            if (row.rfind("Totalt;", 0) == 0) break;
            std::string share = row.substr(row.rfind(';') + 1);
            size_t comma = share.find(',');
            std::string frac = comma == std::string::npos ? "00" : (share.substr(comma + 1) + "00").substr(0, 2);   // "7,4" is 7,40
            hundredths += std::stoll(share.substr(0, comma)) * 100 + std::stoll(frac);
        }
        INFO(id);
        CHECK(lines > 1);
        CHECK(hundredths == 10000);
    }
    // HälSam: items count the municipalities taking part, so Kramfors declining lowers everyone's cost.
    PaperResult halsam = PartyAnnex(LoadDemo("halsam-vasternorrland"), "kramfors", ReportFormat::Markdown, Lang::Sv, "2023-01-01");
    CHECK(halsam.text.find("Avböjer Kramfors blir den gemensamma kostnaden lägre, eftersom vissa poster räknas per deltagande part, "
                           "och de övriga parterna betalar mindre:") != std::string::npos);
    // Familjehem: a fixed budget shared anew, so the others pay more.
    PaperResult fh = PartyAnnex(LoadDemo("familjehem-vasternorrland"), "kramfors", ReportFormat::Markdown, Lang::Sv, "2018-01-01");
    CHECK(fh.text.find("Avböjer Kramfors fördelas beloppet på de övriga parterna:") != std::string::npos);
}

TEST_CASE("printed HTML keeps dates and amounts whole, and a name cannot leave the page's style") {
    using sam::Doc;
    CHECK(Doc::HtmlText("Beslut 2026-11-24 om 295\u00A0000\u00A0kr, 30\u00A0% och 3,4 mnkr") ==
          "Beslut <span class=\"nw\">2026-11-24</span> om <span class=\"nw\">295\u00A0000\u00A0kr</span>, <span class=\"nw\">30\u00A0%</span> och "
          "<span class=\"nw\">3,4 mnkr</span>");
    CHECK(Doc::HtmlText("3 grupper") == "3 grupper");                    // a number alone may break as text does
    CHECK(Doc::HtmlText("Nr 12345678") == "Nr 12345678");
    CHECK(Doc::HtmlText("\xE2\x88\x92" "1\u00A0775\u00A0kr") == "<span class=\"nw\">\xE2\x88\x92" "1\u00A0775\u00A0kr</span>");
    CHECK(Doc::HtmlText("<b>2026-01-01</b>") == "&lt;b&gt;<span class=\"nw\">2026-01-01</span>&lt;/b&gt;");
    CHECK(Doc::HtmlText("ab2026-01-01") == "ab2026-01-01");             // part of a word: left as it is
    std::string page = sam::HtmlBegin("sv", "x", "Namn \"</style><script>alert(1)</script>");
    CHECK(page.find("<script>") == std::string::npos);
    CHECK(page.find("Namn \\\"\\3C /style>") != std::string::npos);
    CHECK(page.find("\"Sida \" counter(page) \" av \" counter(pages)") != std::string::npos);
    CHECK(sam::HtmlBegin("en", "x").find("\"Page \" counter(page) \" of \" counter(pages)") != std::string::npos);
}

TEST_CASE("report sections: the default has the summary first; a list is read in its order") {
    sam::ReportOptions o;
    CHECK(sam::DefaultReportSections(o) == std::vector<std::string>{"summary", "decisions", "costs", "parties", "checks"});
    o.structure = o.all_scenarios = true;
    CHECK(sam::DefaultReportSections(o) == std::vector<std::string>{"summary", "decisions", "costs", "scenarios", "parties", "structure", "checks"});
    std::vector<std::string> s;
    std::string error;
    CHECK(sam::ParseReportSections("costs,,summary", s, error));
    CHECK(s == std::vector<std::string>{"costs", "summary"});
    CHECK_FALSE(sam::ParseReportSections("", s, error));
    CHECK(error == "name at least one section");
}
