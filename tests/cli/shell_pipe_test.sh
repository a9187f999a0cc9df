#!/usr/bin/env bash
# `netstage shell` in a real pipe, as the README shows it: the lecture's
# SMTP dialogue typed through telnet on alice-pc, at unlimited speed.
set -euo pipefail
netstage="$1"
scenario="$2"
out=$(printf 'telnet hamburger.edu 25\nHELO crepes.fr\nMAIL FROM: <alice@crepes.fr>\nRCPT TO: <bob@hamburger.edu>\nDATA\nDo you like ketchup?\nHow about pickles?\n.\nQUIT\n' |
      timeout 60 "$netstage" shell "$scenario" --host alice-pc --speed max 2>/dev/null)
expect() {
  if ! grep -qxF -- "$1" <<<"$out"; then
    printf 'missing line: %s\n--- output ---\n%s\n' "$1" "$out" >&2
    exit 1
  fi
}
expect "alice-pc\$ telnet hamburger.edu 25"
expect "220 hamburger.edu"
expect "250 Hello crepes.fr, pleased to meet you"
expect "250 Message accepted for delivery"
expect "221 hamburger.edu closing connection"
expect "Connection closed by foreign host."
echo "ok"
