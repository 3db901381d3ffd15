// The desktop's files: reading, atomic writing, screenshots.
#pragma once
#include <string>
#include "app.h"

struct GLFWwindow;

namespace native {

bool ReadFile(const std::string& path, std::string& out, std::string* error);
// Writes to a temporary file beside `path`, then renames it over: never half a file.
bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* error);
// Reads the current framebuffer (w x h) into a PNG.
bool SaveScreenshot(const std::string& path, int w, int h, std::string* error);

}  // namespace native
