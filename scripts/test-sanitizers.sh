#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer and UndefinedBehaviorSanitizer
# (the asan preset), and runs every test under them with leak detection on, the fuzz
# targets over their corpora included. What Qt keeps on purpose until the process ends
# is listed, with the reason, in tests/sanitizers/lsan.supp.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
QT_QPA_PLATFORM=offscreen ctest --preset asan -j2 "$@"
