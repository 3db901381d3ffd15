// The desktop's files: reading, atomic writing, screenshots.
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include "app.h"

struct GLFWwindow;

namespace native {

bool ReadFile(const std::string& path, std::string& out, std::string* error);
// Writes to a temporary file beside `path`, then renames it over: never half a file.
bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* error);
bool WriteFileAtomic(const std::string& path, const std::vector<std::string>& pieces, std::string* error);
// Writes files (atomically, in the order given) on a thread of its own, so that a 46 MB kept
// copy does not hold up the window. A text queued for a path replaces one still waiting for
// it. Flush() waits until all is written; the destructor flushes.
class BackgroundWriter {
public:
    BackgroundWriter();
    ~BackgroundWriter();
    void Put(std::string path, std::string text);
    void Put(std::string path, std::vector<std::string> pieces);   // written one after another
    void Flush();
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;

private:
    void Run();
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::pair<std::string, std::vector<std::string>>> queue_;
    bool writing_ = false, stop_ = false;
    std::thread thread_;
};

// Reads the current framebuffer (w x h) into a PNG.
bool SaveScreenshot(const std::string& path, int w, int h, std::string* error);

}  // namespace native
