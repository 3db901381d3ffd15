// Durable workspaces: in one SQLite file (WAL, synchronous=FULL) by default, or in a
// PostgreSQL database (db.h). Every accepted change is committed before it is acknowledged.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>
#include "db.h"
#include "model.h"

namespace server {

struct WorkspaceInfo {
    std::string id;
    std::string name;
    int64_t revision = 0;
    std::string created;
    std::string updated;
    bool archived = false;   // read-only for every link until restored
    int links = 0;           // links that open it
};

enum class Role { None, View, Edit };
const char* RoleName(Role r);          // "edit", "view", ""
Role RoleFromName(const std::string& s);

// A named link to a workspace: its token is shown once and stored only as a hash.
struct LinkInfo {
    std::string id;          // stable, in URLs: "l" + 16 hex
    std::string workspace;
    std::string name;        // who holds it ("Anna Svensson, Kramfors"); the author of their changes
    Role role = Role::None;
    std::string created, created_by, last_used;
};

// What a token opens: nothing (role None), or one workspace through one link.
struct TokenInfo {
    std::string workspace;
    Role role = Role::None;
    std::string link_id, link_name;
};

// Who did what to which workspace, for the administrator. Never the erased text itself.
struct AuditEntry {
    std::string time, actor, action, workspace, detail;
};

struct EraseResult {
    bool ok = false;
    int status = 200;        // the HTTP status when not ok
    std::string error;
    int64_t occurrences = 0; // replacements made
    int64_t rows = 0;        // stored rows changed (revisions, snapshots, names, links)
};

// One organisation's view over chosen workspaces, opened read-only by its own token.
struct PortfolioInfo {
    std::string id;                      // "p" + 16 hex
    std::string name;                    // shown as its title; the party's name by default
    std::string party;                   // a name or an organisation number (core/portfolio.h)
    std::vector<std::string> workspaces; // workspace ids, in the order given
    int year = 0;                        // 0: this year
    std::string created, created_by;
};

struct RevisionRow {
    int64_t revision = 0;
    std::string time, author, summary, patch;   // patch: JSON text
    std::string key;                            // the Idempotency-Key it came with ("" if none)
};

// What a writer stores in Append's transaction: its revisions, the workspace's name after
// them, and a snapshot of the state after the last of them ("" for none).
struct AppendPlan {
    std::vector<RevisionRow> rows;
    std::string name, snapshot;
};

// A note one instance leaves for the others (PostgreSQL only).
struct LiveNote {
    std::string instance, kind, value;
    int64_t updated_ms = 0;
};

struct ImportCounts {
    int64_t workspaces = 0, revisions = 0, links = 0, portfolios = 0;
};

class Storage {
public:
    Storage() = default;
    ~Storage();
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    // Opens a SQLite file (created when missing) or, for a postgresql:// URI, a PostgreSQL
    // database (its tables created when missing). false + error on failure.
    bool Open(const std::string& target, std::string* error);
    Dialect Kind() const;
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
    // Creates a workspace with its first revision and its two first links ("Redigering" and
    // "Visning", given as token hashes); returns its id, and in `state_out` the text stored.
    std::optional<std::string> Create(const sam::Workspace& ws, const std::string& author, const std::string& edit_hash,
                                      const std::string& view_hash, std::string* error, std::string* state_out = nullptr);
    // The workspace, role and link a token hash opens (role None when it opens nothing).
    TokenInfo FindToken(const std::string& hash);
    // Notes that a link was used now (kept in memory, written when links are listed or at close).
    void Touch(const std::string& link_id);

    // Links (storage_links.cpp). Each change forgets the tokens it ends at once.
    std::optional<LinkInfo> AddLink(const std::string& workspace, const std::string& name, Role role, const std::string& hash,
                                    const std::string& created_by, std::string* error);
    std::vector<LinkInfo> Links(const std::string& workspace);
    std::optional<LinkInfo> Link(const std::string& workspace, const std::string& link_id);
    bool RemoveLink(const std::string& workspace, const std::string& link_id);
    bool RotateLink(const std::string& workspace, const std::string& link_id, const std::string& new_hash);
    // Portfolios (storage_portfolios.cpp): read-only views of one party over workspaces.
    std::optional<PortfolioInfo> AddPortfolio(PortfolioInfo p, const std::string& hash, std::string* error);
    std::vector<PortfolioInfo> Portfolios();
    std::optional<PortfolioInfo> Portfolio(const std::string& id);
    std::string PortfolioByToken(const std::string& hash);   // its id, "" when the token opens none
    bool RemovePortfolio(const std::string& id);
    void Audit(const std::string& actor, const std::string& action, const std::string& workspace, const std::string& detail);
    std::vector<AuditEntry> AuditLog(int64_t limit);

    // Lifecycle. Archived: read-only for every link. Delete: the workspace, its revisions,
    // snapshots and links are gone, and the file is compacted so their bytes leave it.
    bool SetArchived(const std::string& id, bool archived);
    bool Archived(const std::string& id);
    bool Delete(const std::string& id, const std::string& actor, std::string* error);
    // Replaces `text` everywhere it is stored for the workspace (storage_erase.cpp, core/erase.h),
    // checks that every revision still loads, then compacts the file.
    EraseResult Erase(const std::string& id, const std::string& text, const std::string& actor);
    // The one way revisions are added when several instances share the database. In one
    // transaction: the workspace's row is locked (FOR UPDATE on PostgreSQL; SQLite's write
    // lock), `decide` gets the head revision and the revisions stored after `known` by other
    // instances, and its rows become head+1, head+2 … ; the head advances; on PostgreSQL one
    // NOTIFY (`channel`, payload "tag id revision") goes out with the commit. False + error when
    // the transaction failed (nothing of the plan is stored; see Retryable()).
    bool Append(const std::string& id, int64_t known,
                const std::function<AppendPlan(int64_t head, const std::vector<RevisionRow>& newer)>& decide,
                const std::string& tag, std::string* error);
    // Telling other instances on one PostgreSQL database (nothing to do on SQLite): a NOTIFY
    // "tag id what"; a note kept in live_notes (and notified as "note"); the notes of a workspace.
    bool Notify(const std::string& tag, const std::string& id, const std::string& what);
    bool PutNote(const std::string& tag, const std::string& id, const std::string& instance, const std::string& kind, const std::string& value);
    std::vector<LiveNote> Notes(const std::string& id);
    // After a lost connection (PostgreSQL restarted): open it again. False when it is still away.
    bool Reconnect();
    std::vector<RevisionRow> History(const std::string& id, int64_t limit);
    std::vector<RevisionRow> RevisionsAfter(const std::string& id, int64_t after);
    std::string GetMeta(const std::string& key);
    // The database answers a query (for /api/health).
    bool Reachable();
    bool SetMeta(const std::string& key, const std::string& value);
    // The revision a change sent with this Idempotency-Key became, if one did.
    std::optional<int64_t> RevisionByKey(const std::string& id, const std::string& key);
    // Copies everything stored in `from` (a SQLite store) into this one, in one transaction
    // (storage_import.cpp); refuses when a workspace of `from` is here already.
    bool ImportFrom(Storage& from, ImportCounts& counts, std::string* error);
    // True once for a database: the caller stores the demos (two instances starting on one
    // empty PostgreSQL database store them once).
    bool ClaimDemos();
    // A consistent copy of the database while it is in use (SQLite only: VACUUM INTO).
    bool Backup(const std::string& path, std::string* error);

private:
    bool Exec(const char* sql, std::string* error);
    bool Migrate(std::string* error);
    bool HasColumn(const std::string& table, const std::string& column);
    // Writes freed pages over and shrinks the file and its WAL (after a delete or an erase).
    bool Reclaim(std::string* error);
    void FlushLastUsed();
    void Forget(const std::string& workspace, const std::string& link_id);   // drops cached tokens
    std::unique_ptr<Db> db_;
    // Recursive: Append's decision runs inside its transaction and may read (State, RevisionByKey).
    std::recursive_mutex mu_;
    // Tokens and ids, kept in memory under their own lock (requests check them without
    // waiting behind a commit); what ends a token or a workspace drops it here too.
    std::mutex cache_mu_;
    std::unordered_map<std::string, TokenInfo> tokens_;
    std::unordered_map<std::string, bool> ids_;   // id -> archived
    std::unordered_map<std::string, std::string> last_used_;   // link id -> time, not yet written
};

// A random id of 16 hex characters (64 bits), for workspaces.
std::string RandomHex(size_t bytes);
std::string NowIso();

}  // namespace server
