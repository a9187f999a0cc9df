#!/usr/bin/env bash
# Runs scripts/setup.sh against stand-ins for dpkg-query, apt-get, sudo and id,
# and checks the exact commands it would run: as root, as a user with sudo, as a
# user without sudo, with everything present, with a package that cannot be
# installed. The stand-ins keep a list of "installed" packages in a folder of
# their own; nothing on this machine is touched.
set -uo pipefail

setup=${1:?usage: setup_test.sh PATH/TO/setup.sh}
bash_bin=$(command -v bash)
env_bin=$(command -v env)
grep_bin=$(command -v grep)
work=$(mktemp -d "${TMPDIR:-/tmp}/netstage-setup-test-XXXXXX")
trap 'rm -rf "$work"' EXIT

all_packages="g++ cmake ninja-build pkg-config libboost-graph-dev qt6-base-dev qt6-svg-dev libyaml-cpp-dev \
nlohmann-json3-dev libsimdjson-dev libcli11-dev libgtest-dev libgmock-dev python3 libbenchmark-dev tshark curl xvfb xauth"

failures=0
fail() { echo "FAIL [$case_name]: $*"; failures=$((failures + 1)); }

# Makes a fresh machine: bin/ holds the stand-ins, state/ what they know and did.
new_machine() {
  case_name=$1
  rm -rf "$work/bin" "$work/state"
  mkdir -p "$work/bin" "$work/state"
  : >"$work/state/installed"; : >"$work/state/log"; : >"$work/state/broken"
  ln -s "$env_bin" "$work/bin/env"
  ln -s "$grep_bin" "$work/bin/grep"  # the stand-ins use it; setup.sh does not
  cat >"$work/bin/dpkg-query" <<'STANDIN'
#!STATE_BASH
# dpkg-query -W -f='${Status}' PACKAGE
package=${!#}
if grep -qxF -- "$package" "$NETSTAGE_TEST_STATE/installed"; then printf 'install ok installed'; exit 0; fi
echo "dpkg-query: no packages found matching $package" >&2
exit 1
STANDIN
  cat >"$work/bin/apt-get" <<'STANDIN'
#!STATE_BASH
echo "apt-get[DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}] $*" >>"$NETSTAGE_TEST_STATE/log"
if [[ $1 == install ]]; then
  status=0
  for arg in "$@"; do
    case $arg in install|-*) continue ;; esac
    if grep -qxF -- "$arg" "$NETSTAGE_TEST_STATE/broken"; then
      echo "E: Unable to locate package $arg" >&2; status=100
    fi
  done
  [[ $status -ne 0 ]] && exit $status
  for arg in "$@"; do
    case $arg in install|-*) continue ;; esac
    echo "$arg" >>"$NETSTAGE_TEST_STATE/installed"
  done
fi
exit 0
STANDIN
  cat >"$work/bin/id" <<'STANDIN'
#!STATE_BASH
[[ $1 == -u ]] && echo "$NETSTAGE_TEST_UID"
STANDIN
  sed -i "s|STATE_BASH|$bash_bin|" "$work/bin/dpkg-query" "$work/bin/apt-get" "$work/bin/id"
  chmod +x "$work/bin/"*
}

with_sudo() {
  cat >"$work/bin/sudo" <<STANDIN
#!$bash_bin
echo "sudo \$*" >>"\$NETSTAGE_TEST_STATE/log"
exec "\$@"
STANDIN
  chmod +x "$work/bin/sudo"
}

installed() { printf '%s\n' "$@" >>"$work/state/installed"; }

# Runs setup.sh with only the stand-ins on PATH, as the given user id.
run_setup() {
  NETSTAGE_TEST_STATE="$work/state" NETSTAGE_TEST_UID=$1 PATH="$work/bin" \
    "$bash_bin" "$setup" >"$work/state/stdout" 2>"$work/state/stderr"
  status=$?
}

expect_status() { [[ $status -eq $1 ]] || fail "exit status $status, expected $1; stderr: $(cat "$work/state/stderr")"; }
expect_log() {
  local expected actual
  expected=$(printf '%s\n' "$@")
  actual=$(cat "$work/state/log")
  [[ "$actual" == "$expected" ]] || fail "commands run:"$'\n'"$actual"$'\n'"expected:"$'\n'"$expected"
}
expect_stderr() { grep -qF -- "$1" "$work/state/stderr" || fail "stderr lacks '$1': $(cat "$work/state/stderr")"; }

# Everything present: nothing runs, not even apt-get update.
new_machine "all present"
installed $all_packages
run_setup 0
expect_status 0
expect_log ""

# As root: apt-get runs directly (no sudo, no stray -E), update first.
new_machine "root, all missing"
run_setup 0
expect_status 0
expect_log "apt-get[DEBIAN_FRONTEND=noninteractive] update -qq" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] install -y -qq --no-install-recommends $all_packages"

# As root with sudo on the machine too: still no sudo.
new_machine "root with sudo present"
with_sudo
run_setup 0
expect_status 0
expect_log "apt-get[DEBIAN_FRONTEND=noninteractive] update -qq" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] install -y -qq --no-install-recommends $all_packages"

# As a user with sudo: every apt-get goes through sudo, with the environment passed by env.
new_machine "user with sudo"
with_sudo
run_setup 1000
expect_status 0
expect_log "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] update -qq" \
           "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $all_packages" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] install -y -qq --no-install-recommends $all_packages"

# Only what is missing is installed.
new_machine "two missing"
installed $(echo "$all_packages" | tr ' ' '\n' | grep -vxF -e tshark -e qt6-svg-dev)
run_setup 0
expect_status 0
expect_log "apt-get[DEBIAN_FRONTEND=noninteractive] update -qq" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] install -y -qq --no-install-recommends qt6-svg-dev tshark"

# As a user without sudo: a clear message, exit 2, and apt-get never runs.
new_machine "user without sudo"
run_setup 1000
expect_status 2
expect_log ""
expect_stderr "run this script as root, or install sudo"

# A package that cannot be installed: exit 1, and the message names it.
new_machine "package cannot be installed"
installed $(echo "$all_packages" | tr ' ' '\n' | grep -vxF -e tshark -e xvfb)
echo tshark >"$work/state/broken"
run_setup 0
expect_status 1
expect_log "apt-get[DEBIAN_FRONTEND=noninteractive] update -qq" \
           "apt-get[DEBIAN_FRONTEND=noninteractive] install -y -qq --no-install-recommends tshark xvfb"
expect_stderr "could not install: tshark xvfb"

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "setup.sh: all cases pass"
