#include "utf8.h"

#include <optional>
#include "patch.h"

namespace sam {

namespace {

// Length of the well-formed sequence at s[i], or 0.
size_t SequenceAt(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return i + k < s.size() ? (unsigned char)s[i + k] : 0u; };
    auto cont = [&](size_t k) { unsigned b = byte(k); return b >= 0x80 && b <= 0xBF; };
    unsigned c = byte(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned b = byte(1);
        if (c == 0xE0 && (b < 0xA0 || b > 0xBF)) return 0;   // overlong
        if (c == 0xED && (b < 0x80 || b > 0x9F)) return 0;   // surrogates
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned b = byte(1);
        if (c == 0xF0 && (b < 0x90 || b > 0xBF)) return 0;   // overlong
        if (c == 0xF4 && (b < 0x80 || b > 0x8F)) return 0;   // past U+10FFFF
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

}  // namespace

bool ValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t n = SequenceAt(s, i);
        if (!n) return false;
        i += n;
    }
    return true;
}

std::string RepairUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t n = SequenceAt(s, i);
        if (n) { out.append(s.substr(i, n)); i += n; }
        else { out += "\xEF\xBF\xBD"; ++i; }
    }
    return out;
}

std::string CutUtf8(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    size_t end = max_bytes;
    while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80) --end;   // not inside a character
    return std::string(s.substr(0, end));
}

std::string PercentEncode(std::string_view s) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (plain) out += (char)c;
        else { out += '%'; out += kHex[c >> 4]; out += kHex[c & 15]; }
    }
    return out;
}

std::string JsonText(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::optional<std::string> FindInvalidUtf8(const json& j) {
    // Iterative: the value may be deep.
    std::vector<std::pair<const json*, std::string>> todo = {{&j, ""}};
    while (!todo.empty()) {
        auto [v, path] = todo.back();
        todo.pop_back();
        if (v->is_string()) {
            if (!ValidUtf8(v->get_ref<const std::string&>())) return path;
        } else if (v->is_object()) {
            for (auto it = v->begin(); it != v->end(); ++it) {
                if (!ValidUtf8(it.key())) return path + "/" + RepairUtf8(PointerToken(it.key()));
                todo.push_back({&it.value(), path + "/" + PointerToken(it.key())});
            }
        } else if (v->is_array()) {
            for (size_t i = 0; i < v->size(); ++i) todo.push_back({&(*v)[i], path + "/" + std::to_string(i)});
        }
    }
    return std::nullopt;
}

}  // namespace sam
