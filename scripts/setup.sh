#!/usr/bin/env bash
# Installs what thidua needs on Debian when it is missing. Sourced by the
# other scripts; safe to run again (it installs nothing that is present).
#   scripts/setup.sh            build needs: libxlsxwriter-dev, libzip-dev, libxml2-dev, pkg-config,
#                               libcurl4-openssl-dev (FlyingFox links FoundationNetworking, which a
#                               release build with --static-swift-stdlib links against libcurl)
#   scripts/setup.sh --tests    also the test judges: pandoc, python3-openpyxl, LibreOffice
#                               Calc and Writer (headless), and for the Word files
#                               python3-docx, poppler-utils (pdftotext, pdftoppm) and
#                               fonts-liberation2 (Times New Roman's metrics, so LibreOffice
#                               lays pages out as Word does); for the web app's browser
#                               judges chromium, chromium-driver and python3-selenium, and
#                               firefox-esr with python3-websockets (WebDriver BiDi, as Debian
#                               has no geckodriver), and wrk for bench/serve
set -euo pipefail

need=(libxlsxwriter-dev libzip-dev libxml2-dev pkg-config libcurl4-openssl-dev)
if [ "${1:-}" = "--tests" ]; then
  need+=(pandoc python3-openpyxl libreoffice-calc-nogui python3-docx libreoffice-writer-nogui poppler-utils fonts-liberation2 chromium chromium-driver python3-selenium firefox-esr python3-websockets wrk)
fi

missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "thidua: cài đặt gói còn thiếu: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  else
    echo "thidua: cần Swift 6 (swift.org) trên PATH" >&2
    exit 2
  fi
fi
