// samverkan-cli as a real process: what officials and scripts see.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace {

struct Run {
    int code = -1;
    std::string out;   // stdout
    std::string err;   // stderr
};

std::string Slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Run Cli(const std::string& args) {
    static int n = 0;
    std::string err_file = std::string(TEST_TMP_DIR) + "/cli-stderr-" + std::to_string(++n) + ".txt";
    std::string cmd = std::string(SAMVERKAN_CLI) + " " + args + " 2>" + err_file;
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, got);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = Slurp(err_file);
    return r;
}

std::vector<std::string> Lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

long long SumColumn(const std::string& csv, size_t col) {
    long long sum = 0;
    auto lines = Lines(csv);
    for (size_t i = 1; i < lines.size(); ++i) {
        std::stringstream ss(lines[i]);
        std::string field;
        for (size_t c = 0; c <= col; ++c) std::getline(ss, field, ';');
        sum += std::stoll(field);
    }
    return sum;
}

const std::string VN = std::string("--parties ") + SHARED_DATA_DIR + "/parties-vasternorrland.csv";
const std::string NB = std::string("--parties ") + SHARED_DATA_DIR + "/parties-norrbotten.csv";
const std::string DEMO = std::string(SAMVERKAN_SOURCE_DIR) + "/demo/";

}  // namespace

TEST_CASE("allocate per capita without Sundsvall and Timrå: what does Kramfors pay?") {
    Run r = Cli("allocate " + VN + " --total 3400000 --key per-capita --exclude Sundsvall,Timrå --format csv");
    REQUIRE(r.code == 0);
    auto lines = Lines(r.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "name;population;share_percent;amount_kr");
    CHECK(lines[1] == "Örnsköldsvik;55900;44.22;1503639");
    CHECK(lines[2] == "Härnösand;24700;19.54;664399");
    CHECK(lines[3] == "Sollefteå;18800;14.87;505696");
    CHECK(lines[4] == "Kramfors;17900;14.16;481487");
    CHECK(lines[5] == "Ånge;9100;7.20;244779");
    CHECK(SumColumn(r.out, 3) == 3400000);
}

TEST_CASE("every key adds up to the total exactly") {
    for (std::string args : {"--key equal", "--key per-capita", "--key region-split --region-share 40",
                             "--key base-plus-per-capita --base-fee 25000",
                             "--key fixed --shares Luleå=50,Piteå=30,Region\\ Norrbotten=20"}) {
        INFO(args);
        Run r = Cli("allocate " + NB + " --total 759000 " + args + " --format csv");
        REQUIRE(r.code == 0);
        CHECK(SumColumn(r.out, 3) == 759000);
    }
    Run region = Cli("allocate " + NB + " --total 1000000 --key region-split --region-share 40 --format csv");
    CHECK(region.out.find("Region Norrbotten;250700;40.00;400000\n") != std::string::npos);
    CHECK(Lines(region.out).size() == 16);   // header, the region, 14 municipalities
    Run base = Cli("allocate " + VN + " --total 3400000 --key base-plus-per-capita --base-fee 100000 --format json");
    REQUIRE(base.code == 0);
    CHECK(base.out.find("\"amount_kr\"") != std::string::npos);
    CHECK(base.out.find("\"key\": \"base-plus-per-capita\"") != std::string::npos);
    Run table = Cli("allocate " + VN + " --total \"3,4 mnkr\" --key equal");
    REQUIRE(table.code == 0);
    CHECK(table.out.find("485\xC2\xA0" "714\xC2\xA0kr") != std::string::npos);   // 3 400 000 / 7
    CHECK(table.out.find("Totalt") != std::string::npos);
}

TEST_CASE("bad input: one clear line and exit 2") {
    struct Case { std::string args, says; };
    std::vector<Case> cases = {
        {"allocate " + VN + " --total 1000 --key per-capita --exclude Stockholm", "unknown party in --exclude: Stockholm"},
        {"allocate --parties /nonexistent.csv --total 1000 --key equal", "cannot read the parties file /nonexistent.csv"},
        {"allocate " + VN + " --total tusen --key equal", "--total: “tusen” is not an amount"},
        {"allocate " + VN + " --total -5 --key equal", "--total \"-5\" is negative"},
        {"allocate " + VN + " --total 150.000 --key equal", "can be read two ways"},
        {"allocate " + VN + " --total 1000 --key lottery", "unknown --key \"lottery\""},
        {"allocate " + VN + " --total 1000 --key region-split", "--key region-split needs --region-share PCT"},
        {"allocate " + VN + " --total 1000 --key base-plus-per-capita", "--key base-plus-per-capita needs --base-fee KR"},
        {"allocate " + VN + " --total 1000 --key fixed", "--key fixed needs --shares NAME=PCT,..."},
        {"allocate " + VN + " --total 1000 --key fixed --shares Sundsvall=60,Timrå=30", "--shares add up to 90 %, not 100 %"},
        {"allocate " + VN + " --total 1000 --key fixed --shares Gävle=100", "unknown party in --shares: Gävle"},
        {"allocate " + VN + " --total 1000 --key equal --format xml", "--format takes csv, json or table"},
        {"allocate " + VN + " --key equal", "allocate needs --total"},
        {"allocate " + VN + " --total 100 --key base-plus-per-capita --base-fee 50", "exceeds the total"},
        {"frobnicate", "unknown command frobnicate"},
        {"report " + DEMO + "familjehem-vasternorrland.json --scenario finns-inte", "unknown scenario \"finns-inte\""},
        {"validate /nonexistent.json", "cannot read /nonexistent.json"},
    };
    for (auto& c : cases) {
        INFO(c.args);
        Run r = Cli(c.args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.says) != std::string::npos);
        CHECK(r.err.rfind("samverkan-cli: ", 0) == 0);
    }
}

TEST_CASE("validate lists problems and exits 1 only on errors") {
    Run ok = Cli("validate " + DEMO + "halsam-vasternorrland.json --as-of 2026-11-23");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("varning /cost_items/kommunikation-redaktor:") != std::string::npos);
    CHECK(ok.out.find("0 fel, 1 varningar") != std::string::npos);
    std::string bad = std::string(TEST_TMP_DIR) + "/bad.json";
    std::ofstream(bad) << R"({"schema_version": 2, "name": "Trasig", "parties": {"x": {"name": "X", "kind": "kommun", "population": -1}}})";
    Run r = Cli("validate " + bad + " --lang en");
    CHECK(r.code == 1);
    CHECK(r.out.find("error /parties/x/kind: Unknown value \"kommun\"") != std::string::npos);
    CHECK(r.out.find("error /parties/x/population: Must not be negative (-1)") != std::string::npos);
    std::string junk = std::string(TEST_TMP_DIR) + "/junk.json";
    std::ofstream(junk) << "{ not json";
    Run j = Cli("validate " + junk);
    CHECK(j.code == 1);
    CHECK(j.out.find("Filen är ingen Samverkan-fil: den är inte giltig JSON (fel vid byte 2)") != std::string::npos);
}

TEST_CASE("report in Markdown, CSV and HTML") {
    std::string fh = DEMO + "familjehem-vasternorrland.json --as-of 2017-12-31";
    Run md = Cli("report " + fh + " --scenario utan-sundsvall-timra");
    REQUIRE(md.code == 0);
    CHECK(md.out.find("## Scenario: Utan Sundsvall och Timrå") != std::string::npos);
    Run csv = Cli("report " + fh + " --format csv");
    REQUIRE(csv.code == 0);
    CHECK(Lines(csv.out)[0] == "party;year;amount_kr");
    Run html = Cli("report " + fh + " --format html --lang en");
    REQUIRE(html.code == 0);
    CHECK(html.out.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.out.find("Adopted with conditions") != std::string::npos);
}

TEST_CASE("format prints a demo unchanged: the files are canonical") {
    for (const char* d : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten", "utvecklingsarbete-2017", "kommunforbundet-vasternorrland"}) {
        Run r = Cli(std::string("format ") + DEMO + d + ".json");
        REQUIRE(r.code == 0);
        CHECK(r.out == Slurp(DEMO + d + ".json"));
    }
}

TEST_CASE("report --full, export, paper and annex print exactly the golden files") {
    std::string src = SAMVERKAN_SOURCE_DIR;
    std::string file = src + "/demo/halsam-vasternorrland.json";
    std::string golden = src + "/tests/golden/halsam-vasternorrland/";
    Run r = Cli("report " + file + " --full --format html --as-of 2022-10-01");
    CHECK(r.code == 0);
    CHECK(r.out == Slurp(golden + "report.html"));
    r = Cli("paper " + file + " --as-of 2022-10-01");
    CHECK(r.code == 0);
    CHECK(r.out == Slurp(golden + "beslutsunderlag.md"));
    r = Cli("annex " + file + " --party Timrå --format html --as-of 2022-10-01");
    CHECK(r.code == 0);
    CHECK(r.out == Slurp(golden + "bilaga-timra.html"));
    for (const char* table : {"parties", "members", "decisions", "costs"}) {
        r = Cli("export " + file + " --table " + table);
        CHECK(r.code == 0);
        CHECK(r.out == Slurp(golden + table + ".csv"));
    }
    // Mistakes get one line naming what is wrong.
    r = Cli("export " + file + " --table budget");
    CHECK(r.code == 2);
    CHECK(r.err == "samverkan-cli: --table takes parties, members, decisions or costs, not \"budget\"\n");
    r = Cli("annex " + file + " --party Atlantis");
    CHECK(r.code == 2);
    CHECK(r.err == "samverkan-cli: unknown party \"Atlantis\"\n");
    r = Cli("paper " + file + " --as-of 2022-02-30");
    CHECK(r.code == 2);
    CHECK(r.err.find("not a date") != std::string::npos);
}

TEST_CASE("annex for Luleå: its decision path names the working committee and the committee, and the next step") {
    Run r = Cli("annex " + DEMO + "norrbotten.json --party Luleå --as-of 2023-03-20");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("### Beslutsgång för Tillsammans för nära vård i Norrbotten") != std::string::npos);
    CHECK(r.out.find("| 1 | Socialnämndens arbetsutskott | 2023-03-16 | Berett |") != std::string::npos);
    CHECK(r.out.find("| 2 | Socialnämnden | 2023-03-30 | Föreslaget vidare |") != std::string::npos);
    CHECK(r.out.find("Ej beslutat: Föreslaget vidare av Socialnämnden 2023-03-30; nästa: Kommunstyrelsen") != std::string::npos);
    CHECK(r.out.find("Ej beslutat: Berett av Socialnämndens arbetsutskott 2023-03-16; nästa: Socialnämnden 2023-03-30") != std::string::npos);
    Run csv = Cli("export " + DEMO + "norrbotten.json --table decisions");
    REQUIRE(csv.code == 0);
    CHECK(csv.out.find(";Socialnämndens arbetsutskott;;Ett av elva ärenden till socialnämnden;;1\r\n") != std::string::npos);
}

TEST_CASE("portfolio: the director's question over several files, in every format") {
    std::string files = DEMO + "halsam-vasternorrland.json " + DEMO + "familjehem-vasternorrland.json " + DEMO + "utvecklingsarbete-2017.json " +
                        DEMO + "norrbotten.json";
    Run j = Cli("portfolio --party kramfors --year 2017 --format json --as-of 2017-01-20 " + files);
    REQUIRE(j.code == 0);
    nlohmann::json p = nlohmann::json::parse(j.out);
    // The pinned shape, and total_kr is the sum of amount_kr.
    CHECK(p["party"] == "Kramfors");
    CHECK(p["year"] == 2017);
    REQUIRE(p["workspaces"].size() == 3);
    int64_t sum = 0;
    for (auto& w : p["workspaces"]) {
        for (const char* k : {"name", "amount_kr", "in_kind_kr", "pending"}) CHECK(w.contains(k));
        for (auto& x : w["pending"]) for (const char* k : {"matter", "deadline", "send_by"}) CHECK(x.contains(k));
        sum += w["amount_kr"].get<int64_t>();
    }
    CHECK(p["total_kr"] == sum);
    CHECK(p["workspaces"][2]["name"] == "Länsgemensamt utvecklingsarbete i socialtjänsten 2017");
    CHECK(p["workspaces"][2]["amount_kr"] == 294695);
    CHECK(p.size() == 4);
    Run md = Cli("portfolio --party Kramfors --year 2017 --as-of 2017-01-20 " + files);
    REQUIRE(md.code == 0);
    CHECK(md.out.find("# Kramfors: alla samverkansområden 2017") == 0);
    CHECK(md.out.find("294\xC2\xA0" "695\xC2\xA0kr") != std::string::npos);
    CHECK(md.out.find("Inte part i: Norrbotten") != std::string::npos);
    Run html = Cli("portfolio --party Kramfors --year 2017 --format html --lang en " + files);
    REQUIRE(html.code == 0);
    CHECK(html.out.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.out.find("<th scope=\"col\"") != std::string::npos);
    Run csv = Cli("portfolio --party Kramfors --format csv " + files);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.out.find("Länsgemensamt utvecklingsarbete i socialtjänsten 2017;2017;294695\r\n") != std::string::npos);
}

TEST_CASE("portfolio: an unknown party, a bad year or format is one line and exit 2") {
    std::string file = DEMO + "halsam-vasternorrland.json";
    for (auto [args, says] : std::vector<std::pair<std::string, std::string>>{
             {"portfolio --party Gotland " + file, "no party \"Gotland\" in any of the 1 workspaces"},
             {"portfolio --party Kramfors --year tjugo " + file, "--year \"tjugo\" is not a year"},
             {"portfolio --party Kramfors --format xlsx " + file, "--format takes md, csv, json or html"},
             {"portfolio --party Kramfors", "portfolio needs one or more FILE.json"},
             {"portfolio " + file, "portfolio needs --party NAME"}}) {
        Run r = Cli(args);
        INFO(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(says) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

TEST_CASE("report --sections: only those, in that order; an unknown one is named") {
    std::string demo = std::string(SAMVERKAN_SOURCE_DIR) + "/demo/halsam-vasternorrland.json";
    Run r = Cli("report " + demo + " --sections costs,summary --as-of 2024-05-01");
    REQUIRE(r.code == 0);
    size_t costs = r.out.find("## Kostnader"), summary = r.out.find("## Sammanfattning");
    REQUIRE(costs != std::string::npos);
    REQUIRE(summary != std::string::npos);
    CHECK(costs < summary);
    CHECK(r.out.find("## Parter") == std::string::npos);
    // The default: the summary first.
    Run d = Cli("report " + demo + " --as-of 2024-05-01");
    CHECK(d.out.find("## Sammanfattning") < d.out.find("## Beslut"));
    Run bad = Cli("report " + demo + " --sections costs,budget");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("unknown section \"budget\"") != std::string::npos);
    CHECK(Cli("report " + demo + " --sections costs,costs").err.find("named twice") != std::string::npos);
}
