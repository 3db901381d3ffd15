// Random workspaces and random patches (seeded, so a failure repeats): validation
// never crashes, allocations always add up, undo restores the JSON exactly.
#include <functional>
#include <random>
#include "costs.h"
#include "exports.h"
#include "report.h"
#include "helpers.h"
#include "history.h"
#include "patch.h"
#include "validate.h"

using namespace sam;

namespace {

struct Gen {
    std::mt19937_64 rng;
    explicit Gen(uint64_t seed) : rng(seed) {}
    int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
    bool Coin(double p = 0.5) { return std::bernoulli_distribution(p)(rng); }
    template <class T> const T& Pick(const std::vector<T>& v) { return v[(size_t)Int(0, (int)v.size() - 1)]; }

    Workspace RandomWorkspace() {
        Workspace ws;
        ws.name = "Slump " + std::to_string(Int(1, 1000));
        int n = Int(1, 12);
        for (int i = 0; i < n; ++i) {
            Party p;
            p.name = Pick<std::string>({"Åre", "Ånge", "Arjeplog", "Kramfors", "Timrå", "Älvsbyn", "Öckerö", "Umeå", "Kiruna"}) + " " + std::to_string(i);
            p.kind = i == 0 && Coin() ? PartyKind::Region : PartyKind::Municipality;
            p.population = Coin(0.9) ? Int(0, 200000) : 0;
            ws.parties["p" + std::to_string(i)] = p;
            if (Coin(0.8)) ws.costs.participants.push_back("p" + std::to_string(i));
        }
        ws.costs.key.kind = Pick<KeyKind>({KeyKind::Equal, KeyKind::PerCapita, KeyKind::Fixed, KeyKind::RegionSplit, KeyKind::BasePlusPerCapita});
        ws.costs.key.region_percent = Int(0, 100);
        ws.costs.key.base_fee = Int(0, 50000);
        for (auto& id : ws.costs.participants) ws.costs.key.shares[id] = 100.0 / (double)ws.costs.participants.size();
        int items = Int(0, 6);
        for (int i = 0; i < items; ++i) {
            CostItem c;
            c.name = "Post " + std::to_string(i);
            c.first_year = Int(2020, 2024);
            c.last_year = c.first_year + Int(0, 4);
            if (Coin()) c.amount = Int(0, 5000000);
            else { c.fte = Int(0, 40) / 10.0; c.cost_per_fte = Int(500000, 1200000); }
            c.index_percent = Int(0, 50) / 10.0;
            if (Coin(0.3)) c.quantity.push_back({"grupper", (double)Int(1, 4), std::nullopt, {}});
            if (Coin(0.3)) c.quantity.push_back({"kommuner", 1, PartyKind::Municipality, {}});
            ws.cost_items["c" + std::to_string(i)] = c;
        }
        int matters = Int(0, 4);
        for (int i = 0; i < matters; ++i) {
            Matter m;
            m.title = "Ärende " + std::to_string(i);
            m.deadline = "2023-0" + std::to_string(Int(1, 9)) + "-15";
            for (auto& [id, p] : ws.parties)
                if (Coin(0.7)) m.decisions[id].status = Pick<DecisionStatus>(AllValues<DecisionStatus>());
            ws.matters["m" + std::to_string(i)] = m;
        }
        return ws;
    }

    // Any JSON value, from sensible to hostile.
    json RandomValue() {
        switch (Int(0, 9)) {
            case 0: return Int(-5, 300000);
            case 1: return Int(-10, 10) / 4.0;
            case 2: return Pick<std::string>({"adopted", "declined", "pending", "2023-03-30", "municipality", "per_capita", "", "Ö"});
            case 3: return Coin();
            case 4: return nullptr;
            case 5: return json::array({Int(0, 3), "x"});
            case 6: return json{{"name", "Ny"}, {"kind", "municipality"}, {"population", Int(0, 9000)}};
            case 7: return json{{"status", Pick<std::string>({"adopted", "paused", "nej"})}};
            case 8: return json{{"kind", Pick<std::string>({"fixed", "equal", "per_capita", "region_split"})}, {"region_percent", Int(-10, 110)}};
            default: return json::object();
        }
    }

    // A path into the workspace: often one that exists, sometimes not.
    std::string RandomPath(const json& doc) {
        std::string path;
        const json* at = &doc;
        int depth = Int(0, 5);
        for (int d = 0; d < depth; ++d) {
            if (at->is_object() && !at->empty() && Coin(0.9)) {
                auto it = at->begin();
                std::advance(it, Int(0, (int)at->size() - 1));
                path += "/" + PointerToken(it.key());
                at = &*it;
            } else if (at->is_array() && !at->empty() && Coin(0.9)) {
                int i = Int(0, (int)at->size() - 1);
                path += "/" + std::to_string(i);
                at = &(*at)[(size_t)i];
            } else {
                path += "/" + Pick<std::string>({"status", "population", "-", "nytt", "0", "fte"});
                break;
            }
        }
        return path;
    }

    // A leaf that exists, replaced by a value of the same type: what editors mostly send.
    json SensibleEdit(const json& doc) {
        std::vector<std::pair<std::string, const json*>> leaves;
        std::function<void(const json&, const std::string&)> walk = [&](const json& j, const std::string& path) {
            if (j.is_object()) for (auto& [k, v] : j.items()) walk(v, path + "/" + PointerToken(k));
            else if (j.is_array()) for (size_t i = 0; i < j.size(); ++i) walk(j[i], path + "/" + std::to_string(i));
            else if (path != "/schema_version") leaves.push_back({path, &j});
        };
        walk(doc, "");
        auto [path, leaf] = leaves[(size_t)Int(0, (int)leaves.size() - 1)];
        json value;
        if (leaf->is_number_integer()) value = leaf->get<int64_t>() + Int(-1000, 1000);
        else if (leaf->is_number()) value = Int(0, 50) / 10.0;
        else if (leaf->is_boolean()) value = !leaf->get<bool>();
        else value = Pick<std::string>({"adopted", "declined", "pending", "paused", "Nytt namn", "Ånge", "equal", "per_capita", leaf->is_string() ? leaf->get<std::string>() : ""});
        return json::array({OpReplace(path, value)});
    }

    json RandomPatch(const json& doc) {
        if (Coin()) return SensibleEdit(doc);
        json patch = json::array();
        int n = Int(1, 3);
        for (int i = 0; i < n; ++i) {
            std::string op = Pick<std::string>({"add", "remove", "replace", "replace", "replace", "move", "copy", "test"});
            json o = {{"op", op}, {"path", RandomPath(doc)}};
            if (op == "add" || op == "replace" || op == "test") o["value"] = RandomValue();
            if (op == "move" || op == "copy") o["from"] = RandomPath(doc);
            patch.push_back(o);
        }
        return patch;
    }
};

}  // namespace

TEST_CASE("property: random patches on random workspaces") {
    int accepted = 0, rejected = 0;
    for (uint64_t seed = 1; seed <= 150; ++seed) {
        Gen g(seed);
        Workspace ws = g.RandomWorkspace();
        // A generated workspace is itself valid and round-trips.
        LoadResult loaded = LoadWorkspace(SaveWorkspace(ws));
        INFO("seed " << seed);
        REQUIRE(loaded.ok);
        ws = loaded.workspace;
        History h;
        std::vector<std::string> states = {SaveWorkspace(ws)};
        for (int step = 0; step < 25; ++step) {
            json doc = ToJson(ws);
            json patch = g.RandomPatch(doc);
            std::string before = SaveWorkspace(ws);
            PatchResult r = Edit(ws, h, patch);
            if (!r.ok) {
                ++rejected;
                CHECK(SaveWorkspace(ws) == before);
                CHECK_FALSE(r.problems.empty());
                continue;
            }
            ++accepted;
            states.push_back(SaveWorkspace(ws));
            // The forward form replays on the saved JSON (how the server stores revisions).
            CHECK(json::parse(before).patch(r.forward) == json::parse(states.back()));
            // Checks and budgets never crash; every allocation adds up.
            (void)CheckConsistency(ws, "2024-06-01");
            Budget b = ComputeBudget(ws);
            for (int y = 0; y < b.Years(); ++y) {
                int64_t sum = 0;
                for (auto& [party, s] : b.per_party) sum += s[(size_t)y];
                CHECK(sum == b.net[(size_t)y] - b.unallocated[(size_t)y]);
            }
            for (auto& g : b.groups) {
                if (!g.ok) continue;
                for (int y = 0; y < b.Years(); ++y) {
                    int64_t sum = 0;
                    for (auto& [party, s] : g.per_party) sum += s[(size_t)y];
                    CHECK(sum == g.net[(size_t)y]);
                }
            }
        }
        // Undo walks back through every accepted state exactly.
        for (size_t i = states.size() - 1; i > 0; --i) {
            json inv = h.undo.back().patch;
            Workspace copy = ws;
            PatchResult ur = ApplyPatch(copy, inv);
            INFO("undo " << inv.dump() << " -> " << (ur.problems.empty() ? "" : ur.problems[0].path + " " + ur.problems[0].Message(Lang::En)));
            REQUIRE(Undo(ws, h));
            CHECK(SaveWorkspace(ws) == states[i - 1]);
        }
    }
    MESSAGE("accepted " << accepted << ", rejected " << rejected);
    CHECK(accepted > 200);
    CHECK(rejected > 200);
}

TEST_CASE("property: hostile strings in every kind of text field") {
    // NUL, a right-to-left override, 100 000 combining marks, a 4-byte character, a megabyte:
    // taken as text, and everything built from the workspace still works. Malformed UTF-8
    // (a byte that starts nothing, a lone surrogate, an overlong slash) is refused.
    std::string combining = "a";
    for (int i = 0; i < 100000; ++i) combining += "\xCC\x81";   // U+0301
    const std::vector<std::string> text = {std::string("Nämnd\0dold", 10), "\xE2\x80\xAE" "dnammok", combining, "Vård \xF0\x9F\x8F\xA5",
                                           std::string(1 << 20, 'x'), "=HYPERLINK(\"http://x\")", "\r\n\t"};
    const std::vector<std::string> malformed = {"H\xFFrn\xF6sand", "\xED\xA0\x80", "\xC0\xAF", "kort\xC3"};
    int accepted = 0, refused = 0;
    for (const char* demo : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten"}) {
        Workspace ws = LoadDemo(demo);
        std::vector<std::string> paths;
        std::function<void(const json&, const std::string&)> walk = [&](const json& j, const std::string& path) {
            if (j.is_object()) for (auto& [k, v] : j.items()) walk(v, path + "/" + PointerToken(k));
            else if (j.is_array()) for (size_t i = 0; i < j.size(); ++i) walk(j[i], path + "/" + std::to_string(i));
            else if (j.is_string()) paths.push_back(path);
        };
        walk(ToJson(ws), "");
        Gen g(std::hash<std::string>{}(demo));
        for (int n = 0; n < 12; ++n) {
            std::string path = g.Pick(paths);
            INFO(demo << " " << path);
            for (auto& bad : malformed) {
                Workspace copy = ws;
                PatchResult r = ApplyPatch(copy, json::array({OpReplace(path, bad)}));
                CHECK_FALSE(r.ok);
                REQUIRE_FALSE(r.problems.empty());
                CHECK(r.problems[0].code == "err.not_utf8");
                ++refused;
            }
            for (auto& t : text) {
                Workspace copy = ws;
                History h;
                std::string before = SaveWorkspace(copy);
                PatchResult r = Edit(copy, h, json::array({OpReplace(path, t)}));
                if (!r.ok) { ++refused; CHECK(SaveWorkspace(copy) == before); continue; }   // a rule refused it (an id, a date, a code)
                ++accepted;
                std::string saved = SaveWorkspace(copy);
                LoadResult back = LoadWorkspace(saved);
                REQUIRE(back.ok);
                CHECK(SaveWorkspace(back.workspace) == saved);
                (void)CheckConsistency(copy, "2024-06-01");
                for (CsvTable table : {CsvTable::Parties, CsvTable::Members, CsvTable::Decisions, CsvTable::Costs})
                    CHECK(ExportCsv(copy, table, Lang::Sv).rfind("\xEF\xBB\xBF", 0) == 0);
                ReportOptions o;
                o.as_of = "2024-06-01";
                (void)MakeReport(copy, o);
                CHECK(Undo(copy, h));
                CHECK(SaveWorkspace(copy) == before);
            }
        }
    }
    MESSAGE("hostile text: accepted " << accepted << ", refused " << refused);
    CHECK(accepted > 50);
}
