// UTF-8 checks for text that comes from outside (headers, files, other programs): the
// model holds valid UTF-8 only, so every save, answer and event can be written out.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include "model.h"

namespace sam {

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
bool ValidUtf8(std::string_view s);
// Every malformed sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view s);
// At most `max_bytes`, never cutting a character in two.
std::string CutUtf8(std::string_view s, size_t max_bytes);
// For a URL or a header: every byte but A–Z a–z 0–9 - . _ ~ as %XX (UTF-8 stays whole).
std::string PercentEncode(std::string_view s);
// JSON text that can always be written: a malformed byte in a string (which json::dump
// would throw on) comes out as U+FFFD.
std::string JsonText(const json& j);
// The JSON pointer of the first string (or key) in `j` that is not valid UTF-8; nothing if all are.
std::optional<std::string> FindInvalidUtf8(const json& j);

}  // namespace sam
