#include "files.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <cerrno>
#include <filesystem>
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

namespace {

bool WritePiecesAtomic(const std::string& path, const std::string* pieces, size_t count, std::string* error) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) { if (error) *error = tmp + ": " + std::strerror(errno); return false; }
        for (size_t i = 0; i < count; ++i) f.write(pieces[i].data(), (std::streamsize)pieces[i].size());
        f.flush();
        if (!f) { if (error) *error = tmp + ": write failed"; return false; }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) { if (error) *error = path + ": " + std::strerror(errno); return false; }
    return true;
}

}  // namespace

bool WriteFileAtomic(const std::string& path, const std::vector<std::string>& pieces, std::string* error) {
    return WritePiecesAtomic(path, pieces.data(), pieces.size(), error);
}

bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* error) {
    return WritePiecesAtomic(path, &text, 1, error);
}

BackgroundWriter::BackgroundWriter() : thread_([this] { Run(); }) {}

BackgroundWriter::~BackgroundWriter() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();   // Run() writes what is queued before it ends
}

void BackgroundWriter::Put(std::string path, std::string text) {
    std::vector<std::string> pieces;
    pieces.push_back(std::move(text));
    Put(std::move(path), std::move(pieces));
}

void BackgroundWriter::Put(std::string path, std::vector<std::string> pieces) {
    {
        std::lock_guard lock(mu_);
        auto same = std::find_if(queue_.begin(), queue_.end(), [&](const auto& w) { return w.first == path; });
        if (same != queue_.end()) same->second = std::move(pieces);
        else queue_.emplace_back(std::move(path), std::move(pieces));
    }
    cv_.notify_all();
}

void BackgroundWriter::Flush() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

void BackgroundWriter::Run() {
    std::unique_lock lock(mu_);
    for (;;) {
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;   // stopping, all written
        auto [path, pieces] = std::move(queue_.front());
        queue_.pop_front();
        writing_ = true;
        lock.unlock();
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
        std::string error;
        if (!WriteFileAtomic(path, pieces, &error)) std::fprintf(stderr, "samverkan: %s\n", error.c_str());
        lock.lock();
        writing_ = false;
        cv_.notify_all();
    }
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
