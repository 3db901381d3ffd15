// Finding things in a workspace by a few letters: parties, bodies, members, matters and
// cost items, case-insensitive including å ä ö.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "model.h"

namespace sam {

enum class HitKind { Party, Body, Member, Matter, CostItem };

struct SearchHit {
    HitKind kind;
    std::string id;        // the entity's id (a member's body id for Member)
    std::string sub;       // a member's id
    std::string text;      // what matched, as shown
    std::string context;   // where it is, e.g. the member's body name
};

// Every word of `query` must occur in the hit's text (or context); at most `limit` hits,
// in kind order, then Swedish order of text.
std::vector<SearchHit> Search(const Workspace& ws, std::string_view query, size_t limit = 50);

// Lower case for ASCII and the Latin-1 letters Å Ä Ö É Ü … (UTF-8), for matching; the byte
// length is kept, so a match's place in the folded text is its place in the original.
std::string FoldCase(std::string_view s);

}  // namespace sam
