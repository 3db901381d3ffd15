// ScanJson against nlohmann's own parser: the same verdict and the same value for
// valid documents, broken ones and random mutations of both.
#include <algorithm>
#include <random>
#include "helpers.h"
#include "json_gen.h"
#include "json_io.h"
#include "json_scan.h"

using namespace sam;

namespace {

using test::DomSax;
using test::Gen;

// Parses with ScanJson into a tree (nlohmann's own tree builder as the handler).
json ScanToTree(const std::string& text, bool& ok) {
    json result;
    DomSax dom(result);
    std::string error;
    ok = ScanJson(text, dom, error);
    if (ok) CHECK(error.empty());
    else CHECK_FALSE(error.empty());
    return result;
}

void Agree(const std::string& text) {
    json expected = json::parse(text, nullptr, false);
    bool ok = false;
    json got = ScanToTree(text, ok);
    INFO("text: " << text);
    CHECK(ok == !expected.is_discarded());
    if (ok && !expected.is_discarded()) CHECK(got == expected);
}

}  // namespace

TEST_CASE("ScanJson agrees with nlohmann on chosen cases") {
    for (const char* t : {"{}", "[]", "0", "-0", "\"\"", "true", "null", " {\"a\" : [1, 2.5, -3, true, null, \"x\"]} ",
                          "\xEF\xBB\xBF{\"bom\": 1}", "\"\\ud83d\\ude00\"", "\"å ä ö\"", "1e400", "-1e400",
                          "18446744073709551616", "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e",
                          "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\x\"", "\"a\nb\"", "\"\xC3\"", "\"\xC0\xAF\"",
                          "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "tru", "nul", "[1 2]", "{\"a\" 1}", "{1: 2}", "[]]", "{} {}",
                          "\"\\u00E5\"", "\"\\u00e5\"", "[\"\\/\"]", "1.5E+3", "-0.0e-0"})
        Agree(t);
}

TEST_CASE("ScanJson agrees with nlohmann on random documents and their mutations") {
    Gen g{std::mt19937_64(7)};
    int valid = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string doc = g.Space() + g.Value(0) + g.Space();
        Agree(doc);
        std::string bad = g.Mutate(doc);
        Agree(bad);
        valid += !json::parse(bad, nullptr, false).is_discarded();
    }
    MESSAGE("mutations still valid: " << valid << " of 4000");
}

TEST_CASE("ScanJson refuses nesting deeper than 64 levels, with a reason") {
    std::string deep(65, '[');
    deep += std::string(65, ']');
    json result;
    DomSax dom(result);
    std::string error;
    CHECK_FALSE(ScanJson(deep, dom, error));
    CHECK(error.find("nested more than 64 levels deep") != std::string::npos);
    std::string ok(64, '[');
    ok += std::string(64, ']');
    CHECK(ScanJson(ok, dom, error));
    LoadResult r = LoadWorkspace(deep);
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].code == "err.too_deep");
}

TEST_CASE("JsonDepth and ParseJsonLimited: deep text is refused before it is parsed") {
    CHECK(JsonDepth("[1, {\"a\": [2]}]") == 3);
    CHECK(JsonDepth("\"[[[[\"") == 0);                 // brackets in strings do not count
    CHECK(JsonDepth("[\"\\\"[[\"]") == 1);             // nor after an escaped quote
    std::string deep(100000, '[');
    CHECK(JsonDepth(deep) == kMaxJsonDepth + 1);        // stops counting past the limit
    std::string error;
    CHECK_FALSE(ParseJsonLimited(deep + std::string(100000, ']'), error));
    CHECK(error == "nested more than 64 levels deep");
    CHECK_FALSE(ParseJsonLimited("{\"a\":", error));
    CHECK(error.find("syntax error at byte 5") == 0);
    auto j = ParseJsonLimited("{\"a\": [1, 2]}", error);
    REQUIRE(j);
    CHECK((*j)["a"][1] == 2);
}

TEST_CASE("LoadWorkspace tells how far it has read, and never looks back at what it said was read") {
    // A demo as a file, with a byte order mark as Windows editors write.
    std::string text = "\xEF\xBB\xBF" + SaveWorkspace(LoadDemo("halsam-vasternorrland"), true);
    std::string original = text;
    std::vector<size_t> told;
    ScanProgress progress = [&](size_t read) {
        told.push_back(read);
        // What was said to be read is spoiled at once: a reader that went back to it would fail.
        for (size_t i = 0; i < read; ++i) text[i] = '#';
    };
    LoadResult spoiled = LoadWorkspace(text, &progress);
    REQUIRE(spoiled.ok);
    CHECK(SaveWorkspace(spoiled.workspace, false) == SaveWorkspace(LoadWorkspace(original).workspace, false));
    REQUIRE(told.size() > 10);   // entity by entity, not only at the end
    CHECK(std::is_sorted(told.begin(), told.end()));
    CHECK(told.front() > 3);
    size_t end = original.find_last_of('}') + 1;   // the document's last brace: all of it is read
    CHECK(told.back() == end);
    CHECK(text.find_first_not_of('#') == (end == text.size() ? std::string::npos : end));
}
