#include "backup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <vector>

#include "data_lock.h"
#include "storage.h"

namespace server {

namespace fs = std::filesystem;

namespace {

int Fail(const std::string& line) {
    std::fprintf(stderr, "samverkan-server: %s\n", line.c_str());
    return 1;
}

std::string Stamp() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

bool IsDatedBackup(const std::string& name) {
    // samverkan-YYYYMMDD-HHMMSS.sqlite3 (and -2, -3 … when two were made in one second)
    return name.rfind("samverkan-", 0) == 0 && name.size() >= 33 && name.compare(name.size() - 8, 8, ".sqlite3") == 0;
}

// Removes the oldest dated backups in `dir` beyond `keep` (names sort by time).
void Prune(const fs::path& dir, int keep) {
    std::vector<fs::path> dated;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && IsDatedBackup(entry.path().filename().string())) dated.push_back(entry.path());
    std::sort(dated.begin(), dated.end());
    for (size_t i = 0; i + (size_t)keep < dated.size(); ++i) {
        fs::remove(dated[i], ec);
        std::printf("Removed the old backup %s\n", dated[i].c_str());
    }
}

// A free dated name in `dir`.
fs::path DatedName(const fs::path& dir) {
    std::string stamp = Stamp();
    fs::path path = dir / ("samverkan-" + stamp + ".sqlite3");
    for (int n = 2; fs::exists(path); ++n) path = dir / ("samverkan-" + stamp + "-" + std::to_string(n) + ".sqlite3");
    return path;
}

}  // namespace

int RunBackup(const std::string& data_dir, const std::string& target, int keep) {
    std::string db_path = data_dir + "/samverkan.sqlite3";
    if (!fs::exists(db_path)) return Fail("there is no database at " + db_path);
    bool to_folder = target.back() == '/' || fs::is_directory(target);
    if (keep > 0 && !to_folder) return Fail("--keep is for a --backup folder (end it with /), not the file " + target);
    std::error_code ec;
    if (to_folder) fs::create_directories(target, ec);
    fs::path final_path = to_folder ? DatedName(target) : fs::path(target);
    fs::path part = to_folder ? fs::path(final_path.string() + ".part") : final_path;
    Storage storage;
    std::string error;
    if (!storage.Open(db_path, &error)) return Fail("cannot open the database " + db_path + ": " + error);
    if (!storage.Backup(part.string(), &error)) {
        fs::remove(part, ec);
        return Fail("cannot write the backup " + part.string() + ": " + error);
    }
    storage.Close();
    if (part != final_path) {
        fs::rename(part, final_path, ec);
        if (ec) return Fail("cannot name the backup " + final_path.string() + ": " + ec.message());
    }
    std::printf("Backed up %s to %s\n", db_path.c_str(), final_path.c_str());
    if (to_folder && keep > 0) Prune(target, keep);
    return 0;
}

int RunRestore(const std::string& data_dir, const std::string& file) {
    if (!fs::is_regular_file(file)) return Fail("there is no backup file at " + file);
    std::string db_path = data_dir + "/samverkan.sqlite3";
    std::string error;
    if (!fs::is_directory(data_dir)) return Fail("the data folder " + data_dir + " does not exist");
    if (!LockDatabaseFile(db_path, &error)) return Fail(error);   // held until this process ends
    // The backup is read as a database first: a wrong or broken file changes nothing.
    size_t workspaces = 0;
    {
        Storage check;
        std::string copy = data_dir + "/.restore-check.sqlite3";
        std::error_code ec;
        fs::copy_file(file, copy, fs::copy_options::overwrite_existing, ec);
        if (ec) return Fail("cannot read the backup " + file + ": " + ec.message());
        bool ok = check.Open(copy, &error);
        if (ok) workspaces = check.List().size();
        if (ok && workspaces == 0 && check.GetMeta("admin_hash").empty()) {
            ok = false;
            error = "it holds no workspaces and no admin token";
        }
        check.Close();
        if (!ok) {
            fs::remove(copy, ec);
            return Fail(file + " is not a Samverkan database: " + error);
        }
        // What the check opened becomes the database: the same bytes, no second copy to go wrong.
        std::string kept;
        if (fs::exists(db_path)) {
            kept = db_path + ".before-restore-" + std::to_string(std::time(nullptr));
            fs::rename(db_path, kept, ec);
            if (ec) return Fail("cannot move the current database aside: " + ec.message());
            for (const char* side : {"-wal", "-shm"})
                if (fs::exists(db_path + side)) fs::rename(db_path + side, kept + side, ec);
        }
        fs::rename(copy, db_path, ec);
        if (ec) return Fail("cannot put the backup in place: " + ec.message());
        for (const char* side : {"-wal", "-shm"}) fs::remove(copy + side, ec);
        std::printf("Restored %zu workspace%s from %s into %s\n", workspaces, workspaces == 1 ? "" : "s", file.c_str(), db_path.c_str());
        if (!kept.empty()) std::printf("The database it replaced is kept as %s\n", kept.c_str());
    }
    return 0;
}

}  // namespace server
