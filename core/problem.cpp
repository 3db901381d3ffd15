#include "problem.h"

namespace sam {

std::string Problem::Message(Lang lang) const {
    // An unknown code: the allowed codes with what each means in the reader's language,
    // "municipality (Kommun), region (Region)", since the file must hold the codes.
    if (code == "err.unknown_value" && args.size() >= 3) {
        std::string list, rest = args[1];
        for (size_t at = 0; at <= rest.size();) {
            size_t comma = rest.find(", ", at);
            std::string c = rest.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
            std::string name(TrEnum(lang, args[2], c));
            std::string lower = name;
            for (char& ch : lower) if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
            list += (list.empty() ? "" : ", ") + c + (lower != c ? " (" + name + ")" : "");
            if (comma == std::string::npos) break;
            at = comma + 2;
        }
        return TrF(lang, code, {args[0], list});
    }
    return TrF(lang, code, args);
}

json ToJson(const Problem& p) {
    return {{"severity", p.severity == Severity::Error ? "error" : "warning"},
            {"path", p.path},
            {"code", p.code},
            {"sv", p.Message(Lang::Sv)},
            {"en", p.Message(Lang::En)}};
}

json ToJson(const std::vector<Problem>& ps) {
    json a = json::array();
    for (auto& p : ps) a.push_back(ToJson(p));
    return a;
}

}  // namespace sam
