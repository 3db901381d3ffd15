// The one translation table for every user-visible string (Swedish and English).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sam {

enum class Lang { Sv, En };

// The text for `key` in `lang`; the key itself when the table lacks it (visible, never empty).
std::string_view Tr(Lang lang, std::string_view key);
// Tr with "{0}", "{1}", ... replaced by args.
std::string TrF(Lang lang, std::string_view key, const std::vector<std::string>& args);
// Replaces "{0}", "{1}", ... in a template.
std::string FillArgs(std::string_view tmpl, const std::vector<std::string>& args);
// Names of enum values as users read them: TrEnum(lang, "party_kind", "region").
std::string_view TrEnum(Lang lang, std::string_view group, std::string_view value);
// The same inside a sentence: "3 grupper per kommun", not "per Kommun".
std::string TrEnumNoun(Lang lang, std::string_view group, std::string_view value);
// Every key, for tests that check both languages are filled.
std::vector<std::string_view> AllTextKeys();

}  // namespace sam
