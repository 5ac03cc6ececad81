#!/usr/bin/env bash
# Builds thidua and renders every bundled example into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product thidua
bin="$(swift build -c release --show-bin-path)/thidua"
"$bin" render Examples/*.yaml --out output --format all
"$bin" tasks Examples/huong-dan-*.yaml --out output
echo "Xong: các tệp trong output/"
