#!/usr/bin/env bash
# Benchmark (not a test): wall time of one `thidua render` of the example
# plan in both formats, by a fresh process, as a clerk waits for it.
#   bash bench/render-one.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
command -v hyperfine >/dev/null 2>&1 || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq hyperfine >/dev/null; } || true
swift build -c release --product thidua >/dev/null
bin="$(swift build -c release --show-bin-path)/thidua"
out="$(mktemp -d)"
runs="${1:-50}"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 3 --runs "$runs" \
    "$bin render Examples/ke-hoach-tinh-2025.yaml --format all --out $out"
else
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$bin" render Examples/ke-hoach-tinh-2025.yaml --format all --out "$out" >/dev/null; done
  end=$(date +%s%N)
  echo "trung bình: $(( (end - start) / runs / 1000 )) µs mỗi lần (${runs} lần)"
fi
rm -rf "$out"
