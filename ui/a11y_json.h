// The screen reader's tree of a frame as JSON, for the web page's mirror (web/mirror.js).
#pragma once
#include <string>
#include "a11y.h"

namespace ui {

// `scale`: framebuffer pixels to CSS pixels (1 / the device pixel ratio).
std::string A11yJson(const A11yTree& tree, float scale);

}  // namespace ui
