#!/usr/bin/env bash
# libFuzzer with AddressSanitizer and UBSan on the pugixml sheet reader alone
# (Sources/CSheetXML): random bytes fed in random pieces, cut into random segment sizes,
# and read whole as a small part. Builds in seconds, outside SwiftPM.
#   scripts/fuzz-sheet.sh [seconds]          default: 60 s; corpus in .build-fuzz/corpus-sheet
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
seconds="${1:-60}"
dir=.build-fuzz/sheet
mkdir -p "$dir" .build-fuzz/corpus-sheet
clang="$(dirname "$(readlink -f "$(command -v swift)")")/clang++"
"$clang" -g -O1 -fsanitize=fuzzer,address,undefined -ISources/CSheetXML/include \
  scripts/fuzz-sheet/harness.cpp Sources/CSheetXML/thidua_sheet.cpp -lpugixml -o "$dir/fuzz-sheet" 2> "$dir/build.log" \
  || { cat "$dir/build.log" >&2; exit 2; }
python3 scripts/fuzz-sheet/seeds.py "$dir/seeds"
"$dir/fuzz-sheet" -max_total_time="$seconds" -max_len=4096 .build-fuzz/corpus-sheet "$dir/seeds"
