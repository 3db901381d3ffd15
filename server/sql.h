// A prepared statement over either database (db.h): the storage files' one helper.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include "db.h"

namespace server {

struct Stmt {
    std::unique_ptr<Cursor> c;
    Stmt(Db& db, const std::string& sql) : c(db.Prepare(sql)) {}
    explicit operator bool() const { return c && c->Ok(); }
    void Bind(int i, const std::string& v) { c->Bind(i, v); }
    void Bind(int i, int64_t v) { c->Bind(i, v); }
    int Step() { return *this ? c->Step() : kFailed; }
    bool Done() { return Step() == kDone; }
    void Reset() { c->Reset(); }
    std::string Text(int col) { return c->Text(col); }
    int64_t Int(int col) { return c->Int(col); }
};

}  // namespace server
