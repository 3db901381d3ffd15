// Erasing a person's data (GDPR article 17) from a workspace and its whole history: every
// occurrence of a text, in any letter case, becomes "[borttaget]" in every string of every
// stored state and patch. Ids may be made from names ("abrahamsson"), and "[" is not
// allowed in an id, so an id that contains the text (or its slug) becomes "borttaget-N"
// wherever it is used: as a key, as a reference, in a patch's path. References and paths
// then still agree, and every revision still loads.
//
// Two passes over every document of a workspace: Collect* finds the ids, AssignIds numbers
// them, Erase* rewrites.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include "i18n.h"
#include "model.h"

namespace sam {

constexpr const char* kErasedText = "[borttaget]";

struct Eraser {
    std::string needle;                      // the text, letter case folded
    std::string slug;                        // Slug(text), for ids made from it ("" when too short)
    std::map<std::string, std::string> ids;  // an id that contains the text -> "borttaget-N"
    std::set<std::string> keys;              // every key seen, so that no new id clashes
    int64_t occurrences = 0;
};

// The text as it is erased: without spaces around it ("Anna " erases "Anna").
std::string_view TrimErasedText(std::string_view text);
// Whether `text` may be erased: "" when so, else why not (a key from the translation
// table with its arguments filled, in `lang`): valid UTF-8, at least 3 characters once
// trimmed, not part of the marker itself.
std::string EraseTextProblem(std::string_view text, Lang lang);
Eraser MakeEraser(std::string_view text);

// Pass 1: the ids in a state (object keys) or a JSON Patch (its paths' tokens and values).
void CollectIdsInState(Eraser& e, const json& state);
void CollectIdsInPatch(Eraser& e, const json& patch);
// Between the passes: each id found gets its "borttaget-N".
void AssignIds(Eraser& e);

// Pass 2: the document with the text gone; `e.occurrences` counts what was replaced.
json EraseInState(Eraser& e, const json& state);
json EraseInPatch(Eraser& e, const json& patch);
std::string EraseInText(Eraser& e, std::string_view text);

}  // namespace sam
