#!/bin/sh
# Recalculates an .xlsx with LibreOffice headless and compares every formula with the
# cached value ThiDuaXlsx stored. Usage: scripts/recalc-compare.sh WORKBOOK.xlsx [--self-test]
# Needs LibreOffice (apt-get install -y libreoffice-calc-nogui) and openpyxl.
set -eu
here=$(dirname "$0")
for python in /usr/bin/python3 python3; do
    if command -v "$python" >/dev/null 2>&1 && "$python" -c "import openpyxl" 2>/dev/null; then
        exec "$python" "$here/recalc_compare.py" "$@"
    fi
done
echo "Không tìm thấy Python có openpyxl (pip install openpyxl)" >&2
exit 2
