#include "files.h"

#include <GLFW/glfw3.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace native {

bool ReadFile(const std::string& path, std::string& out, std::string* error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) { if (error) *error = std::strerror(errno); return false; }
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* error) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) { if (error) *error = tmp + ": " + std::strerror(errno); return false; }
        f << text;
        f.flush();
        if (!f) { if (error) *error = tmp + ": write failed"; return false; }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) { if (error) *error = path + ": " + std::strerror(errno); return false; }
    return true;
}

bool SaveScreenshot(const std::string& path, int w, int h, std::string* error) {
    std::vector<unsigned char> px((size_t)w * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4)) {
        if (error) *error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace native
