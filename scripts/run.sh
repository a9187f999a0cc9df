#!/usr/bin/env bash
# Installs what is missing, builds, and starts NetStage: the GUI on the
# Alice-to-Bob scenario when there is a display, the headless run otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release
scenario=scenarios/01-smtp-alice-to-bob.yaml
if [[ -x $bin/gui/netstage-gui && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
  exec "$bin/gui/netstage-gui" "$@"
elif [[ -f $scenario ]]; then
  exec "$bin/cli/netstage" run "$scenario" --transcript "$@"
else
  exec "$bin/cli/netstage" demo "$@"
fi
