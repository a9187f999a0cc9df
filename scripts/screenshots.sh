#!/usr/bin/env bash
# Renders the player's pictures in docs/images/ offscreen: builds netstage-gui,
# then asks it for one frame per picture (netstage-gui --screenshot OUT.png
# --at-message N [--at-time +MS] FILE). Same trace and cursor, same picture.
#
#   scripts/screenshots.sh            # build dir: build/gui (BUILD_DIR to change)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build/gui}
out=$root/docs/images

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNETSTAGE_BUILD_GUI=ON -DNETSTAGE_BUILD_TESTS=ON -DNETSTAGE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target netstage-gui netstage_gui_sample_trace

gui=$build/gui/netstage-gui
export QT_QPA_PLATFORM=offscreen
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shot() {
  local name=$1
  shift
  "$gui" --screenshot "$out/$name" --size 1600x1000 "$@" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2)
  echo "wrote docs/images/$name"
}

cd "$root"
# The lecture's scenario, run in memory by the player.
shot gui-smtp-command-in-flight.png --at-message 20 --at-time +12 scenarios/01-smtp-alice-to-bob.yaml
shot gui-mail-queue.png --at-message 12 --at-time +4 scenarios/01-smtp-alice-to-bob.yaml
shot gui-pop3-mailbox.png --at-message 40 --at-time +3 --host hamburger.edu scenarios/01-smtp-alice-to-bob.yaml
shot gui-link-down-retry.png --at-message 20 scenarios/07-smtp-relay-retry.yaml

# A saved trace (JSON Lines): the hand-built sample the GUI tests use, with
# an automatic layout, a TCP handshake and a segment lost on the wire.
"$build/tests/gui/netstage_gui_sample_trace" "$work/sample.jsonl"
shot gui-tcp-handshake.png --at-time 47 --host hamburger.edu "$work/sample.jsonl"
shot gui-lost-segment.png --at-message 9 --at-time +36 "$work/sample.jsonl"

# A scenario with a mistake: the picture is the error dialog (exit status 2).
printf 'title: A typo\nseed: 1\nhosts:\n  - {name: alice-pc, role: pc, address: 10.0.1.300}\n' >"$work/typo.yaml"
status=0
(cd "$work" && "$gui" --screenshot "$out/gui-scenario-error.png" typo.yaml 2>/dev/null) || status=$?
[ "$status" -eq 2 ] || { echo "expected the error dialog, got exit status $status" >&2; exit 1; }
echo "wrote docs/images/gui-scenario-error.png"
