// SQLite behind the Db interface: one connection (serialized mode), WAL, synchronous=FULL.
#include "db.h"

#include <sqlite3.h>

namespace server {

namespace {

class SqliteCursor : public Cursor {
public:
    SqliteCursor(sqlite3* db, const std::string& sql) { sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr); }
    ~SqliteCursor() override { sqlite3_finalize(s_); }
    bool Ok() const override { return s_ != nullptr; }
    void Bind(int i, const std::string& v) override { sqlite3_bind_text(s_, i, v.data(), (int)v.size(), SQLITE_TRANSIENT); }
    void Bind(int i, int64_t v) override { sqlite3_bind_int64(s_, i, v); }
    int Step() override {
        int rc = s_ ? sqlite3_step(s_) : SQLITE_ERROR;
        return rc == SQLITE_ROW ? kRow : rc == SQLITE_DONE ? kDone : kFailed;
    }
    void Reset() override { sqlite3_reset(s_); }
    std::string Text(int c) override {
        auto p = sqlite3_column_text(s_, c);
        return p ? std::string((const char*)p, sqlite3_column_bytes(s_, c)) : "";
    }
    int64_t Int(int c) override { return sqlite3_column_int64(s_, c); }

private:
    sqlite3_stmt* s_ = nullptr;
};

class SqliteDb : public Db {
public:
    explicit SqliteDb(sqlite3* db) : db_(db) {}
    ~SqliteDb() override { sqlite3_close(db_); }
    Dialect Kind() const override { return Dialect::Sqlite; }
    std::unique_ptr<Cursor> Prepare(const std::string& sql) override { return std::make_unique<SqliteCursor>(db_, sql); }
    bool Exec(const std::string& sql, std::string* error) override {
        char* msg = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK) return true;
        if (error) *error = msg ? msg : "sqlite error";
        sqlite3_free(msg);
        return false;
    }
    bool Begin(std::string* error) override { return Exec("BEGIN IMMEDIATE", error); }
    int64_t Changes() override { return sqlite3_changes(db_); }
    std::string Error() override { return sqlite3_errmsg(db_); }

private:
    sqlite3* db_;
};

}  // namespace

std::unique_ptr<Db> OpenSqlite(const std::string& path, std::string* error) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        if (error) *error = db ? sqlite3_errmsg(db) : "cannot open database";
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    auto out = std::make_unique<SqliteDb>(db);
    // secure_delete: what a delete or an erase frees is overwritten with zeros, not left in the file.
    if (!out->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;", error))
        return nullptr;
    return out;
}

}  // namespace server
