#!/usr/bin/env bash
# The servers' logs of a whole test run hold no token: not a link's, not the admin's, not an
# access_token query, not an Authorization header. Runs after every other test.
#   log_secrets.sh TEST_TMP_DIR
set -euo pipefail
tmp=$1
mapfile -t logs < <(find "$tmp" "$tmp/pg" -maxdepth 1 -name '*.log' 2>/dev/null; find "$tmp/server-logs" -name '*.log' 2>/dev/null)
(( ${#logs[@]} > 20 )) || { echo "FAIL: only ${#logs[@]} server logs under $tmp: the other tests have not run"; exit 1; }

# Every token the run made: the data folders keep them (links.txt, admin-token).
tokens=$(mktemp)
trap 'rm -f "$tokens"' EXIT
find "$tmp" /tmp -maxdepth 3 \( -name links.txt -o -name admin-token \) -print0 2>/dev/null |
  xargs -0 -r cat | grep -oE '[0-9a-f]{32}' | sort -u > "$tokens" || true
echo test-admin-token >> "$tokens"
echo "$(wc -l < "$tokens") tokens, ${#logs[@]} logs, $(cat "${logs[@]}" | grep -c 'request method=') request lines"

fail=0
if grep -n -F -f "$tokens" "${logs[@]}" | head -5 | grep .; then echo "FAIL: a token is in a log"; fail=1; fi
if grep -n -i -E 'access_token|authorization|bearer |[#&?]t=[0-9a-f]' "${logs[@]}" | head -5 | grep .; then
  echo "FAIL: a log holds a token's query, header or link"; fail=1
fi
# Request lines name the route, never the path: no workspace id, no query.
if grep -h 'request method=' "${logs[@]}" | grep -v -E '^samverkan-server: request method=[A-Z]+ route=(/[a-z0-9:./-]*|other) status=[0-9]{3} ms=[0-9.]+ bytes=[0-9]+$' | head -5 | grep .; then
  echo "FAIL: a request line is not in the documented form"; fail=1
fi
n=$(cat "${logs[@]}" | grep -c 'request method=' || true)
(( n > 1000 )) || { echo "FAIL: only $n request lines: the servers did not log their requests"; fail=1; }
grep -q 'route=/api/workspaces/:id/events status=200' "${logs[@]}" || { echo "FAIL: no event stream was logged"; fail=1; }
(( fail == 0 )) && echo "OK: no token in the logs"
exit $fail
