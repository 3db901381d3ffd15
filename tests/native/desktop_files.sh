#!/usr/bin/env bash
# The desktop app's files in a real window under Xvfb: a file opened from the command line
# joins the recent files; after a crash (kill -9) the autosaved copy is offered and restored;
# a clean exit leaves no recovery file; several files open the Portfölj view.
# A national file (46 MB) is read on another thread while the window draws a progress window.
#   desktop_files.sh SAMVERKAN PNG_CHECK OUT_DIR SOURCE_DIR SAMVERKAN_BENCH
set -euo pipefail
app=$1 check=$2 out=$3 src=$4 bench=$5
rm -rf "$out" && mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" XDG_CACHE_HOME="$out/cache"
mkdir -p "$XDG_CACHE_HOME"
win() { xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$@"; }
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; exit 1; }

# 1. A file opened joins the recent files (absolute path); a clean exit leaves no recovery file.
cp "$src/demo/norrbotten.json" "$out/norrbotten.samverkan.json"
(cd "$out" && win norrbotten.samverkan.json --frames 3)
grep -q "\"$out/norrbotten.samverkan.json\"" "$out/config/samverkan/recent.json" || fail "the opened file is in the recent files"
ok "the opened file is in the recent files"
[[ -z "$(ls "$out/state/samverkan" 2>/dev/null | grep recovery || true)" ]] || fail "a clean exit leaves no recovery file"
ok "a clean exit leaves no recovery file"

# 2. An edit, then a crash before saving: the autosave (2 s after the change) survives.
edit='[{"op":"replace","path":"/name","value":"Familjehem – ändrad före kraschen"}]'
win --demo familjehem-vasternorrland --edit "$edit" --frames 100000000 &
for _ in $(seq 1 100); do
  ls "$out/state/samverkan"/recovery-*.json >/dev/null 2>&1 && break
  sleep 0.1
done
ls "$out/state/samverkan"/recovery-*.json >/dev/null 2>&1 || fail "the app autosaves a recovery file"
ok "the app autosaves a recovery file within seconds of a change"
# The app itself (not xvfb-run, and not another test's window): its PID names the file.
recovery=$(ls "$out/state/samverkan"/recovery-*.json | head -n 1)
pid=${recovery##*/recovery-}
kill -9 "${pid%.json}"
wait || true
grep -q "ändrad före kraschen" "$out/state/samverkan"/recovery-*.json || fail "the recovery file holds the change"
ok "after kill -9 the recovery file holds the unsaved change"

# 3. The next start asks (a screenshot of the question), and restoring brings the change back.
win --frames 4 --screenshot "$out/recovery-question.png"
"$check" "$out/recovery-question.png" 1.5
ls "$out/state/samverkan"/recovery-*.json >/dev/null 2>&1 || fail "an unanswered question keeps the recovery file"
ok "the question is shown, and the copy is kept until it is answered"
win --recover yes --frames 3 --save-on-exit "$out/restored.json"
grep -q "ändrad före kraschen" "$out/restored.json" || fail "restoring brings the change back"
ok "restoring brings the unsaved change back"
[[ -z "$(ls "$out/state/samverkan" | grep recovery || true)" ]] || fail "the answered copy is removed"
ok "once answered, the recovery file is gone"
# 4. Several files: the Portfölj view of one party across them; a party in none of them, or a
#    file that does not load, is said with its name and the app does not start.
win "$src/demo/halsam-vasternorrland.json" "$src/demo/familjehem-vasternorrland.json" "$src/demo/utvecklingsarbete-2017.json" \
    --party Kramfors --year 2017 --frames 6 --screenshot "$out/portfolio.png" --size 1280x900
"$check" "$out/portfolio.png" 1.5
ok "three files and --party Kramfors open the Portfölj view"
if win "$src/demo/halsam-vasternorrland.json" "$src/demo/norrbotten.json" --party Gotland --frames 2 2>"$out/gotland.txt"; then
  fail "a party in none of the files is refused"
fi
grep -q 'no party "Gotland" in any of the files' "$out/gotland.txt" || fail "the refusal names the party: $(cat "$out/gotland.txt")"
ok "a party in none of the files is refused, by name"
printf '{"schema_version": 2, "name": ' > "$out/broken.json"
if win "$src/demo/halsam-vasternorrland.json" "$out/broken.json" --frames 2 2>"$out/broken.txt"; then
  fail "a file that does not load stops the portfolio"
fi
grep -q "broken.json" "$out/broken.txt" || fail "the error names the file: $(cat "$out/broken.txt")"
ok "a file that does not load is named"
# 5. A national file: read on another thread while the window keeps drawing and says what it
# reads and how far it has come (a screenshot of that), then shown; a broken file of that size
# is refused by name.
"$bench" --generate "$out/national.json"
win "$out/national.json" --frames 3 --screenshot "$out/national-open.png" --screenshot-opening "$out/national-opening.png" > "$out/national.txt"
line=$(grep -E "^samverkan: opened $out/national.json in [0-9.]+ s, [0-9]+ frames drawn meanwhile, [1-9][0-9]* of them part way$" "$out/national.txt") \
  || fail "the national file opens: $(cat "$out/national.txt")"
drawn=$(echo "$line" | sed -E 's/.* ([0-9]+) frames drawn meanwhile.*/\1/')
(( drawn >= 5 )) || fail "the window keeps drawing while the file is read ($line)"
ok "the national file opens; $line"
"$check" "$out/national-opening.png" 1.5
"$check" "$out/national-open.png" 1.5
ok "the progress window and the opened workspace are drawn (screenshots)"
head -c 9000000 "$out/national.json" > "$out/national-cut.json"
if win "$out/national-cut.json" --frames 3 2> "$out/national-cut.txt"; then fail "a cut national file is refused"; fi
grep -q "^samverkan: cannot open $out/national-cut.json: " "$out/national-cut.txt" || fail "the refusal names the file: $(cat "$out/national-cut.txt")"
ok "a national file cut short is refused by name: $(grep -o 'national-cut.json: .*' "$out/national-cut.txt" | cut -c1-120)"
echo "desktop_files: 1 passed, 0 failed"
