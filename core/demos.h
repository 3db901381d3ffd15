// The demo workspaces shipped with Samverkan (demo/*.json, embedded at build time).
#pragma once
#include <string>
#include <vector>
#include "model.h"

namespace sam {

struct DemoFile {
    std::string id;     // file stem, e.g. "halsam-vasternorrland"
    std::string text;   // the workspace JSON
};

const std::vector<DemoFile>& EmbeddedDemos();
// The demo's JSON text, or nullptr for an unknown id.
const std::string* FindDemo(const std::string& id);

}  // namespace sam
