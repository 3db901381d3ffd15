// The .xlsx export read back as Excel users would open it: samverkan-cli writes a workbook for
// every demo, LibreOffice (Debian's, headless) converts each sheet to CSV, and every figure is
// compared with core's own: parties, the decision matrix in words, costs per party and year,
// cost items, scenarios side by side, and the totals as SUM formulas.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include "costs.h"
#include "csv.h"
#include "demos.h"
#include "i18n.h"
#include "json_io.h"
#include "workbook.h"

namespace {

const char* kDemos[] = {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten", "utvecklingsarbete-2017",
                        "kommunforbundet-vasternorrland"};
const std::string kAsOf = "2024-05-01";

std::string Slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

int Sh(const std::string& cmd) { return std::system(cmd.c_str()); }

using Table = std::vector<std::vector<std::string>>;

// The demos as workbooks, and LibreOffice's CSV of each sheet: values, and formulas.
struct Converted {
    std::string dir = std::string(TEST_TMP_DIR) + "/xlsx";
    bool ok = false;
    Converted() {
        Sh("rm -rf '" + dir + "' && mkdir -p '" + dir + "/values' '" + dir + "/formulas'");
        std::string files;
        for (const char* id : kDemos) {
            std::string out = dir + "/" + id + ".xlsx";
            std::string cmd = std::string(SAMVERKAN_CLI) + " export " + SAMVERKAN_SOURCE_DIR + "/demo/" + id + ".json --format xlsx --output '" + out +
                              "' --as-of " + kAsOf;
            if (Sh(cmd) != 0) return;
            files += " '" + out + "'";
        }
        // UTF-8, comma-separated, every sheet (-1); raw values, then formulas as written.
        std::string lo = "soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to ";
        std::string values = "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'";
        std::string formulas = "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,true,false,-1'";
        ok = Sh(lo + values + " --outdir '" + dir + "/values'" + files + " >/dev/null 2>&1") == 0 &&
             Sh(lo + formulas + " --outdir '" + dir + "/formulas'" + files + " >/dev/null 2>&1") == 0;
    }
    Table Sheet(const std::string& demo, const std::string& sheet, bool as_formulas = false) const {
        std::string text = Slurp(dir + (as_formulas ? "/formulas/" : "/values/") + demo + "-" + sheet + ".csv");
        return sam::ParseCsv(text, ',');
    }
};

const Converted& Books() {
    static Converted c;
    return c;
}

sam::Workspace Demo(const std::string& id) { return sam::LoadWorkspace(*sam::FindDemo(id)).workspace; }

// A whole number as LibreOffice writes it raw ("124969", "-1775").
int64_t Int(const std::string& s) { return std::llround(std::strtod(s.c_str(), nullptr)); }

std::map<std::string, std::vector<std::string>> ByFirstColumn(const Table& t) {
    std::map<std::string, std::vector<std::string>> m;
    for (size_t r = 1; r < t.size(); ++r) if (!t[r].empty()) m[t[r][0]] = t[r];
    return m;
}

}  // namespace

TEST_CASE("every demo's workbook opens in LibreOffice with five sheets") {
    REQUIRE(Books().ok);
    for (const char* id : kDemos) {
        sam::Workspace ws = Demo(id);
        sam::Budget b = sam::ComputeBudget(ws);
        int year = sam::YearToShow(b, 0, kAsOf).year;
        for (const std::string& sheet : std::vector<std::string>{"Parter", "Beslut", "Kostnader per part", "Kostnadsposter", "Scenarier " + std::to_string(year)}) {
            INFO(id << " " << sheet);
            CHECK(Books().Sheet(id, sheet).size() >= 2);
        }
    }
}

TEST_CASE("costs per party and year: every figure is core's, totals are SUM formulas that add up") {
    REQUIRE(Books().ok);
    for (const char* id : kDemos) {
        INFO(id);
        sam::Workspace ws = Demo(id);
        sam::Budget b = sam::ComputeBudget(ws);
        Table t = Books().Sheet(id, "Kostnader per part");
        REQUIRE(t.size() == b.parties.size() + 2);
        REQUIRE(t[0].size() == (size_t)b.Years() + 2);
        CHECK(t[0].back() == "Totalt");
        auto rows = ByFirstColumn(t);
        for (auto& pid : b.parties) {
            const auto& row = rows.at(ws.parties.at(pid).name);
            for (int y = b.first_year; y <= b.last_year; ++y) CHECK(Int(row[1 + y - b.first_year]) == b.PartyAt(pid, y));
            CHECK(Int(row.back()) == b.PartyTotal(pid));
        }
        const auto& total = rows.at("Totalt");
        int64_t all = 0;
        for (int y = b.first_year; y <= b.last_year; ++y) {
            int64_t sum = 0;
            for (auto& pid : b.parties) sum += b.PartyAt(pid, y);
            CHECK(Int(total[1 + y - b.first_year]) == sum);
            all += sum;
        }
        CHECK(Int(total.back()) == all);
        // The totals are formulas in the file, not figures typed in.
        Table f = Books().Sheet(id, "Kostnader per part", true);
        CHECK(f.back()[1].rfind("=SUM(B2:B", 0) == 0);
        CHECK(f[1].back().rfind("=SUM(B2:", 0) == 0);
    }
}

TEST_CASE("cost items per year, parties, and the decision matrix in words") {
    REQUIRE(Books().ok);
    for (const char* id : kDemos) {
        INFO(id);
        sam::Workspace ws = Demo(id);
        sam::Budget b = sam::ComputeBudget(ws);
        Table items = Books().Sheet(id, "Kostnadsposter");
        REQUIRE(items.size() == b.items.size() + 2);
        for (size_t i = 0; i < b.items.size(); ++i)
            for (int y = b.first_year; y <= b.last_year; ++y) CHECK(Int(items[i + 1][1 + y - b.first_year]) == b.At(b.items[i].net, y));
        for (int y = b.first_year; y <= b.last_year; ++y) CHECK(Int(items.back()[1 + y - b.first_year]) == b.At(b.net, y));

        auto parties = ByFirstColumn(Books().Sheet(id, "Parter"));
        REQUIRE(parties.size() == ws.parties.size());
        for (auto& [pid, p] : ws.parties) {
            CHECK(Int(parties.at(p.name)[2]) == p.population);
            CHECK(parties.at(p.name)[1] == std::string(sam::TrEnum(sam::Lang::Sv, "party_kind", sam::ToString(p.kind))));
        }

        Table d = Books().Sheet(id, "Beslut");
        REQUIRE(d.size() == ws.matters.size() + 1);
        size_t r = 1;
        for (auto& [mid, m] : ws.matters) {
            CHECK(d[r][0] == m.title);
            for (size_t c = 2; c < d[0].size(); ++c) {
                std::string pid;
                for (auto& [k, p] : ws.parties) if (p.name == d[0][c]) pid = k;
                REQUIRE(!pid.empty());
                auto it = m.decisions.find(pid);
                std::string want = it == m.decisions.end() ? "" : std::string(sam::TrEnum(sam::Lang::Sv, "status", sam::ToString(it->second.status)));
                CHECK(d[r][c] == want);
            }
            ++r;
        }
    }
}

TEST_CASE("scenarios side by side in the year shown, each with its difference as a formula") {
    REQUIRE(Books().ok);
    bool any = false;
    for (const char* id : kDemos) {
        INFO(id);
        sam::Workspace ws = Demo(id);
        sam::Budget base = sam::ComputeBudget(ws);
        int year = sam::YearToShow(base, 0, kAsOf).year;
        Table t = Books().Sheet(id, "Scenarier " + std::to_string(year));
        REQUIRE(t[0].size() == 2 + 2 * ws.scenarios.size());
        auto rows = ByFirstColumn(t);
        size_t col = 2;
        for (auto& [sid, s] : ws.scenarios) {
            any = true;
            sam::Budget sb = sam::ComputeBudget(ws, &s);
            CHECK(t[0][col] == (s.name.empty() ? sid : s.name));
            for (auto& [pid, p] : ws.parties) {
                if (!rows.count(p.name)) continue;
                const auto& row = rows.at(p.name);
                CHECK(Int(row[1]) == base.PartyAt(pid, year));
                CHECK(Int(row[col]) == sb.PartyAt(pid, year));
                CHECK(Int(row[col + 1]) == sb.PartyAt(pid, year) - base.PartyAt(pid, year));
            }
            col += 2;
        }
        if (!ws.scenarios.empty()) CHECK(Books().Sheet(id, "Scenarier " + std::to_string(year), true)[1][3] == "=C2-B2");
    }
    CHECK(any);   // at least one demo has scenarios to compare
}

TEST_CASE("the CLI's mistakes are said plainly") {
    std::string cli = SAMVERKAN_CLI;
    std::string demo = std::string(SAMVERKAN_SOURCE_DIR) + "/demo/halsam-vasternorrland.json";
    CHECK(Sh(cli + " export " + demo + " --format xlsx 2>/dev/null") != 0);                       // no --output
    CHECK(Sh(cli + " export " + demo + " --format xlsx --output /nonexistent/x.xlsx 2>/dev/null") == 256);
    CHECK(Sh(cli + " export " + demo + " --format ods --output /tmp/x.ods 2>/dev/null") != 0);
    CHECK(Sh(cli + " export " + demo + " --format xlsx --year 12 --output /tmp/x.xlsx 2>/dev/null") != 0);
}
