// Durable workspaces in one SQLite file: WAL, synchronous=FULL, every accepted
// change committed before it is acknowledged.
#pragma once
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
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

enum class Role { None, View, Edit };

struct RevisionRow {
    int64_t revision = 0;
    std::string time, author, summary, patch;   // patch: JSON text
};

class Storage {
public:
    Storage() = default;
    ~Storage();
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    // Opens (creating when missing) the database file. false + error on failure.
    bool Open(const std::string& path, std::string* error);
    // Rows written by earlier versions with malformed UTF-8 are repaired; returns how many.
    int RepairText();
    void Close();

    std::vector<WorkspaceInfo> List();
    std::optional<WorkspaceInfo> Info(const std::string& id);
    // Whether a workspace exists: answered from memory after the first time, so that a
    // request's access check never waits behind a commit that is syncing to disk.
    bool Exists(const std::string& id);
    // The state JSON text at the latest revision (or at `revision`).
    std::optional<std::string> State(const std::string& id, int64_t revision = -1);
    // Creates a workspace with its first revision and its two token hashes; returns its id.
    std::optional<std::string> Create(const sam::Workspace& ws, const std::string& author, const std::string& edit_hash,
                                      const std::string& view_hash, std::string* error);
    // The workspace and role a token hash opens (None when it opens nothing).
    std::pair<std::string, Role> FindToken(const std::string& hash);
    // Adds revisions base+1 .. base+rows.size() in one transaction (one sync to disk for
    // all of them); `snapshot` is the state at the last of them, stored when not empty.
    bool AppendBatch(const std::string& id, int64_t base, const std::vector<RevisionRow>& rows, const std::string& name,
                     const std::string& snapshot, std::string* error);
    std::vector<RevisionRow> History(const std::string& id, int64_t limit);
    std::vector<RevisionRow> RevisionsAfter(const std::string& id, int64_t after);
    std::string GetMeta(const std::string& key);
    bool SetMeta(const std::string& key, const std::string& value);
    // A consistent copy of the database while it is in use (SQLite's online backup).
    bool Backup(const std::string& path, std::string* error);

private:
    bool Exec(const char* sql, std::string* error);
    sqlite3* db_ = nullptr;
    std::mutex mu_;
    // Tokens and ids never change once made (workspaces are not deleted): kept in memory
    // under their own lock.
    std::mutex cache_mu_;
    std::unordered_map<std::string, std::pair<std::string, Role>> tokens_;
    std::unordered_set<std::string> ids_;
};

// A random id of 16 hex characters (64 bits), for workspaces.
std::string RandomHex(size_t bytes);
std::string NowIso();

}  // namespace server
