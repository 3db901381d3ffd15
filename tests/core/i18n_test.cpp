#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include "helpers.h"
#include "i18n.h"

using namespace sam;

TEST_CASE("every text has a Swedish and an English version") {
    std::set<std::string_view> seen;
    for (auto key : AllTextKeys()) {
        INFO(key);
        CHECK(seen.insert(key).second);   // no key twice
        CHECK_FALSE(Tr(Lang::Sv, key).empty());
        CHECK_FALSE(Tr(Lang::En, key).empty());
        CHECK(Tr(Lang::Sv, key) != key);
    }
    CHECK(TrF(Lang::Sv, "ui.adopted_of", {"1", "7"}) == "1 av 7 har antagit");
    CHECK(TrF(Lang::En, "ui.adopted_of", {"1", "7"}) == "1 of 7 have adopted");
    CHECK(TrEnum(Lang::Sv, "status", "adopted_with_conditions") == "Antaget med villkor");
    CHECK(Tr(Lang::Sv, "no.such.key") == "no.such.key");
}

TEST_CASE("every text key the code uses is in the table") {
    std::set<std::string> keys;
    for (auto k : AllTextKeys()) keys.insert(std::string(k));
    std::regex used("\"((ui|err|warn|alloc|report|paper|annex|csv|slide)\\.[a-z_]+)\"");
    int files = 0;
    for (const char* dir : {"core", "ui", "web", "native", "server", "cli"}) {
        std::filesystem::path p = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / dir;
        if (!std::filesystem::exists(p)) continue;
        for (auto& f : std::filesystem::directory_iterator(p)) {
            if (f.path().extension() != ".cpp" && f.path().extension() != ".h") continue;
            if (f.path().filename() == "i18n.cpp") continue;
            ++files;
            std::ifstream in(f.path());
            std::stringstream ss;
            ss << in.rdbuf();
            std::string text = ss.str();
            for (std::sregex_iterator it(text.begin(), text.end(), used), end; it != end; ++it) {
                if ((*it)[1].str().size() > 2 && (*it)[1].str().substr((*it)[1].str().size() - 2) == ".h") continue;  // an #include
                INFO(f.path().string() << " " << (*it)[1].str());
                CHECK(keys.count((*it)[1].str()) == 1);
            }
        }
    }
    CHECK(files > 20);
}
