#!/usr/bin/env bash
# Installs what NetStage needs from Debian 12's archive, and nothing else.
# Idempotent: when every package is present it returns at once, without
# touching the network. Runs apt-get directly as root, through sudo otherwise.
#
# Exit codes: 0 everything is installed; 1 a package could not be installed;
# 2 packages are missing and there is no way to become root.
# tests/scripts/setup_test.sh runs this file with stand-ins for dpkg-query,
# apt-get, sudo and id, and checks the exact commands it would run.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config          # the toolchain
  libboost-graph-dev                        # topology and shortest-path routing
  qt6-base-dev                              # the classroom GUI (Qt Widgets)
  qt6-svg-dev                               # sequence charts as PNG (our SVG, rasterised)
  libyaml-cpp-dev                           # scenario files
  nlohmann-json3-dev                        # writing JSON Lines traces
  libsimdjson-dev                           # reading them fast (a million records in a second)
  libcli11-dev                              # the netstage command line
  libgtest-dev libgmock-dev                 # tests
  python3                                   # tests: MIME checked against Python's email package
  libbenchmark-dev                          # benchmarks
  tshark                                    # tests check our pcap files dissect cleanly
  curl                                      # tests: a real SMTP, POP3, IMAP and FTP client for live mode
  xvfb xauth                                # headless GUI screenshots
)

say() { echo "netstage setup: $*" >&2; }

installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]]
}

missing_packages() {
  local p
  for p in "${packages[@]}"; do
    installed "$p" || echo "$p"
  done
}

mapfile -t missing < <(missing_packages)
[[ ${#missing[@]} -eq 0 ]] && exit 0

# As root, apt-get runs as it is; otherwise through sudo. The environment goes
# through `env`, because sudo's -E may be refused by its policy.
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    say "missing ${missing[*]}"
    say "run this script as root, or install sudo, to install them"
    exit 2
  fi
  as_root=(sudo)
fi
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)

say "installing ${missing[*]}"
if ! "${apt[@]}" update -qq; then
  say "apt-get update failed; trying to install from the package lists already here"
fi
if ! "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  say "apt-get install failed"
fi

mapfile -t still_missing < <(missing_packages)
if [[ ${#still_missing[@]} -ne 0 ]]; then
  say "could not install: ${still_missing[*]}"
  say "install them with: apt-get install ${still_missing[*]}"
  exit 1
fi
say "installed ${missing[*]}"
