#!/usr/bin/env bash
# Runs the given test programs against a throwaway PostgreSQL 15 cluster: initdb and pg_ctl on
# a Unix socket in a temporary folder (as the postgres user when run as root, since initdb
# refuses root), SAMVERKAN_TEST_PG_HOST/_PORT set for them, the cluster removed afterwards.
#   tests/server/with_postgres.sh PROGRAM [PROGRAM …]
#   tests/server/with_postgres.sh -- COMMAND [ARG …]      (one command with its arguments)
set -uo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $bin/initdb ]] || { echo "with_postgres: no PostgreSQL server (apt-get install postgresql-15)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/samverkan-pg-XXXXXX)
chmod 777 "$tmp"
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=$(( 20000 + RANDOM % 20000 ))
cleanup() {
  as_pg "$bin/pg_ctl" -D "$tmp/standby" -m immediate stop >/dev/null 2>&1
  as_pg "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
as_pg "$bin/initdb" -D "$tmp/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o "-k $tmp -p $port -c listen_addresses='' -c max_connections=300" start >/dev/null \
  || { cat "$tmp/server.log" >&2; exit 1; }
# For the tests that restart PostgreSQL under load.
cat >"$tmp/restart.sh" <<RESTART
#!/usr/bin/env bash
if [[ \$EUID -eq 0 ]]; then exec runuser -u postgres -- "$bin/pg_ctl" -D "$tmp/data" -m fast -w -t 300 restart >/dev/null
else exec "$bin/pg_ctl" -D "$tmp/data" -m fast -w -t 300 restart >/dev/null; fi
RESTART
chmod 755 "$tmp/restart.sh"
# A standby of it (pg_basebackup, streaming), on the next port, for the primary/standby test.
cat >"$tmp/standby.sh" <<STANDBY
#!/usr/bin/env bash
set -e
run() { if [[ \$EUID -eq 0 ]]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
run "$bin/pg_basebackup" -h "$tmp" -p $port -U postgres -D "$tmp/standby" -R -X stream --checkpoint=fast >/dev/null 2>&1
# pg_ctl waits 60 s by default: with the fuzz test on both cores a standby took longer once.
run "$bin/pg_ctl" -D "$tmp/standby" -l "$tmp/standby.log" -w -t 300 -o "-k $tmp -p $((port + 1)) -c listen_addresses='' -c max_connections=300" start >/dev/null
STANDBY
chmod 755 "$tmp/standby.sh"
export SAMVERKAN_TEST_PG_HOST=$tmp SAMVERKAN_TEST_PG_PORT=$port SAMVERKAN_TEST_PG_BIN=$bin SAMVERKAN_TEST_PG_RESTART=$tmp/restart.sh \
       SAMVERKAN_TEST_PG_STANDBY=$tmp/standby.sh SAMVERKAN_TEST_PG_STANDBY_PORT=$((port + 1))
export PATH=$bin:$PATH
if [[ ${1:-} == -- ]]; then
  shift
  "$@"
  exit $?
fi
rc=0
for program in "$@"; do
  echo "== $program on PostgreSQL (socket $tmp, port $port)"
  "$program" || rc=1
done
exit $rc
