#!/usr/bin/env bash
# Renders the player's pictures in docs/images/ offscreen: builds netstage-gui,
# then asks it for one frame per picture (netstage-gui --screenshot OUT.png
# --at-message N [--at-time +MS] FILE). Same trace and cursor, same picture.
#
#   scripts/screenshots.sh            # build dir: build/gui (BUILD_DIR to change)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${BUILD_DIR:-$root/build/gui}")  # absolute: some shots run from a temporary directory
out=$root/docs/images

# An existing build directory keeps its own settings.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNETSTAGE_BUILD_GUI=ON -DNETSTAGE_BUILD_TESTS=ON -DNETSTAGE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" --target netstage-gui netstage_gui_sample_trace netstage netstage_gui_hands_on_shots

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
# The lecture's scenario, run in memory by the player: the three moments
# the lecture draws, then the queue before the relay starts.
s01=scenarios/01-smtp-alice-to-bob.yaml
# (a) SMTP DATA: after "354", the body leaves crepes.fr for hamburger.edu.
shot 01-smtp-data.png --at-message 24 --at-time +29 --host crepes.fr $s01
# (b) "250 Message accepted": the message is in Bob's mailbox (badge, host panel).
shot 01-bobs-mailbox.png --at-message 30 --at-time +1 --host hamburger.edu $s01
# (c) POP3 RETR: the reply carrying the message leaves hamburger.edu.
shot 01-pop3-retr.png --at-message 40 --at-time +0.6 --host hamburger.edu $s01
shot gui-mail-queue.png --at-message 12 --at-time +4 $s01
shot gui-link-down-retry.png --at-message 20 scenarios/07-smtp-relay-retry.yaml

# (d) FTP: the report's data connection beside the control connection's 125.
shot 05-ftp-data-connection.png --at-message 21 --at-time +5 --host ftp.school.edu scenarios/05-ftp-session.yaml

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

# A quiz question (docs/quizzes.md): the player paused before hamburger.edu answers RCPT TO.
shot quiz-pause.png --quiz --at-message 24 $s01

# Presentation mode (F11) at SMTP DATA, and the dark theme with the chart open.
shot presentation-mode.png --presentation --size 1600x900 --at-message 9 $s01
shot dark-theme.png --size 2400x1100 --theme dark --panel chart --at-message 9 $s01

# The analysis panels: scenario 01's sequence chart at RCPT TO, with and
# without TCP segments; scenario 06's active attempt (the server's SYN from
# port 20 answered by RST); the inspector on the segment carrying the body.
shot 08-sequence-chart.png --size 2400x1100 --panel chart --at-message 6 $s01
shot 08-sequence-chart-tcp.png --size 2400x1100 --panel chart --chart-tcp --at-message 6 $s01
# Three SMTP sessions at once, each in a lane and a colour of its own.
shot 08-sequence-chart-parallel.png --size 2400x1100 --panel chart --at-message 20 tests/scenario/data/three-relayed-at-once.yaml
s06=scenarios/06-ftp-active-vs-passive.yaml
shot 08-ftp-active-chart.png --size 2400x1300 --panel chart --chart-tcp --at-message 8 $s06
shot 08-inspector-data.png --size 2600x1100 --panel inspector --at-message 10 $s01

# The expectation checklist: a student's answer to exercise 3 (it sends too
# late) checked against the teacher's file, just after the message reached
# Bob's mailbox 1.3 s after he had read it: ticks, a cross, two pending.
e03=exercises/03-smtp-push
shot expectations-checklist.png --against $e03/teacher.yaml --at-time 3345 --host hamburger.edu \
  $e03/sample-submissions/chen.yaml

# Live mode: the player serves scenario 01 (netstage-gui --serve) while a
# client types the lecture's SMTP dialogue over a loopback socket, as telnet
# would. It waits until the scenario's own run (Alice's message, Bob's POP3)
# is over, so what moves is the student's; at 0.25x the message body is
# caught on its way from "you" to hamburger.edu (the script sends SIGUSR1 to
# take the picture).
python3 - "$gui" "$out/live-telnet.png" <<'PY'
import re, signal, socket, subprocess, sys, time
gui, png = sys.argv[1:3]
player = subprocess.Popen([gui, "--serve", "scenarios/01-smtp-alice-to-bob.yaml", "--port", "hamburger.edu:25=0",
                           "--speed", "0.25", "--screenshot", png, "--size", "1600x1000"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = next(int(m.group(1)) for line in player.stdout if (m := re.search(r"telnet 127\.0\.0\.1 (\d+)", line)))
time.sleep(11)  # 2.75 s of simulated time: the scripted part is done
client = socket.create_connection(("127.0.0.1", port))
replies = client.makefile("rb")
def reply():
    while (line := replies.readline().decode()) and len(line) > 3 and line[3] == "-":
        pass
reply()
for command in ["HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>", "DATA"]:
    client.sendall((command + "\r\n").encode())
    reply()
client.sendall(b"Do you like ketchup?\r\nHow about pickles?\r\n.\r\n")
time.sleep(0.03)
player.send_signal(signal.SIGUSR1)
sys.exit(player.wait())
PY
echo "wrote docs/images/live-telnet.png"

# Hands-on: programs on simulated hosts (Host menu), driven as a student
# would. The terminal on alice-pc mid-way through the lecture's SMTP
# dialogue, a typed line on the wire; the mail program on bob-laptop with a
# message it sent and read back over IMAP; the FTP console on student-pc
# during `get`, the sequence chart showing the control and data connections.
"$build/tests/gui/netstage_gui_hands_on_shots" "$root" "$out" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2) |
  sed "s|$out|docs/images|"

# The whole of scenario 06's chart, as File > Export Sequence Chart and
# `netstage msc --format png` write it: active mode fails, passive works.
"$build/cli/netstage" msc $s06 --tcp --format png -o "$out/08-ftp-active-vs-passive.png" 2> >(grep -v XDG_RUNTIME_DIR >&2)
echo "wrote docs/images/08-ftp-active-vs-passive.png"

# Scenario 03 at the end: Bob's phone holds the two messages it downloaded
# (and kept on the server): the host panel's "Downloaded (kept here)".
shot 03-pop3-local-copies.png --at-time 1000000 --host bob-phone scenarios/03-pop3-download-and-keep.yaml

# Scenario 04 after Bob's laptop moved "Pancakes" into Recipes (COPY,
# STORE \Deleted, EXPUNGE): the host panel lists it under bob › Recipes.
"$gui" --screenshot "$out/04-imap-folder.png" --size 1600x1000 --at-message 60 --host hamburger.edu \
  scenarios/04-imap-folders.yaml 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2)
echo "wrote docs/images/04-imap-folder.png"
