#!/usr/bin/env bash
# The Debian package that scripts/build.sh deb makes: its contents and dependencies, lintian,
# systemd-analyze verify on its units, the server from the unpacked tree serving the page from
# its default web path, and the service's own settings (env file, admin token file, no demos).
#   package.sh SOURCE_DIR TMP_DIR
set -euo pipefail
src=$1 tmp=$2
deb=$(ls "$src"/build/samverkan_*.deb 2>/dev/null | head -n 1)
[[ -n $deb ]] || { echo "FAIL: no build/samverkan_*.deb (scripts/build.sh deb makes it)"; exit 1; }
rm -rf "$tmp" && mkdir -p "$tmp"
fail=0
ok() { echo "ok - $*"; }
bad() { echo "FAIL - $*"; fail=1; }
server_pid=
trap '[[ -n $server_pid ]] && kill $server_pid 2>/dev/null; true' EXIT

# 1. Contents.
dpkg-deb -c "$deb" | awk '{print $6}' > "$tmp/contents"
for f in ./usr/bin/samverkan-server ./usr/bin/samverkan-cli ./usr/bin/samverkan ./usr/share/samverkan/web/index.html \
         ./usr/share/samverkan/web/samverkan.js ./usr/share/samverkan/web/samverkan.wasm ./lib/systemd/system/samverkan.service \
         ./lib/systemd/system/samverkan-backup.service ./lib/systemd/system/samverkan-backup.timer ./etc/samverkan/samverkan.env \
         ./usr/lib/sysusers.d/samverkan.conf ./usr/share/doc/samverkan/copyright ./usr/share/doc/samverkan/changelog.gz \
         ./usr/share/doc/samverkan/README.md ./usr/share/doc/samverkan/examples/nginx-samverkan.conf ./usr/share/applications/samverkan.desktop \
         ./usr/share/man/man1/samverkan-server.1.gz ./usr/share/man/man1/samverkan-cli.1.gz ./usr/share/man/man1/samverkan.1.gz; do
  grep -qx "$f" "$tmp/contents" && ok "has $f" || bad "missing $f"
done
grep -q '^\./usr/local' "$tmp/contents" && bad "installs into /usr/local" || ok "nothing in /usr/local"

# 2. Control: dependencies from dpkg-shlibdeps, the maintainer scripts, the conffile.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc\\+\\+6 libsqlite3-0 libpq5 libssl3 libcpp-httplib0.11 libglfw3 zlib1g init-system-helpers; do
  grep -qE "(^|, )$lib( |,|$)" <<<"$depends" && ok "depends on $lib" || bad "Depends lacks $lib"
done
dpkg-deb -e "$deb" "$tmp/control"
grep -qx /etc/samverkan/samverkan.env "$tmp/control/conffiles" && ok "samverkan.env is a conffile" || bad "samverkan.env is not a conffile"
for s in postinst prerm postrm; do [[ -x $tmp/control/$s ]] && ok "$s is there" || bad "no $s"; done

# 3. lintian: no errors.
lintian --tag-display-limit 0 "$deb" > "$tmp/lintian.txt" 2>&1 || true
cat "$tmp/lintian.txt"
grep -q '^E:' "$tmp/lintian.txt" && bad "lintian reports errors" || ok "lintian: no errors"
grep -q '^W:' "$tmp/lintian.txt" && bad "lintian warns" || ok "lintian: no warnings"

# 4. The unpacked tree: systemd-analyze verify on its units, hardening present.
dpkg-deb -x "$deb" "$tmp/root"
unit=$tmp/root/lib/systemd/system/samverkan.service
for key in 'User=samverkan' 'StateDirectory=samverkan' 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' \
           'EnvironmentFile=-/etc/samverkan/samverkan.env' 'ExecStart=/usr/bin/samverkan-server'; do
  grep -qx "$key" "$unit" && ok "samverkan.service: $key" || bad "samverkan.service lacks $key"
done
grep -q 'OnCalendar=' "$tmp/root/lib/systemd/system/samverkan-backup.timer" && ok "the backup timer has a calendar" || bad "no OnCalendar"
# verify looks at the tree as a system: it needs systemd's own targets and slices there (copies:
# links out of the root are refused), and finds ExecStart's program in the tree.
cp -n /lib/systemd/system/*.target /lib/systemd/system/*.slice "$tmp/root/lib/systemd/system/"
if systemd-analyze --root="$tmp/root" verify "$unit" "$tmp/root/lib/systemd/system/samverkan-backup.service" \
     "$tmp/root/lib/systemd/system/samverkan-backup.timer" > "$tmp/verify.txt" 2>&1 && [[ ! -s $tmp/verify.txt ]]; then
  ok "systemd-analyze verify passes, with nothing to say"
else
  cat "$tmp/verify.txt"; bad "systemd-analyze verify fails or warns"
fi

# 5. The server from the unpacked tree, started the way the unit starts it (no --web, settings
#    from an env file and an admin token file), serves the page from its default web path.
mkdir -p "$tmp/state" "$tmp/etc"
printf 'test-admin-token-from-a-file\n' > "$tmp/etc/admin-token"
sed -e 's/^SAMVERKAN_PORT=8080/SAMVERKAN_PORT=0/' "$tmp/root/etc/samverkan/samverkan.env" > "$tmp/etc/samverkan.env"
(
  set -a
  SAMVERKAN_DATA=$tmp/state SAMVERKAN_ADMIN_TOKEN_FILE=$tmp/etc/admin-token SAMVERKAN_DEMOS=off
  . "$tmp/etc/samverkan.env"
  set +a
  unset SAMVERKAN_ADMIN_TOKEN
  exec "$tmp/root/usr/bin/samverkan-server"
) > "$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q 'running: http' "$tmp/server.log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/server.log" | head -n 1)
[[ -n $url ]] || { cat "$tmp/server.log"; bad "the unpacked server did not start"; exit 1; }
grep -q "Web: $tmp/root/usr/share/samverkan/web" "$tmp/server.log" && ok "the default web path is the package's" || { cat "$tmp/server.log"; bad "web path"; }
grep -q samverkan.js <<<"$(curl -sf "$url")" && ok "the page is served" || bad "no page"
[[ $(curl -s -o /dev/null -w '%{http_code}' "${url}samverkan.wasm") == 200 ]] && ok "the wasm is served" || bad "no wasm"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer test-admin-token-from-a-file' "${url}api/workspaces") == 200 ]] &&
  ok "the admin token comes from the token file" || bad "admin token file"
[[ $(curl -s "${url}api/workspaces" -H 'Authorization: Bearer test-admin-token-from-a-file') == '{"workspaces":[]}' ]] &&
  ok "no demo workspaces on a service (SAMVERKAN_DEMOS=off)" || bad "demos made"
grep -q '"storage":true' <<<"$(curl -sf "${url}api/health")" && ok "/api/health: the storage answers" || bad "health"
grep -q 'request method=GET route=/api/health status=200' "$tmp/server.log" && ok "requests are logged" || bad "no request line"
grep -q 'test-admin-token-from-a-file' "$tmp/server.log" && bad "the token is in the log" || ok "the token is not in the log"
kill $server_pid; wait $server_pid || true; server_pid=

(( fail == 0 )) && echo "OK: the package"
exit $fail
