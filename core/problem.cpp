#include "problem.h"

namespace sam {

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
