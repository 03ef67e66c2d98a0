#!/bin/sh
# Starts the system Chromium named by ANISOSCOPE_CHROMIUM for Playwright (e2e/chromium.mjs), with the
# omnibox popup's two WebUI renderers turned off. Chromium honours only the last --disable-features
# switch, so every one Playwright and the caller pass is merged into one instead of the last silently
# replacing the others.
browser="${ANISOSCOPE_CHROMIUM:?ANISOSCOPE_CHROMIUM names the Chromium binary to start}"
disabled="WebUIOmniboxPopup,WebUIOmniboxAimPopup"
count=$#
while [ "$count" -gt 0 ]; do
  arg=$1
  shift
  case $arg in
    --disable-features=*) disabled="$disabled,${arg#--disable-features=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
  count=$((count - 1))
done
exec "$browser" "$@" "--disable-features=$disabled"
