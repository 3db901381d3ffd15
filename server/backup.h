// Backups of the SQLite store, and putting one back.
//   samverkan-server --data /var/lib/samverkan --backup /var/lib/samverkan/backups/ --keep 14
//   samverkan-server --data /var/lib/samverkan --restore /var/lib/samverkan/backups/samverkan-20261202-031500.sqlite3
#pragma once
#include <string>

namespace server {

// Copies the database of `data_dir` to `target`. A target ending in '/' or naming a folder
// gets a dated file inside (written under another name, then renamed, so a half-written
// copy never looks like a backup); with keep > 0 only the newest `keep` dated files stay.
// Prints what it did; returns the exit status.
int RunBackup(const std::string& data_dir, const std::string& target, int keep);

// Puts the backup `file` in place of the database of `data_dir`. Refused while a server uses
// that folder, and when `file` is no Samverkan database. The database it replaces is renamed,
// not removed. Prints what it did; returns the exit status.
int RunRestore(const std::string& data_dir, const std::string& file);

}  // namespace server
