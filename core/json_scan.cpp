#include "json_scan.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace sam {

namespace {

constexpr int kMaxDepth = kMaxJsonDepth;
static_assert(kMaxDepth == 64, "the message below names the limit");

// Bytes that end a plain run inside a string: quote, backslash, controls, non-ASCII.
struct StopTable {
    bool stop[256] = {};
    constexpr StopTable() {
        for (int c = 0; c < 0x20; ++c) stop[c] = true;
        for (int c = 0x80; c < 256; ++c) stop[c] = true;
        stop[(unsigned char)'"'] = stop[(unsigned char)'\\'] = true;
    }
};
constexpr StopTable kStop;

struct Scanner {
    const char* p;
    const char* begin;
    const char* end;
    json::json_sax_t& sax;
    std::string& error;
    std::string buf;   // the current string or key
    const ScanProgress* progress = nullptr;
    size_t skipped = 0;   // a byte order mark before `begin`

    // An object closed; one of the outer ones (a workspace's entity) tells how far the text is read.
    bool ObjectClosed(int depth) {
        if (!sax.end_object()) return false;
        if (progress && depth <= 2) (*progress)(skipped + (size_t)(p - begin));
        return true;
    }

    bool Fail(const char* what) {
        error = std::string("syntax error at byte ") + std::to_string(p - begin) + ": " + what;
        return false;
    }
    void Space() {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    }
    static int Hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool Hex4(unsigned& out) {
        if (end - p < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            int h = Hex(p[i]);
            if (h < 0) return false;
            out = out << 4 | (unsigned)h;
        }
        p += 4;
        return true;
    }
    void PutUtf8(unsigned cp) {
        if (cp < 0x80) buf += (char)cp;
        else if (cp < 0x800) { buf += (char)(0xC0 | cp >> 6); buf += (char)(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) { buf += (char)(0xE0 | cp >> 12); buf += (char)(0x80 | (cp >> 6 & 0x3F)); buf += (char)(0x80 | (cp & 0x3F)); }
        else { buf += (char)(0xF0 | cp >> 18); buf += (char)(0x80 | (cp >> 12 & 0x3F)); buf += (char)(0x80 | (cp >> 6 & 0x3F)); buf += (char)(0x80 | (cp & 0x3F)); }
    }
    // One UTF-8 sequence starting at p (first byte >= 0x80): well-formed, shortest form,
    // no surrogates, at most U+10FFFF.
    bool Utf8() {
        unsigned char c = (unsigned char)*p;
        int len;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else return false;
        if (end - p < len) return false;
        unsigned char c1 = (unsigned char)p[1];
        if (c1 < lo || c1 > hi) return false;
        for (int i = 2; i < len; ++i)
            if (((unsigned char)p[i] & 0xC0) != 0x80) return false;
        buf.append(p, (size_t)len);
        p += len;
        return true;
    }
    // A string after its opening quote, into buf.
    bool String() {
        buf.clear();
        ++p;
        for (;;) {
            const char* run = p;
            while (p < end && !kStop.stop[(unsigned char)*p]) ++p;
            buf.append(run, (size_t)(p - run));
            if (p >= end) return Fail("unterminated string");
            char c = *p;
            if (c == '"') { ++p; return true; }
            if ((unsigned char)c < 0x20) return Fail("control character in a string");
            if ((unsigned char)c >= 0x80) {
                if (!Utf8()) return Fail("invalid UTF-8 in a string");
                continue;
            }
            // An escape.
            if (++p >= end) return Fail("unterminated escape");
            switch (*p++) {
                case '"': buf += '"'; break;
                case '\\': buf += '\\'; break;
                case '/': buf += '/'; break;
                case 'b': buf += '\b'; break;
                case 'f': buf += '\f'; break;
                case 'n': buf += '\n'; break;
                case 'r': buf += '\r'; break;
                case 't': buf += '\t'; break;
                case 'u': {
                    unsigned cp;
                    if (!Hex4(cp)) return Fail("invalid \\u escape");
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low;
                        if (end - p < 6 || p[0] != '\\' || p[1] != 'u') return Fail("high surrogate without its pair");
                        p += 2;
                        if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return Fail("high surrogate without its pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    PutUtf8(cp);
                    break;
                }
                default: return Fail("invalid escape");
            }
        }
    }
    bool Number() {
        const char* start = p;
        bool negative = false, is_float = false;
        if (*p == '-') { negative = true; ++p; }
        if (p >= end) return Fail("invalid number");
        if (*p == '0') ++p;
        else if (*p >= '1' && *p <= '9') while (p < end && *p >= '0' && *p <= '9') ++p;
        else return Fail("invalid number");
        if (p < end && *p == '.') {
            is_float = true;
            ++p;
            if (p >= end || *p < '0' || *p > '9') return Fail("invalid number");
            while (p < end && *p >= '0' && *p <= '9') ++p;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            is_float = true;
            ++p;
            if (p < end && (*p == '+' || *p == '-')) ++p;
            if (p >= end || *p < '0' || *p > '9') return Fail("invalid number");
            while (p < end && *p >= '0' && *p <= '9') ++p;
        }
        std::string text(start, (size_t)(p - start));
        if (!is_float) {
            // Like nlohmann: non-negative integers are unsigned, negative ones signed, and
            // integers too large for either become floating point.
            errno = 0;
            char* stop = nullptr;
            if (negative) {
                long long v = std::strtoll(text.c_str(), &stop, 10);
                if (errno == 0) return sax.number_integer(v);
            } else {
                unsigned long long v = std::strtoull(text.c_str(), &stop, 10);
                if (errno == 0) return sax.number_unsigned(v);
            }
        }
        double d = std::strtod(text.c_str(), nullptr);   // the "C" locale: no program here sets another
        if (!std::isfinite(d)) return Fail("number out of range");
        return sax.number_float(d, text);
    }
    bool Literal(const char* word, size_t len) {
        if ((size_t)(end - p) < len || std::memcmp(p, word, len) != 0) return Fail("invalid literal");
        p += len;
        return true;
    }
    bool Value(int depth) {
        Space();
        if (p >= end) return Fail("unexpected end of input");
        switch (*p) {
            case '{': {
                if (depth >= kMaxDepth) return Fail("nested more than 64 levels deep");
                ++p;
                if (!sax.start_object(std::size_t(-1))) return false;
                Space();
                if (p < end && *p == '}') { ++p; return ObjectClosed(depth); }
                for (;;) {
                    Space();
                    if (p >= end || *p != '"') return Fail("expected a key");
                    if (!String()) return false;
                    if (!sax.key(buf)) return false;
                    Space();
                    if (p >= end || *p != ':') return Fail("expected ':'");
                    ++p;
                    if (!Value(depth + 1)) return false;
                    Space();
                    if (p < end && *p == ',') { ++p; continue; }
                    if (p < end && *p == '}') { ++p; return ObjectClosed(depth); }
                    return Fail("expected ',' or '}'");
                }
            }
            case '[': {
                if (depth >= kMaxDepth) return Fail("nested more than 64 levels deep");
                ++p;
                if (!sax.start_array(std::size_t(-1))) return false;
                Space();
                if (p < end && *p == ']') { ++p; return sax.end_array(); }
                for (;;) {
                    if (!Value(depth + 1)) return false;
                    Space();
                    if (p < end && *p == ',') { ++p; continue; }
                    if (p < end && *p == ']') { ++p; return sax.end_array(); }
                    return Fail("expected ',' or ']'");
                }
            }
            case '"':
                if (!String()) return false;
                return sax.string(buf);
            case 't': return Literal("true", 4) && sax.boolean(true);
            case 'f': return Literal("false", 5) && sax.boolean(false);
            case 'n': return Literal("null", 4) && sax.null();
            default:
                if (*p == '-' || (*p >= '0' && *p <= '9')) return Number();
                return Fail("unexpected character");
        }
    }
};

}  // namespace

bool ScanJson(std::string_view text, json::json_sax_t& sax, std::string& error, const ScanProgress* progress) {
    size_t skipped = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {   // a byte order mark, as editors on Windows write
        text.remove_prefix(3);
        skipped = 3;
    }
    Scanner s{text.data(), text.data(), text.data() + text.size(), sax, error, {}, progress, skipped};
    if (!s.Value(0)) {
        if (error.empty()) error = "stopped by the reader";
        return false;
    }
    s.Space();
    if (s.p != s.end) return s.Fail("text after the JSON value");
    return true;
}

PieceScan::PieceScan(json::json_sax_t& sax, int frame_levels) : sax_(sax), frame_levels_(frame_levels) {}

PieceScan::State PieceScan::Fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
    return state_ = State::Failed;
}

namespace {

// A member's key and its ':', up to its value (false with the scanner's error, if any).
bool MemberKey(Scanner& s) {
    if (*s.p != '"') return s.Fail("expected a key");
    if (!s.String() || !s.sax.key(s.buf)) return false;
    s.Space();
    if (s.p >= s.end || *s.p != ':') return s.Fail("expected ':'");
    ++s.p;
    s.Space();
    return s.p < s.end || s.Fail("unexpected end of input");
}

}  // namespace

// Where values have come whole: just after a ',' or a closing bracket at a frame's level.
void PieceScan::CountBrackets(std::string_view text) {
    for (size_t i = scanned_; i < text.size(); ++i) {
        char c = text[i];
        if (in_string_) {
            if (escape_) escape_ = false;
            else if (c == '\\') escape_ = true;
            else if (c == '"') in_string_ = false;
            continue;
        }
        if (c == '"') in_string_ = true;
        else if (c == '{' || c == '[') ++depth_;
        else if (c == '}' || c == ']') { if (--depth_ <= frame_levels_) safe_ = i + 1; }
        else if (c == ',' && depth_ <= frame_levels_) safe_ = i + 1;
    }
    scanned_ = text.size();
}

PieceScan::State PieceScan::Feed(std::string_view text, bool complete) {
    if (state_ != State::NeedMore) return state_;
    CountBrackets(text);
    if (complete) safe_ = text.size();
    if (!started_ && pos_ == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;   // a byte order mark
    std::string error;
    Scanner s{text.data() + pos_, text.data(), text.data() + safe_, sax_, error, {}, nullptr, 0};
    for (;;) {
        if (started_ && frames_.empty() && stop_after_value) {
            pos_ = (size_t)(s.p - s.begin);
            return state_ = State::Done;
        }
        s.Space();
        pos_ = (size_t)(s.p - s.begin);
        if (pos_ >= safe_) {
            if (!complete) return State::NeedMore;
            if (started_ && frames_.empty()) return state_ = State::Done;
            s.Fail("unexpected end of input");
            return Fail(error);
        }
        if (started_ && frames_.empty()) {
            s.Fail("text after the JSON value");
            return Fail(error);
        }
        char c = *s.p;
        int depth = (int)frames_.size();   // of a value read now
        if (started_) {
            Frame& f = frames_.back();
            char close = f.object ? '}' : ']';
            if (f.expect != 2 && c == close) {
                bool object = f.object;
                ++s.p;
                frames_.pop_back();
                if (!(object ? s.ObjectClosed(depth - 1) : sax_.end_array())) return Fail(error.empty() ? "stopped by the reader" : error);
                if (!frames_.empty()) frames_.back().expect = 1;
                continue;
            }
            if (f.expect == 1) {
                if (c != ',') { s.Fail(f.object ? "expected ',' or '}'" : "expected ',' or ']'"); return Fail(error); }
                ++s.p;
                f.expect = 2;
                continue;
            }
            if (f.object) {   // a member: its key, then its value below
                if (!MemberKey(s)) return Fail(error.empty() ? "stopped by the reader" : error);
                c = *s.p;
            }
            f.expect = 1;
        }
        started_ = true;
        if ((c == '{' || c == '[') && depth < frame_levels_) {   // a frame of its own
            ++s.p;
            if (!(c == '{' ? sax_.start_object(std::size_t(-1)) : sax_.start_array(std::size_t(-1)))) return Fail("stopped by the reader");
            frames_.push_back({c == '{', 0});
            continue;
        }
        if (!s.Value(depth)) return Fail(error.empty() ? "stopped by the reader" : error);
    }
}

Brackets ScanBrackets(std::string_view text, int stop_at) {
    Brackets b;
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > b.deepest && (b.deepest = depth) > stop_at) return b;
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && b.first_closed == std::string_view::npos) b.first_closed = i + 1;
        }
    }
    return b;
}

int JsonDepth(std::string_view text, int stop_at) { return ScanBrackets(text, stop_at).deepest; }

namespace {

// Builds a json value from the scanner's events: nlohmann's own parser is then never needed,
// which keeps it (four instantiations of it) out of the web program.
class DomBuilder : public json::json_sax_t {
public:
    explicit DomBuilder(json& root) : root_(root) {}
    bool null() override { Put(json()); return true; }
    bool boolean(bool v) override { Put(v); return true; }
    bool number_integer(json::number_integer_t v) override { Put(v); return true; }
    bool number_unsigned(json::number_unsigned_t v) override { Put(v); return true; }
    bool number_float(json::number_float_t v, const json::string_t&) override { Put(v); return true; }
    bool string(json::string_t& v) override { Put(std::move(v)); return true; }
    bool binary(json::binary_t&) override { return false; }
    bool start_object(std::size_t) override { stack_.push_back(Put(json::object())); return true; }
    bool key(json::string_t& k) override { key_ = std::move(k); return true; }
    bool end_object() override { stack_.pop_back(); return true; }
    bool start_array(std::size_t) override { stack_.push_back(Put(json::array())); return true; }
    bool end_array() override { stack_.pop_back(); return true; }
    bool parse_error(std::size_t, const std::string&, const json::exception&) override { return false; }

private:
    json* Put(json v) {
        if (stack_.empty()) { root_ = std::move(v); return &root_; }
        json& parent = *stack_.back();
        if (parent.is_array()) { parent.push_back(std::move(v)); return &parent.back(); }
        json& slot = parent[key_];   // a repeated key: the last one counts, as in nlohmann's parser
        slot = std::move(v);
        return &slot;
    }
    json& root_;
    std::vector<json*> stack_;
    std::string key_;
};

}  // namespace

std::optional<json> ParseJsonLimited(std::string_view text, std::string& error) {
    if (JsonDepth(text) > kMaxJsonDepth) {
        error = "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
        return std::nullopt;
    }
    json j;
    DomBuilder dom(j);
    if (!ScanJson(text, dom, error)) return std::nullopt;
    return j;
}

std::string TextOf(const json& obj, const char* key, const std::string& fallback) {
    if (!obj.is_object()) return fallback;
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool BoolOf(const json& obj, const char* key, bool fallback) {
    if (!obj.is_object()) return fallback;
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

int64_t IntOf(const json& obj, const char* key, int64_t fallback) {
    if (!obj.is_object()) return fallback;
    auto it = obj.find(key);
    return it != obj.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

json ReadJson(std::string_view text) {
    std::string error;
    std::optional<json> j = ParseJsonLimited(text, error);
    return j ? std::move(*j) : json(json::value_t::discarded);
}

}  // namespace sam
