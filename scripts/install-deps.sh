#!/usr/bin/env bash
# Installs the Debian packages FLAMe Studio builds, tests and benchmarks with (DESIGN.md section 1).
# Idempotent: it asks dpkg first and calls apt-get only for what is missing. Works as root or
# through sudo; otherwise it names the missing packages and fails.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev
  libqt6sql6-sqlite  # only for the naive QSqlQueryModel peer of the browse benchmark
  libqcustomplot-dev libqcustomplot2.1-qt6
  libtorch-dev libgloo-dev libopenblas0-pthread
  libsentencepiece-dev sentencepiece
  libcli11-dev
  xvfb xauth
  python3 python3-torch python3-sentencepiece python3-numpy
)
if [ "${FLAME_FUZZ_DEPS:-0}" = 1 ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo -n)
else
  echo "install-deps: these Debian packages are missing: ${missing[*]}" >&2
  echo "install-deps: run as root, or give this user passwordless sudo, or install them yourself:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update -qq
"${runner[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
