// Which database the server tests run on. Without SAMVERKAN_TEST_PG_HOST, SQLite in each test's
// --data folder; with it (tests/server/with_postgres.sh sets it and _PORT), a PostgreSQL database
// of the throwaway cluster per data folder: made afresh when the folder is new, kept across a
// restart of the server on the same folder.
#pragma once
#include <stdlib.h>
#include <sys/stat.h>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

inline bool OnPostgres() { return getenv("SAMVERKAN_TEST_PG_HOST") != nullptr; }

// Where the tests keep their data folders: apart for the PostgreSQL run, so that it and the
// SQLite run may go at the same time.
inline std::string TestTmpDir() {
#ifdef TEST_TMP_DIR
    std::string dir = TEST_TMP_DIR;
#else
    std::string dir = "/tmp";
#endif
    if (OnPostgres()) {
        dir += "/pg";
        mkdir(dir.c_str(), 0755);
    }
    return dir;
}

// "t" + a hash of the folder: one database per data folder.
inline std::string TestDbName(const std::string& data) {
    char* real = realpath(data.c_str(), nullptr);
    std::string path = real ? real : data;
    free(real);
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
    char name[24];
    std::snprintf(name, sizeof name, "t%016llx", (unsigned long long)h);
    return name;
}

inline std::string TestDbUri(const std::string& data) {
    return "postgresql://postgres@/" + TestDbName(data) + "?host=" + getenv("SAMVERKAN_TEST_PG_HOST") +
           "&port=" + getenv("SAMVERKAN_TEST_PG_PORT");
}

// The --db to add for the data folder `data` (made now when the folder is new), or "".
inline std::string PrepareTestDb(const std::string& data) {
    if (!OnPostgres()) return "";
    mkdir(data.c_str(), 0755);
    std::string marker = data + "/.test-database";
    if (!std::ifstream(marker)) {
        std::string tools = std::string("-h '") + getenv("SAMVERKAN_TEST_PG_HOST") + "' -p " + getenv("SAMVERKAN_TEST_PG_PORT") + " -U postgres ";
        std::string name = TestDbName(data);
        int rc = std::system(("dropdb --if-exists " + tools + name + " >/dev/null 2>&1; createdb " + tools + name).c_str());
        if (rc != 0) std::fprintf(stderr, "createdb %s failed\n", name.c_str());
        std::ofstream(marker) << name << "\n";
    }
    return TestDbUri(data);
}
