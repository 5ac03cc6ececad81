#!/usr/bin/env bash
# Pictures of page 1 of the example plan and report as Word renders them (LibreOffice
# headless, Times New Roman's metrics from fonts-liberation2), for README:
#   docs/ke-hoach-trang-1.png, docs/bao-cao-trang-1.png
#
#   bash scripts/docx-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --tests
swift build --product thidua >/dev/null
bin="$(swift build --show-bin-path)/thidua"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" render Examples/ke-hoach-tinh-2025.yaml Examples/bao-cao-so-ket-2025.yaml --format docx --out "$work" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" \
  "$work/12-KH-LDLD-2025.docx" "$work/41-BC-LDLD-2025.docx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/12-KH-LDLD-2025.pdf" docs/ke-hoach-trang-1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/41-BC-LDLD-2025.pdf" docs/bao-cao-trang-1
echo "docs/ke-hoach-trang-1.png docs/bao-cao-trang-1.png"
