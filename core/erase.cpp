#include "erase.h"

#include "i18n.h"
#include "patch.h"
#include "search.h"
#include "utf8.h"

namespace sam {

std::string_view TrimErasedText(std::string_view text) {
    size_t a = text.find_first_not_of(" \t\r\n"), b = text.find_last_not_of(" \t\r\n");
    return a == std::string_view::npos ? std::string_view() : text.substr(a, b - a + 1);
}

std::string EraseTextProblem(std::string_view text, Lang lang) {
    if (!ValidUtf8(std::string(text))) return std::string(Tr(lang, "err.not_utf8"));
    text = TrimErasedText(text);
    size_t chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
    if (chars < 3) return std::string(Tr(lang, "erase.too_short"));
    if (FoldCase(kErasedText).find(FoldCase(text)) != std::string::npos) return std::string(Tr(lang, "erase.marker"));
    return "";
}

Eraser MakeEraser(std::string_view text) {
    Eraser e;
    e.needle = FoldCase(text);
    std::string slug = Slug(text);
    if (slug.size() >= 3) e.slug = slug;
    return e;
}

namespace {

bool Contains(const Eraser& e, const std::string& s) {
    std::string folded = FoldCase(s);
    return folded.find(e.needle) != std::string::npos || (!e.slug.empty() && folded.find(e.slug) != std::string::npos);
}

void CollectKey(Eraser& e, const std::string& key) {
    e.keys.insert(key);
    if (IsValidId(key) && Contains(e, key)) e.ids.emplace(key, "");
}

std::vector<std::string> PointerTokens(const std::string& pointer) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        size_t next = pointer.find('/', i + 1);
        std::string raw = pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        std::string token;
        for (size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '~' && k + 1 < raw.size()) { token += raw[k + 1] == '1' ? '/' : '~'; ++k; }
            else token += raw[k];
        }
        out.push_back(token);
        if (next == std::string::npos) break;
        i = next;
    }
    return out;
}

// A whole string: an id found in pass 1 becomes its new id, anything else loses the text.
std::string EraseInValue(Eraser& e, const std::string& s) {
    auto it = e.ids.find(s);
    if (it != e.ids.end()) { ++e.occurrences; return it->second; }
    return EraseInText(e, s);
}

std::string EraseInPointer(Eraser& e, const std::string& pointer) {
    std::string out;
    for (auto& token : PointerTokens(pointer)) out += "/" + PointerToken(EraseInValue(e, token));
    return out;
}

}  // namespace

void CollectIdsInState(Eraser& e, const json& state) {
    if (state.is_object()) {
        for (auto& [key, value] : state.items()) {
            CollectKey(e, key);
            CollectIdsInState(e, value);
        }
    } else if (state.is_array()) {
        for (auto& v : state) CollectIdsInState(e, v);
    }
}

void CollectIdsInPatch(Eraser& e, const json& patch) {
    if (!patch.is_array()) return;
    for (auto& op : patch) {
        if (!op.is_object()) continue;
        for (const char* field : {"path", "from"})
            if (op.contains(field) && op[field].is_string())
                for (auto& token : PointerTokens(op[field].get<std::string>())) CollectKey(e, token);
        if (op.contains("value")) CollectIdsInState(e, op["value"]);
    }
}

void AssignIds(Eraser& e) {
    int n = 0;
    for (auto& [id, replacement] : e.ids) {
        std::string candidate;
        do candidate = "borttaget-" + std::to_string(++n);
        while (e.keys.count(candidate));
        replacement = candidate;
    }
}

std::string EraseInText(Eraser& e, std::string_view text) {
    std::string folded = FoldCase(text);
    if (folded.find(e.needle) == std::string::npos) return std::string(text);
    std::string out;
    size_t at = 0;
    for (size_t hit = folded.find(e.needle); hit != std::string::npos; hit = folded.find(e.needle, at)) {
        out.append(text.substr(at, hit - at));
        out += kErasedText;
        at = hit + e.needle.size();
        ++e.occurrences;
    }
    out.append(text.substr(at));
    return out;
}

json EraseInState(Eraser& e, const json& state) {
    if (state.is_string()) return EraseInValue(e, state.get<std::string>());
    if (state.is_array()) {
        json out = json::array();
        for (auto& v : state) out.push_back(EraseInState(e, v));
        return out;
    }
    if (!state.is_object()) return state;
    json out = json::object();
    for (auto& [key, value] : state.items()) out[EraseInValue(e, key)] = EraseInState(e, value);
    return out;
}

json EraseInPatch(Eraser& e, const json& patch) {
    if (!patch.is_array()) return patch;
    json out = json::array();
    for (auto& op : patch) {
        if (!op.is_object()) { out.push_back(op); continue; }
        json o = op;
        for (const char* field : {"path", "from"})
            if (o.contains(field) && o[field].is_string()) o[field] = EraseInPointer(e, o[field].get<std::string>());
        if (o.contains("value")) o["value"] = EraseInState(e, o["value"]);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace sam
