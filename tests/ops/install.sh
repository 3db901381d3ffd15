#!/usr/bin/env bash
# What the README tells an IT technician, done on this machine: apt install the package, the
# service's user and token, the service's command run as the unit runs it (its user, its
# environment; this machine has no systemd running to start it), the backup timer's command,
# a restore, an upgrade that keeps the settings, and a purge that keeps the data.
#   install.sh SOURCE_DIR TMP_DIR
set -euo pipefail
src=$1 tmp=$2
deb=$(ls "$src"/build/samverkan_*.deb 2>/dev/null | head -n 1)
[[ -n $deb ]] || { echo "FAIL: no build/samverkan_*.deb (scripts/build.sh deb makes it)"; exit 1; }
if [[ $EUID -ne 0 ]]; then
  if sudo -n true 2>/dev/null; then exec sudo -n "$0" "$@"; fi
  echo "FAIL: installing the package needs root (or passwordless sudo)"; exit 1
fi
rm -rf "$tmp" && mkdir -p "$tmp"
fail=0
ok() { echo "ok - $*"; }
bad() { echo "FAIL - $*"; fail=1; }
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq samverkan >/dev/null 2>&1 || true
  rm -rf /var/lib/samverkan /etc/samverkan
}
trap cleanup EXIT
# This machine may run Samverkan for real: then its data is not this test's to remove.
marker=/var/lib/samverkan/.made-by-the-install-test
if { dpkg -s samverkan >/dev/null 2>&1 || [[ -e /var/lib/samverkan ]]; } && [[ ! -e $marker ]]; then
  trap - EXIT
  echo "FAIL: Samverkan is installed on this machine, or /var/lib/samverkan holds data: this test installs and"
  echo "      purges the package and removes that folder. Run it on a build or test machine."
  exit 1
fi
cleanup   # a clean start: no package, no state from an earlier run of this test

# 1. apt install ./samverkan_*.deb
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; bad "apt install"; exit 1; }
touch "$marker"
ok "apt install $(basename "$deb")"
getent passwd samverkan >/dev/null && ok "the user samverkan exists" || bad "no user samverkan"
[[ $(stat -c '%U:%G %a' /etc/samverkan/admin-token) == "root:samverkan 640" ]] && ok "the admin token is root:samverkan 640" || bad "token file rights"
token=$(head -n 1 /etc/samverkan/admin-token)
(( ${#token} >= 32 )) && ok "a token of ${#token} characters was made" || bad "short token"
[[ $(stat -c '%U:%G %a' /var/lib/samverkan) == "samverkan:samverkan 750" ]] && ok "/var/lib/samverkan belongs to the service" || bad "state folder"
[[ -L /etc/systemd/system/multi-user.target.wants/samverkan.service ]] && ok "the service is enabled" || bad "service not enabled"
[[ -L /etc/systemd/system/timers.target.wants/samverkan-backup.timer ]] && ok "the backup timer is enabled" || bad "timer not enabled"

# 2. The unit's ExecStart, as its user, with its Environment= lines then its EnvironmentFile.
run_unit() {   # unit, extra arguments
  local unit=/lib/systemd/system/$1; shift
  local -a env=()
  while IFS= read -r line; do env+=("${line#Environment=}"); done < <(grep '^Environment=' "$unit")
  while IFS= read -r line; do [[ $line =~ ^[A-Z_]+= ]] && env+=("$line"); done < /etc/samverkan/samverkan.env
  local exec; exec=$(grep '^ExecStart=' "$unit"); exec=${exec#ExecStart=}
  local -A value=()
  for kv in "${env[@]}"; do value[${kv%%=*}]=${kv#*=}; done   # the last setting wins, as in systemd
  for name in "${!value[@]}"; do exec=${exec//\$\{$name\}/${value[$name]}}; done   # ${VAR} in ExecStart
  # shellcheck disable=SC2086
  (cd / && exec setpriv --reuid=samverkan --regid=samverkan --init-groups -- env -i "${env[@]}" $exec "$@")
}
start_service() {
  run_unit samverkan.service --port 0 > "$tmp/service.log" 2>&1 &
  for _ in $(seq 100); do grep -q 'running: http' "$tmp/service.log" && break; sleep 0.1; done
  server_pid=$(pgrep -n -u samverkan -f '^/usr/bin/samverkan-server --port 0$' || true)
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/service.log" | head -n 1)
}
stop_service() { kill "$server_pid"; while kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done; server_pid=; }
start_service
[[ -n $url ]] || { cat "$tmp/service.log"; bad "the service did not start"; exit 1; }
grep -q 'Web: /usr/share/samverkan/web' "$tmp/service.log" && ok "the service serves /usr/share/samverkan/web" || bad "web path"
grep -q samverkan.js <<<"$(curl -sf "$url")" && ok "the page is served" || bad "no page"
grep -q '"storage":true' <<<"$(curl -sf "${url}api/health")" && ok "healthy" || bad "health"
created=$(curl -sf -X POST "${url}api/workspaces" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"HälSam","demo":"halsam-vasternorrland"}')
id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$created"); edit=$(sed -E 's/.*"edit_token":"([^"]+)".*/\1/' <<<"$created")
[[ -n $id && $id != "$created" ]] && ok "the admin token from /etc/samverkan/admin-token creates a workspace" || bad "create: $created"
for i in 1 2; do
  curl -sf -X PATCH "${url}api/workspaces/$id" -H "Authorization: Bearer $edit" -H "If-Match: \"$i\"" \
    -H 'Content-Type: application/json-patch+json' -d "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"HälSam $i\"}]" >/dev/null || bad "patch $i"
done
[[ $(stat -c %U /var/lib/samverkan/samverkan.sqlite3) == samverkan ]] && ok "the database belongs to samverkan" || bad "database owner"
grep -q "$token" "$tmp/service.log" && bad "the token is in the service's log" || ok "no token in the service's log"

# 3. The backup timer's command, three times with SAMVERKAN_BACKUP_KEEP=2 in the env file.
echo 'SAMVERKAN_BACKUP_KEEP=2' >> /etc/samverkan/samverkan.env
for _ in 1 2 3; do run_unit samverkan-backup.service > "$tmp/backup.log" 2>&1 || { cat "$tmp/backup.log"; bad "backup"; }; sleep 1; done
n=$(ls /var/lib/samverkan/backups/samverkan-*.sqlite3 | wc -l)
(( n == 2 )) && ok "the backup timer's command keeps 2 backups" || bad "$n backups kept"
newest=$(ls /var/lib/samverkan/backups/samverkan-*.sqlite3 | tail -n 1)
[[ $(stat -c %U "$newest") == samverkan ]] && ok "backups belong to samverkan" || bad "backup owner"

# 4. Restore as the README says: stop, restore as the user, start; the edits are back.
stop_service
echo 'broken' > /var/lib/samverkan/samverkan.sqlite3; rm -f /var/lib/samverkan/samverkan.sqlite3-wal
runuser -u samverkan -- samverkan-server --data /var/lib/samverkan --restore "$newest" > "$tmp/restore.log" 2>&1 &&
  ok "restore: $(head -n 1 "$tmp/restore.log")" || { cat "$tmp/restore.log"; bad "restore"; }
start_service
state=$(curl -sf "${url}api/workspaces/$id" -H "Authorization: Bearer $edit")
grep -q '"revision":3' <<<"$state" && grep -q '"name":"HälSam 2"' <<<"$state" && ok "after the restore the workspace is at revision 3, named HälSam 2" || bad "restored state: ${state:0:200}"
history=$(curl -sf "${url}api/workspaces/$id/history" -H "Authorization: Bearer $edit" | grep -o '"revision":' | wc -l)
(( history == 3 )) && ok "and its history has its 3 revisions" || bad "history has $history revisions"
stop_service

# 5. Upgrade (the same package again): the edited settings and the token stay.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb" > "$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; bad "reinstall"; }
grep -q '^SAMVERKAN_BACKUP_KEEP=2' /etc/samverkan/samverkan.env && ok "an upgrade keeps the edited samverkan.env" || bad "settings lost"
[[ $(head -n 1 /etc/samverkan/admin-token) == "$token" ]] && ok "and the admin token" || bad "token changed"

# 6. Purge: the programs and the token go, the workspaces stay.
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq samverkan > "$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; bad "purge"; }
[[ ! -e /usr/bin/samverkan-server && ! -e /etc/samverkan/admin-token ]] && ok "purge removes the programs and the token" || bad "purge left files"
[[ -f /var/lib/samverkan/samverkan.sqlite3 ]] && ok "and keeps the workspaces in /var/lib/samverkan" || bad "purge removed the data"

(( fail == 0 )) && echo "OK: installed, run, backed up, restored, upgraded and purged"
exit $fail
