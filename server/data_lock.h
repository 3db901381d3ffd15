// One server process per SQLite file: a second one on the same file would keep its own
// live copies of the workspaces and answer with revisions the first never saw.
#pragma once
#include <string>

namespace server {

// Takes `path`.lock (flock, released when the process ends however it ends) and writes this
// process's id into it. False, with a sentence naming the holder, when another process has it.
bool LockDatabaseFile(const std::string& path, std::string* error);

}  // namespace server
