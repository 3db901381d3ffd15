#!/usr/bin/env bash
# The 50-editor workload, in one run, against samverkan on SQLite, on PostgreSQL with one and
# with two instances, ShareDB 7 in memory and ShareDB with sharedb-postgres on the same
# PostgreSQL cluster (a throwaway one: tests/server/with_postgres.sh). Prints each one's
# throughput, p50 and p99, then the ratios against the targets, OK or OVER.
#   bench/compare_sharedb.sh [SECONDS]        (after ./test or scripts/build.sh native)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-8}
if [[ -z ${SAMVERKAN_TEST_PG_HOST:-} ]]; then exec "$top/tests/server/with_postgres.sh" -- "$0" "$@"; fi
host=$SAMVERKAN_TEST_PG_HOST port=$SAMVERKAN_TEST_PG_PORT
unset SAMVERKAN_TEST_PG_HOST SAMVERKAN_TEST_PG_PORT   # the load program's servers get --db from here
uri() { echo "postgresql://postgres@/$1?host=$host&port=$port"; }
fresh() { dropdb --if-exists -h "$host" -p "$port" -U postgres "$1" 2>/dev/null; createdb -h "$host" -p "$port" -U postgres "$1"; }
load=$top/build/native/samverkan-load
server=$top/build/native/samverkan-server
[[ -x $load && -x $server ]] || { echo "compare_sharedb: build first (scripts/build.sh native)" >&2; exit 1; }
results=$(mktemp)
run() { "$@" | tee /dev/stderr | grep '^RESULT' >>"$results"; }

run "$load" --server "$server" --editors-only --seconds "$seconds" --label samverkan-sqlite
fresh samverkan_one
run "$load" --server "$server" --editors-only --seconds "$seconds" --db "$(uri samverkan_one)" --label samverkan-pg
fresh samverkan_two
run "$load" --server "$server" --editors-only --seconds "$seconds" --db "$(uri samverkan_two)" --instances 2 --label samverkan-pg-2
run node "$top/bench/sharedb_load.mjs" --db memory --seconds "$seconds" --label sharedb-memory
fresh sharedb
psql -X -q -h "$host" -p "$port" -U postgres -d sharedb -f "$top/node_modules/sharedb-postgres/structure.sql" >/dev/null
run node "$top/bench/sharedb_load.mjs" --db postgres --pg "$(uri sharedb)" --seconds "$seconds" --label sharedb-pg

echo
awk '
  { rate[$2] = $3; p50[$2] = $4; p99[$2] = $5; order[n++] = $2 }
  END {
    printf "%-18s %12s %10s %10s\n", "", "changes/s", "p50 ms", "p99 ms"
    for (i = 0; i < n; ++i) printf "%-18s %12.0f %10.2f %10.2f\n", order[i], rate[order[i]], p50[order[i]], p99[order[i]]
    ok = 1
    r = rate["sharedb-pg"] > 0 ? rate["samverkan-pg"] / rate["sharedb-pg"] : 0
    printf "samverkan on PostgreSQL / ShareDB on PostgreSQL: %.1fx (target >= 2x) %s\n", r, (r >= 2 ? "OK" : "OVER"); ok = ok && (r >= 2)
    r = rate["sharedb-pg"] > 0 ? rate["samverkan-pg-2"] / rate["sharedb-pg"] : 0
    printf "samverkan on PostgreSQL, two instances / ShareDB on PostgreSQL: %.1fx\n", r
    printf "samverkan on PostgreSQL p99: %.1f ms (target <= 50 ms) %s\n", p99["samverkan-pg"], p99["samverkan-pg"] <= 50 ? "OK" : "OVER"
    ok = ok && (p99["samverkan-pg"] <= 50)
    r = rate["sharedb-memory"] > 0 ? rate["samverkan-sqlite"] / rate["sharedb-memory"] : 0
    printf "samverkan on SQLite / ShareDB in memory: %.1fx (target >= 1x) %s\n", r, (r >= 1 ? "OK" : "OVER"); ok = ok && (r >= 1)
    exit ok ? 0 : 3
  }' "$results"
