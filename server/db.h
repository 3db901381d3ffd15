// The one place the two databases differ: SQLite (the embedded default, one file) and
// PostgreSQL (libpq, for several server instances). Storage is written once over this; its
// SQL uses SQLite's spelling (`?`, `?N`, `rowid`), which the PostgreSQL side translates.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

namespace server {

enum class Dialect { Sqlite, Postgres };

// Step()'s answers (SQLite's own numbers, so its side passes them through).
constexpr int kRow = 100;
constexpr int kDone = 101;
constexpr int kFailed = 1;

// One prepared statement: bind by position (1-based), step through the rows.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual bool Ok() const = 0;   // prepared
    virtual void Bind(int i, const std::string& v) = 0;
    virtual void Bind(int i, int64_t v) = 0;
    virtual int Step() = 0;        // kRow, kDone or kFailed
    virtual void Reset() = 0;      // to run again (bindings stay until bound anew)
    virtual std::string Text(int column) = 0;
    virtual int64_t Int(int column) = 0;
};

class Db {
public:
    virtual ~Db() = default;
    virtual Dialect Kind() const = 0;
    virtual std::unique_ptr<Cursor> Prepare(const std::string& sql) = 0;
    // Runs one or more statements without results; false + error on failure.
    virtual bool Exec(const std::string& sql, std::string* error) = 0;
    // Starts a transaction that will write (SQLite takes its write lock at once).
    virtual bool Begin(std::string* error) = 0;
    // Rows changed by the last statement that changed any.
    virtual int64_t Changes() = 0;
    virtual std::string Error() = 0;
    // The connection was lost (PostgreSQL restarted, network): try once to get it back.
    virtual bool Reconnect() { return false; }
};

// Opens a SQLite file (creating it) in WAL mode; nullptr + error on failure.
std::unique_ptr<Db> OpenSqlite(const std::string& path, std::string* error);
// Connects by a libpq URI ("postgresql://user@/samverkan?host=/run/postgresql").
std::unique_ptr<Db> OpenPostgres(const std::string& uri, std::string* error);
// Whether `text` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUri(const std::string& text);

// SQLite's spelling to PostgreSQL's: `?` → `$1, $2…`, `?N` → `$N`, `rowid` → `seq`
// (outside quoted text).
std::string PostgresSql(const std::string& sql);

// Database errors that are worth one more try: the connection went, or PostgreSQL chose
// this transaction as a serialization or deadlock victim.
bool Retryable(const std::string& error);

}  // namespace server
