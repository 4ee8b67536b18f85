#!/usr/bin/env bash
# What the test command needs beyond npm packages, from Debian's packages (never a browser
# download): each line is "command-that-must-exist package". On a Debian machine where we are root,
# what is missing is installed; elsewhere the exact command to run is printed, and the tests that
# need the tool fail with the same reason.
set -uo pipefail

needs=(
  "/usr/bin/chromium chromium"                     # every browser test
  "/usr/bin/WebKitWebDriver webkit2gtk-driver"     # the field-day journeys in WebKit (MiniBrowser)
  "/usr/bin/Xvfb xvfb"                             # WebKit's MiniBrowser needs a display
  "/usr/lib/python3/dist-packages/gi/__init__.py python3-gi"   # WebKit's persistent test browser (test/e2e/drivers/webkitPersistentBrowser.py)
  "/usr/lib/*/girepository-1.0/WebKit2-4.1.typelib gir1.2-webkit2-4.1"   # ... and its WebKitGTK bindings (any architecture's lib folder)
  "/usr/bin/firefox-esr firefox-esr"               # the field-day journeys in Firefox (WebDriver BiDi)
  "pdftotext poppler-utils"                        # the report's PDF is read back by a reader nobody here wrote
)

missing=()
for need in "${needs[@]}"; do
  read -r tool package <<<"$need"
  # A path may hold a glob (the architecture's lib folder): present when any match exists.
  if [[ "$tool" == /* ]]; then compgen -G "$tool" >/dev/null || missing+=("$package"); else command -v "$tool" >/dev/null 2>&1 || missing+=("$package"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the browser tests (log: /tmp/mmdma-test-apt.log)"
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/tmp/mmdma-test-apt.log 2>&1; then
    exit 0
  fi
  echo "apt-get could not install ${missing[*]}; the last lines of its log:"
  tail -20 /tmp/mmdma-test-apt.log
else
  echo "Missing for the browser tests: ${missing[*]}. Install them with:"
  echo "  sudo apt-get install -y ${missing[*]}"
fi
echo "The tests that need them will fail, each saying what is missing."
exit 0
