#!/bin/sh
# Make sure a Chromium the browser tests can drive is installed.
# Order: $CHROMIUM if set, then a system Chromium or Chrome. On Debian/Ubuntu as
# root, install Debian's chromium package; anywhere else, say what to run.
set -eu
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then exit 0; fi
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done
for app in "/Applications/Chromium.app/Contents/MacOS/Chromium" \
           "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
  if [ -x "$app" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium or Google Chrome, and none was found.
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          brew install --cask chromium   (or install Google Chrome)
Or point CHROMIUM at a Chromium binary: CHROMIUM=/path/to/chromium make test
MSG
exit 1
