// Shared by the JSON reader tests: nlohmann's own tree builder behind the SAX interface the
// readers call, and random JSON documents with their mutations.
#pragma once
#include <random>
#include <string>
#include "model.h"

namespace sam::test {

// nlohmann's own tree builder behind the json_sax_t interface ScanJson calls.
struct DomSax : json::json_sax_t {
    nlohmann::detail::json_sax_dom_parser<json> dom;
    explicit DomSax(json& result) : dom(result, false) {}
    bool null() override { return dom.null(); }
    bool boolean(bool v) override { return dom.boolean(v); }
    bool number_integer(number_integer_t v) override { return dom.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return dom.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t& s) override { return dom.number_float(v, s); }
    bool string(string_t& v) override { return dom.string(v); }
    bool binary(binary_t& v) override { return dom.binary(v); }
    bool start_object(std::size_t n) override { return dom.start_object(n); }
    bool key(string_t& v) override { return dom.key(v); }
    bool end_object() override { return dom.end_object(); }
    bool start_array(std::size_t n) override { return dom.start_array(n); }
    bool end_array() override { return dom.end_array(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

struct Gen {
    std::mt19937_64 rng;
    int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
    std::string Space() {
        static const char* ws[] = {"", "", " ", "\n", "\t", "\r\n  "};
        return ws[Int(0, 5)];
    }
    std::string Str() {
        static const char* parts[] = {"a", "Kramfors", "å", "ä", "ö", "Å", "\\n", "\\\"", "\\\\", "\\/", "\\u00e5", "\\u20AC",
                                      "\\ud83d\\ude00", "😀", "€", " ", "\\t", "\\u0000", "BAS-nämnden"};
        std::string s = "\"";
        for (int i = Int(0, 5); i > 0; --i) s += parts[Int(0, 18)];
        return s + "\"";
    }
    std::string Num() {
        static const char* nums[] = {"0", "-0", "1", "-1", "17900", "295000", "0.3", "-12.5", "1e3", "1E-2", "2.5e+10",
                                     "18446744073709551615", "18446744073709551616", "-9223372036854775808",
                                     "-9223372036854775809", "123456789012345678901234567890", "0.1", "3.4e6"};
        return nums[Int(0, 17)];
    }
    std::string Value(int depth) {
        int kind = depth > 4 ? Int(0, 3) : Int(0, 5);
        switch (kind) {
            case 0: return Str();
            case 1: return Num();
            case 2: return Int(0, 2) == 0 ? "true" : Int(0, 1) ? "false" : "null";
            case 3: return Str();
            case 4: {
                std::string s = "{" + Space();
                int n = Int(0, 4);
                for (int i = 0; i < n; ++i) s += (i ? "," : "") + Space() + Str() + Space() + ":" + Space() + Value(depth + 1) + Space();
                return s + "}";
            }
            default: {
                std::string s = "[" + Space();
                int n = Int(0, 4);
                for (int i = 0; i < n; ++i) s += (i ? "," : "") + Space() + Value(depth + 1) + Space();
                return s + "]";
            }
        }
    }
    std::string Mutate(std::string s) {
        static const char bytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', '0', '-', 'e', '.', ' ', 'u', 'x', '\x01',
                                     '\xC3', '\xA5', '\xFF', '\xED', '\xA0', '\x80'};
        int n = Int(1, 3);
        for (int i = 0; i < n && !s.empty(); ++i) {
            size_t at = (size_t)Int(0, (int)s.size() - 1);
            switch (Int(0, 2)) {
                case 0: s.erase(at, 1); break;
                case 1: s.insert(at, 1, bytes[Int(0, 21)]); break;
                default: s[at] = bytes[Int(0, 21)]; break;
            }
        }
        return s;
    }
};


}  // namespace sam::test
