#!/usr/bin/env bash
# Installs what NetStage needs from Debian 12's archive, and nothing else.
# Idempotent: when every package is present it returns at once.
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
  libbenchmark-dev                          # benchmarks
  tshark                                    # tests check our pcap files dissect cleanly
  xvfb xauth                                # headless GUI screenshots
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "netstage setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo -E apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
