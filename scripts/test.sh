#!/usr/bin/env bash
# Runs the whole test suite (unit, golden, end-to-end, pandoc and openpyxl
# checks), installing the Debian packages the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build "$@"
