#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs one of them.
#   scripts/fuzz.sh [seconds] [target]      default: 30 s, fuzz-document
# Build products go to .build-fuzz (never mixed with the normal .build).
# The working corpus grows in .build-fuzz/corpus-<target>; it is seeded from
# Examples/ and Tests/ThiDuaKitTests/Corpus/. Crashes are written to
# .build-fuzz/crashes-<target>/; copy each one into the corpus as a
# regression case (see Tests/ThiDuaKitTests/Corpus/README.md) after fixing it.
#
# Why not `-sanitize=fuzzer`: it links libFuzzer's `main` into every
# executable the build makes, including the embed-templates build tool,
# which then fails to link. So everything is built with AddressSanitizer and
# libFuzzer's coverage instrumentation, and only the fuzz target pulls in
# libFuzzer (the no-main archive) through `LLVMFuzzerRunDriver`.
#
# Targets: fuzz-document (YAML/JSON documents), fuzz-figures (CSV figures,
# report statistics), fuzz-xlsx-figures (workbooks as figures files) and
# fuzz-templates (template sets given with --templates). A new target is an executable depending on FuzzDriver
# whose main calls `FuzzDriver.run(harness:)`, plus its seeds in the
# `case "$target"` below.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

seconds="${1:-30}"
target="${2:-fuzz-document}"
scratch=.build-fuzz
mkdir -p "$scratch"
# Reuse the dependencies the normal build already fetched (no network, no
# second clone); SwiftPM resolves them again itself when they are missing.
if [ ! -d "$scratch/checkouts" ] && [ -d .build/checkouts ]; then
  cp -a .build/checkouts .build/repositories .build/workspace-state.json "$scratch"/ 2>/dev/null || true
fi

clang_dir="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/clang"
fuzzer_lib="$(find "$clang_dir" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -n 1)"
if [ -z "$fuzzer_lib" ]; then
  echo "fuzz.sh: không tìm thấy libclang_rt.fuzzer_no_main trong $clang_dir (cần bộ công cụ Swift có libFuzzer)" >&2
  exit 2
fi

# Build tools run under ASan too; their harmless leaks at exit must not fail the build.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
swift build -c debug --scratch-path "$scratch" --product "$target" \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DFUZZING \
  -Xcc -fsanitize=fuzzer-no-link,address \
  -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ \
  > "$scratch/build.log" 2>&1 || build_failed=1
# The linker warns once per ASan helper symbol, SwiftPM lists every test
# data file as "unhandled"; show the rest.
grep -v -e "Cannot export local symbol" -e "^    /" -e "unhandled" "$scratch/build.log" | tail -n 20
if [ "${build_failed:-0}" = 1 ]; then
  echo "fuzz.sh: dựng $target thất bại (xem $scratch/build.log)" >&2
  exit 2
fi
binary="$scratch/debug/$target"

corpus="$scratch/corpus-$target"
crashes="$scratch/crashes-$target"
mkdir -p "$corpus" "$crashes"
case "$target" in
  fuzz-document)
    cp -n Examples/*.yaml "$corpus"/ 2>/dev/null || true
    for f in Tests/ThiDuaKitTests/Corpus/*; do
      case "$f" in *.expected|*.md) ;; *) cp -n "$f" "$corpus"/ 2>/dev/null || true ;; esac
    done
    ;;
  fuzz-figures)
    cp -n Examples/bao-cao/*.csv "$corpus"/ 2>/dev/null || true
    cp -n Tests/ThiDuaKitTests/FigureCorpus/*.csv "$corpus"/ 2>/dev/null || true
    ;;
  fuzz-templates)
    # A seed is a template folder: files joined by byte 0x01, each "NAME\nTEXT". The
    # built-in set, and each hostile set of Tests/ThiDuaKitTests/TemplateCorpus.
    python3 - "$corpus" <<'PY'
import pathlib, sys
corpus = pathlib.Path(sys.argv[1])
def seed(name, files):
    parts = [f.name.encode() + b"\n" + f.read_bytes() for f in sorted(files)]
    target = corpus / f"seed-{name}"
    if not target.exists():
        target.write_bytes(b"\x01".join(parts))
seed("builtin", pathlib.Path("Templates").glob("*.mustache"))
for folder in sorted(pathlib.Path("Tests/ThiDuaKitTests/TemplateCorpus").iterdir()):
    if folder.is_dir():
        seed(folder.name, folder.glob("*.mustache"))
PY
    ;;
  fuzz-xlsx-figures)
    # Workbooks made by real tools: the example figures saved by openpyxl (numbers as
    # numbers, a title row above the header), and the damaged and hostile corpus of the
    # round-trip tests.
    python3 - "$corpus" <<'PY' || true
import csv, pathlib, sys
corpus = pathlib.Path(sys.argv[1])
try:
    import openpyxl
except ImportError:
    sys.exit(0)
for source in sorted(pathlib.Path("Examples/bao-cao").glob("so-lieu-*.csv")):
    target = corpus / f"seed-{source.stem}.xlsx"
    if target.exists():
        continue
    rows = list(csv.reader(source.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(["BẢNG TỔNG HỢP SỐ LIỆU"])
    for row in rows:
        ws.append([int(c.replace(".", "")) if c.replace(".", "").isdigit() else c for c in row])
    wb.save(target)
PY
    hostile="$scratch/xlsx-hostile"
    mkdir -p "$hostile"
    python3 Tests/EndToEndTests/Scripts/xlsx_fixtures.py hostile "$hostile" >/dev/null 2>&1 || true
    cp -n "$hostile"/*.xlsx "$corpus"/ 2>/dev/null || true
    ;;
  *) ;;
esac

# Leak checking stays on for the fuzz run itself: a leak per input is a bug.
export ASAN_OPTIONS="detect_leaks=1"
dict=()
[ -f "scripts/$target.dict" ] && dict=(-dict="scripts/$target.dict")
# One input taking longer than the timeout is a hang, saved as a crash (CI fails on it).
# Slow inputs are reported only past the same bound: on a loaded machine (a 2-core CI box
# with builds beside it) libFuzzer's default of 10 s flags inputs that run in milliseconds
# when the fuzzer gets the CPU. THIDUA_FUZZ_TIMEOUT raises both for a long campaign run
# beside other work.
timeout="${THIDUA_FUZZ_TIMEOUT:-20}"
"$binary" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout="$timeout" -report_slow_units="$timeout" -max_len=65536 \
  "${dict[@]}" -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus"
