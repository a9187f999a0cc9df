#!/usr/bin/env bash
# The netstage-gui command as a user runs it, outside any test harness:
#   player_command_test.sh help NETSTAGE_GUI        --help and --version without a display
#   player_command_test.sh settings NETSTAGE_GUI SCENARIO
#                                                   a screenshot leaves the user's settings as they were
#   player_command_test.sh long-title NETSTAGE_GUI SCENARIO
#                                                   a 10,000-letter title: the picture has the size asked for
set -euo pipefail

what=$1
gui=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

case $what in
help)
  # No display and no platform chosen: what a user at a bare terminal or
  # over ssh has.
  for flag in --help -h; do
    status=0
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$gui" "$flag" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" -eq 0 ] || fail "$flag exited with $status: $(cat "$work/err")"
    grep -q -- '--screenshot <png>' "$work/out" || fail "$flag does not list --screenshot: $(cat "$work/out")"
    grep -q -- '--at-message <n>' "$work/out" || fail "$flag does not list --at-message"
  done
  status=0
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$gui" --version >"$work/out" 2>"$work/err" || status=$?
  [ "$status" -eq 0 ] || fail "--version exited with $status: $(cat "$work/err")"
  grep -Eq '^netstage-gui [0-9]+\.[0-9]+' "$work/out" || fail "--version printed: $(cat "$work/out")"
  ;;
settings)
  scenario=$3
  # The user's settings, in a folder of this test's own (QSettings reads
  # $XDG_CONFIG_HOME/NetStage/netstage-gui.conf).
  mkdir -p "$work/config/NetStage"
  settings=$work/config/NetStage/netstage-gui.conf
  printf '[General]\nrecentFiles=/home/teacher/lesson.yaml\ntheme=dark\n' >"$settings"
  cp "$settings" "$work/before.conf"
  touch -d '2020-01-01 00:00:00' "$settings"
  XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen \
    "$gui" --screenshot "$work/shot.png" --size 800x600 "$scenario" 2>"$work/err" || fail "screenshot failed: $(cat "$work/err")"
  [ -s "$work/shot.png" ] || fail "no picture written"
  cmp -s "$settings" "$work/before.conf" || fail "the settings changed: $(diff "$work/before.conf" "$settings")"
  [ "$(stat -c %Y "$settings")" = "$(date -d '2020-01-01 00:00:00' +%s)" ] || fail "the settings file was rewritten"
  extra=$(find "$work/config" -type f ! -path "$settings")
  [ -z "$extra" ] || fail "files written into the settings folder: $extra"
  ;;
long-title)
  scenario=$3
  # The scenario with its title replaced by 10,000 W and no space.
  title=$(printf 'W%.0s' $(seq 10000))
  sed "s/^title:.*/title: $title/" "$scenario" >"$work/long-title.yaml"
  grep -q "^title: WWWW" "$work/long-title.yaml" || fail "no title line to replace in $scenario"
  XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen timeout 60 \
    "$gui" --screenshot "$work/shot.png" --size 900x700 "$work/long-title.yaml" 2>"$work/err" ||
    fail "screenshot failed: $(cat "$work/err")"
  # A PNG's width and height: bytes 17-24, big-endian.
  read -r w1 w2 w3 w4 h1 h2 h3 h4 < <(od -An -tu1 -j16 -N8 "$work/shot.png")
  width=$(( (w1 << 24) | (w2 << 16) | (w3 << 8) | w4 ))
  height=$(( (h1 << 24) | (h2 << 16) | (h3 << 8) | h4 ))
  [ "$width" -eq 900 ] && [ "$height" -eq 700 ] || fail "the picture is ${width}x${height}, not 900x700"
  ;;
*)
  fail "unknown check $what"
  ;;
esac
echo "ok: $what"
