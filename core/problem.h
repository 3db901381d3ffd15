// A problem found by validation or a consistency check, with its JSON path.
#pragma once
#include <string>
#include <vector>
#include "i18n.h"
#include "model.h"

namespace sam {

enum class Severity { Error, Warning };

struct Problem {
    Severity severity = Severity::Error;
    std::string path;                 // JSON Pointer into the workspace, "" for the whole
    std::string code;                 // key in the translation table, e.g. "err.negative"
    std::vector<std::string> args;    // values for {0}, {1}, ... in the message
    std::string Message(Lang lang) const;
};

inline bool HasErrors(const std::vector<Problem>& ps) {
    for (auto& p : ps) if (p.severity == Severity::Error) return true;
    return false;
}

// {"severity", "path", "code", "sv", "en"}: how problems travel in JSON (CLI, server).
json ToJson(const Problem& p);
json ToJson(const std::vector<Problem>& ps);

}  // namespace sam
