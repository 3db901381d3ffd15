// Durable workspaces in one SQLite file: WAL, synchronous=FULL, every accepted
// change committed before it is acknowledged.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>
#include "model.h"

struct sqlite3;

namespace server {

struct WorkspaceInfo {
    std::string id;
    std::string name;
    int64_t revision = 0;
    std::string created;
    std::string updated;
};

class Storage {
public:
    Storage() = default;
    ~Storage();
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    // Opens (creating when missing) the database file. false + error on failure.
    bool Open(const std::string& path, std::string* error);
    void Close();

    std::vector<WorkspaceInfo> List();
    std::optional<WorkspaceInfo> Info(const std::string& id);
    // The state JSON text at the latest revision (or at `revision`).
    std::optional<std::string> State(const std::string& id, int64_t revision = -1);
    // Creates a workspace with its first revision; returns its id.
    std::optional<std::string> Create(const sam::Workspace& ws, const std::string& author, std::string* error);

private:
    bool Exec(const char* sql, std::string* error);
    sqlite3* db_ = nullptr;
    std::mutex mu_;
};

// A random id of 16 hex characters (64 bits), for workspaces.
std::string RandomHex(size_t bytes);
std::string NowIso();

}  // namespace server
