// PostgreSQL behind the Db interface, through libpq: text parameters and results, one
// connection, which comes back by itself after PostgreSQL restarts (between transactions).
#include "db.h"

#include <libpq-fe.h>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace server {

namespace {

// The error of a result, with its SQLSTATE so that Retryable() can tell what it was.
std::string ResultError(PGconn* conn, const PGresult* r) {
    std::string msg = r ? PQresultErrorMessage(r) : "";
    if (msg.empty()) msg = PQerrorMessage(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    if (state) msg += std::string(" (SQLSTATE ") + state + ")";
    return msg.empty() ? "no connection to PostgreSQL" : msg;
}

class PostgresDb;

class PostgresCursor : public Cursor {
public:
    PostgresCursor(PostgresDb& db, std::string sql) : db_(db), sql_(std::move(sql)) {}
    ~PostgresCursor() override { PQclear(result_); }
    bool Ok() const override { return true; }
    void Bind(int i, const std::string& v) override { Param(i) = v; }
    void Bind(int i, int64_t v) override { Param(i) = std::to_string(v); }
    int Step() override;
    void Reset() override { PQclear(result_); result_ = nullptr; row_ = -1; }
    std::string Text(int c) override {
        if (!result_ || row_ < 0 || row_ >= PQntuples(result_) || PQgetisnull(result_, row_, c)) return "";
        return std::string(PQgetvalue(result_, row_, c), PQgetlength(result_, row_, c));
    }
    int64_t Int(int c) override { return std::strtoll(Text(c).c_str(), nullptr, 10); }

private:
    std::string& Param(int i) {
        if ((int)params_.size() < i) params_.resize(i);
        return params_[i - 1];
    }
    PostgresDb& db_;
    std::string sql_;
    std::vector<std::string> params_;
    PGresult* result_ = nullptr;
    int row_ = -1;
};

class PostgresDb : public Db {
public:
    explicit PostgresDb(PGconn* conn) : conn_(conn) {}
    ~PostgresDb() override { PQfinish(conn_); }
    Dialect Kind() const override { return Dialect::Postgres; }
    std::unique_ptr<Cursor> Prepare(const std::string& sql) override { return std::make_unique<PostgresCursor>(*this, PostgresSql(sql)); }
    bool Exec(const std::string& sql, std::string* error) override {
        Heal();
        bool idle = PQtransactionStatus(conn_) == PQTRANS_IDLE;
        PGresult* r = PQexec(conn_, sql.c_str());
        bool ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
        if (!ok && idle && Lost()) {   // outside a transaction: once more on a new connection
            PQclear(r);
            r = PQexec(conn_, sql.c_str());
            ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
        }
        Note(r, ok);
        if (!ok && error) *error = error_;
        PQclear(r);
        return ok;
    }
    bool Begin(std::string* error) override { return Exec("BEGIN", error); }
    int64_t Changes() override { return changes_; }
    std::string Error() override { return error_; }
    bool Reconnect() override {
        PQreset(conn_);
        return PQstatus(conn_) == CONNECTION_OK;
    }

    // After a failed statement: the connection went (PostgreSQL restarted) and is back now.
    bool Lost() { return PQstatus(conn_) == CONNECTION_BAD && Reconnect(); }
    // Between transactions, a connection that went (PostgreSQL restarted) is opened again.
    void Heal() {
        if (PQstatus(conn_) == CONNECTION_BAD && PQtransactionStatus(conn_) != PQTRANS_INTRANS) Reconnect();
    }
    // Remembers what a statement changed, or why it failed.
    void Note(PGresult* r, bool ok) {
        if (!ok) { error_ = ResultError(conn_, r); return; }
        const char* n = PQcmdTuples(r);
        if (n && *n) changes_ = std::strtoll(n, nullptr, 10);
    }
    PGconn* conn_;

private:
    int64_t changes_ = 0;
    std::string error_;
};

int PostgresCursor::Step() {
    if (!result_) {
        db_.Heal();
        std::vector<const char*> values;
        for (auto& p : params_) values.push_back(p.c_str());
        bool idle = PQtransactionStatus(db_.conn_) == PQTRANS_IDLE;
        auto run = [&] {
            result_ = PQexecParams(db_.conn_, sql_.c_str(), (int)values.size(), nullptr, values.data(), nullptr, nullptr, 0);
            ExecStatusType st = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
            return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        };
        bool ok = run();
        if (!ok && idle && db_.Lost()) {   // a read outside a transaction: once more on a new connection
            PQclear(result_);
            ok = run();
        }
        db_.Note(result_, ok);
        if (!ok) return kFailed;
    }
    ++row_;
    return row_ < PQntuples(result_) ? kRow : kDone;
}

}  // namespace

bool IsPostgresUri(const std::string& text) {
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Db> OpenPostgres(const std::string& uri, std::string* error) {
    PGconn* conn = PQconnectdb(uri.c_str());
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        if (error) {
            *error = conn ? PQerrorMessage(conn) : "out of memory";
            while (!error->empty() && (error->back() == '\n' || error->back() == ' ')) error->pop_back();
        }
        PQfinish(conn);
        return nullptr;
    }
    auto db = std::make_unique<PostgresDb>(conn);
    // Notices ("relation already exists, skipping") are not errors: keep them off stderr.
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    if (!db->Exec("SET client_encoding = 'UTF8'; SET synchronous_commit = on", error)) return nullptr;
    return db;
}

std::string PostgresSql(const std::string& sql) {
    std::string out;
    int next = 0;
    bool quoted = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (quoted) { out += c; continue; }
        if (c == '?') {
            size_t j = i + 1;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
            out += '$';
            out += j > i + 1 ? sql.substr(i + 1, j - i - 1) : std::to_string(++next);
            i = j - 1;
            continue;
        }
        bool word_start = i == 0 || !(std::isalnum((unsigned char)sql[i - 1]) || sql[i - 1] == '_');
        if (word_start && sql.compare(i, 5, "rowid") == 0 &&
            (i + 5 == sql.size() || !(std::isalnum((unsigned char)sql[i + 5]) || sql[i + 5] == '_'))) {
            out += "seq";
            i += 4;
            continue;
        }
        out += c;
    }
    return out;
}

bool Retryable(const std::string& error) {
    for (const char* s : {"SQLSTATE 40001", "SQLSTATE 40P01", "SQLSTATE 57P01", "SQLSTATE 57P02", "SQLSTATE 57P03",
                          "SQLSTATE 08", "server closed the connection", "no connection to the server",
                          "could not connect", "terminating connection", "connection to server"})
        if (error.find(s) != std::string::npos) return true;
    return false;
}

}  // namespace server
