// A strict, fast JSON reader (RFC 8259) that feeds any nlohmann SAX handler: the same
// events as json::sax_parse, several times faster on large workspace files because
// strings are copied in runs instead of one character at a time.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "model.h"

namespace sam {

// How deep any JSON the app reads may nest (a workspace needs 8). Deeper text is refused
// before it is parsed: printing or copying such a value recurses once per level.
inline constexpr int kMaxJsonDepth = 64;

// How far a long read has come: called with the count of bytes read whenever an object at
// most two levels deep closes (a workspace's entity); the text before it is not looked at
// again, so a caller may show progress or let go of that part of a mapped file.
using ScanProgress = std::function<void(size_t read)>;

// false when the text is not one valid JSON value, with `error` saying where; also false
// when the handler returns false. Nesting deeper than kMaxJsonDepth is refused.
bool ScanJson(std::string_view text, json::json_sax_t& sax, std::string& error, const ScanProgress* progress = nullptr);

// A scan of text that arrives in pieces (a download): the same events as ScanJson, given
// as soon as whole values have come. The outer `frame_levels` levels of containers (for a
// workspace 2: the document and its collections) are read bracket by bracket; anything
// deeper (an entity) is read once it has come whole, so no value is ever cut off.
class PieceScan {
public:
    enum class State { NeedMore, Done, Failed };
    PieceScan(json::json_sax_t& sax, int frame_levels);
    // `text`: all that has come so far (the same bytes at its front each time); `complete`
    // when nothing more comes. Done once the value is read: with `stop_after_value`, what
    // follows it is not looked at (it ends at read()); otherwise only white space may.
    State Feed(std::string_view text, bool complete);
    bool stop_after_value = false;
    State state() const { return state_; }
    const std::string& error() const { return error_; }
    size_t read() const { return pos_; }   // bytes read so far

private:
    struct Frame { bool object; int expect; };   // 0 first member or close, 1 ',' or close, 2 member
    State Fail(std::string what);
    void CountBrackets(std::string_view text);
    json::json_sax_t& sax_;
    int frame_levels_;
    State state_ = State::NeedMore;
    std::string error_;
    std::vector<Frame> frames_;
    bool started_ = false;
    size_t pos_ = 0;       // where reading goes on
    size_t safe_ = 0;      // every value that begins before this has come whole
    size_t scanned_ = 0;   // how far the brackets are counted
    int depth_ = 0;
    bool in_string_ = false, escape_ = false;
};

// The deepest nesting of brackets in `text` (outside strings), counting no further than
// `stop_at` + 1: a cheap check before a parser that recurses or builds values.
int JsonDepth(std::string_view text, int stop_at = kMaxJsonDepth);
// The same pass, also saying where the first bracket opened closes again (one past it;
// npos when it never does, or when the nesting went past `stop_at`).
struct Brackets {
    int deepest = 0;
    size_t first_closed = std::string_view::npos;
};
Brackets ScanBrackets(std::string_view text, int stop_at = kMaxJsonDepth);
// Parses `text` when it is valid JSON nested at most kMaxJsonDepth deep; otherwise
// nothing, with `error` saying why (in English, for logs and API answers).
std::optional<json> ParseJsonLimited(std::string_view text, std::string& error);
// The same as a drop-in for json::parse(text, nullptr, false): a discarded value on failure.
json ReadJson(std::string_view text);

// A field of an object when it is there with the expected type, else the fallback (also when
// `obj` is no object). JSON from outside (an answer, a file, a patch) is read with these:
// json::value throws when the field has another type, and a hostile `"path": 3` then ended
// the server's writer thread.
std::string TextOf(const json& obj, const char* key, const std::string& fallback = "");
bool BoolOf(const json& obj, const char* key, bool fallback = false);
int64_t IntOf(const json& obj, const char* key, int64_t fallback = 0);

}  // namespace sam
