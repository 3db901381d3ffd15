#!/usr/bin/env bash
# Installs on Debian 12 exactly what Samverkan is missing, and nothing else.
#   scripts/setup.sh run    packages to build and run (compilers, libraries, ImGui source)
#   scripts/setup.sh test   the above, plus Chromium, Xvfb and the npm test packages
# A second run with everything present only checks, and downloads nothing.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
profile=${1:-test}

run_pkgs=(cmake g++ make pkg-config xz-utils gzip emscripten nodejs nlohmann-json3-dev libcpp-httplib-dev zlib1g-dev
          libglfw3-dev libsqlite3-dev libpq-dev libssl-dev libstb-dev libxlsxwriter-dev fonts-dejavu-core fonttools zopfli)
test_pkgs=(doctest-dev xvfb xauth xdotool x11-apps libgl1-mesa-dri chromium nodejs npm clang-14 libclang-rt-14-dev libreoffice-calc-nogui poppler-utils postgresql-15
           dpkg-dev lintian systemd nginx-light openssl curl)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly, through passwordless sudo, or explains what to do.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else die "need root to run: $*
  Run it yourself as root (or with sudo), then start this command again."
  fi
}

pkgs=("${run_pkgs[@]}")
[[ $profile == test ]] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  # node and npm may come from outside Debian (the machine image): accept the commands.
  if [[ $p == nodejs ]] && command -v node >/dev/null 2>&1; then continue; fi
  if [[ $p == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || die "apt-get update failed (no network?). Install by hand: apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "could not install: ${missing[*]}
  Install them by hand with: apt-get install ${missing[*]}"
fi

# Dear ImGui 1.86 source, from Debian's source package, into an ignored cache folder.
imgui_dir=${IMGUI_DIR:-$top/.cache/imgui-1.86}
if [[ ! -f $imgui_dir/imgui.cpp ]]; then
  [[ -n ${IMGUI_DIR:-} ]] && die "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp"
  mkdir -p "$top/.cache"
  if ! ls "$top"/.cache/imgui_1.86*.orig.tar.xz >/dev/null 2>&1; then
    src_list=/etc/apt/sources.list.d/debian-src.sources
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
      say "enabling Debian source packages ($src_list)"
      [[ -f /etc/apt/sources.list.d/debian.sources ]] || die "no /etc/apt/sources.list.d/debian.sources to derive deb-src from.
  Get imgui 1.86 source yourself and set IMGUI_DIR to it."
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /tmp/samverkan-src.sources
      as_root cp /tmp/samverkan-src.sources "$src_list"
      as_root apt-get update -qq || die "apt-get update failed while enabling source packages"
    fi
    say "downloading Dear ImGui source (Debian source package imgui)"
    (cd "$top/.cache" && apt-get source --download-only imgui >/dev/null) \
      || die "apt-get source imgui failed. Get imgui 1.86 source yourself and set IMGUI_DIR to it."
  fi
  tar -C "$top/.cache" -xf "$top"/.cache/imgui_1.86*.orig.tar.xz
  [[ -f $imgui_dir/imgui.cpp ]] || die "unpacked ImGui source is not at $imgui_dir"
fi

# npm packages for the browser tests, from the committed lock file.
if [[ $profile == test ]]; then
  if [[ ! -f $top/node_modules/.package-lock.json || $top/package-lock.json -nt $top/node_modules/.package-lock.json ]]; then
    say "installing npm packages (npm ci)"
    (cd "$top" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
fi
say "all present"
