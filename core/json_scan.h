// A strict, fast JSON reader (RFC 8259) that feeds any nlohmann SAX handler: the same
// events as json::sax_parse, several times faster on large workspace files because
// strings are copied in runs instead of one character at a time.
#pragma once
#include <string>
#include <string_view>
#include "model.h"

namespace sam {

// false when the text is not one valid JSON value, with `error` saying where; also false
// when the handler returns false. Nesting deeper than 512 levels is refused.
bool ScanJson(std::string_view text, json::json_sax_t& sax, std::string& error);

}  // namespace sam
