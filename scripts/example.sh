#!/usr/bin/env bash
# Builds thidua and renders every bundled example into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The Swift runtime and Foundation linked in: a binary that starts in about half the time
# (bench/README.md) and runs on a machine without the Swift toolchain.
swift build -c release --static-swift-stdlib --product thidua
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/thidua"
"$bin" render Examples/*.yaml --out output --format all
"$bin" tasks Examples/huong-dan-*.yaml --out output
echo "Xong: các tệp trong output/"
