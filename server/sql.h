// A prepared SQLite statement that finalizes itself: the storage files' one helper.
#pragma once
#include <sqlite3.h>
#include <cstdint>
#include <string>

namespace server {

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Stmt() { sqlite3_finalize(s); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    explicit operator bool() const { return s != nullptr; }
    void Bind(int i, const std::string& v) { sqlite3_bind_text(s, i, v.data(), (int)v.size(), SQLITE_TRANSIENT); }
    void Bind(int i, int64_t v) { sqlite3_bind_int64(s, i, v); }
    int Step() { return s ? sqlite3_step(s) : SQLITE_ERROR; }
    bool Done() { return Step() == SQLITE_DONE; }
    void Reset() { sqlite3_reset(s); }
    std::string Text(int c) { auto p = sqlite3_column_text(s, c); return p ? std::string((const char*)p, sqlite3_column_bytes(s, c)) : ""; }
    int64_t Int(int c) { return sqlite3_column_int64(s, c); }
};

}  // namespace server
