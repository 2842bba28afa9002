#!/bin/sh
# Make sure the programs the tests drive are installed: a Chromium (Playwright drives
# it; it never downloads a browser of its own), Node.js with npm (axe-core, the unit
# tests of the site's scripts, Lighthouse) and Java (the Nu HTML Checker).
# On Debian/Ubuntu as root, missing ones are installed from Debian's packages;
# anywhere else this says what to install.
set -eu
missing=""
have() { command -v "$1" >/dev/null 2>&1; }

browser=no
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then browser=yes; fi
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  if have "$candidate"; then browser=yes; fi
done
for app in "/Applications/Chromium.app/Contents/MacOS/Chromium" \
           "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
  if [ -x "$app" ]; then browser=yes; fi
done
[ "$browser" = yes ] || missing="$missing chromium"
have node && have npm || missing="$missing nodejs npm"
have java || missing="$missing default-jre-headless"

[ -n "$missing" ] || exit 0
if have apt-get && [ "$(id -u)" = 0 ]; then
  echo "Installing for the tests:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
cat >&2 <<MSG
The tests need these, and they were not found:$missing
  Debian/Ubuntu:  sudo apt-get install -y$missing
  macOS:          brew install --cask chromium; brew install node openjdk
A Chromium elsewhere can be named: CHROMIUM=/path/to/chromium make test
MSG
exit 1
