#include "demos.h"

namespace sam {

const std::string* FindDemo(const std::string& id) {
    for (auto& d : EmbeddedDemos())
        if (d.id == id) return &d.text;
    return nullptr;
}

}  // namespace sam
