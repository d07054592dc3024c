#!/usr/bin/env bash
# Makes sure the headless browser the dashboard's browser tests drive is on this machine: Chromium
# and the chromedriver of the same version, from the Debian packages (never Selenium Manager's
# download, which a build must not depend on). Runs from the e2e-tests build before the tests.
set -euo pipefail

CHROMIUM=${HIVEMIND_CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${HIVEMIND_CHROMEDRIVER:-/usr/bin/chromedriver}
BOUND_SECONDS=${HIVEMIND_BROWSER_INSTALL_SECONDS:-600}

version() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1; }

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "browser: $(version "$CHROMIUM") at $CHROMIUM, chromedriver $(version "$CHROMEDRIVER") at $CHROMEDRIVER"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "browser: $CHROMIUM or $CHROMEDRIVER is missing and there is no apt-get to install them;" \
    "install Chromium and its chromedriver, or point HIVEMIND_CHROMIUM / HIVEMIND_CHROMEDRIVER at them" >&2
  exit 1
fi
SUDO=
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "browser: installing chromium and chromium-driver needs root (or password-less sudo)" >&2
    exit 1
  fi
fi

echo "browser: installing chromium and chromium-driver with apt-get (at most ${BOUND_SECONDS}s)"
export DEBIAN_FRONTEND=noninteractive
if ! timeout "$BOUND_SECONDS" $SUDO apt-get install -y --no-install-recommends chromium chromium-driver; then
  # a fresh image may not have read the package lists yet
  timeout "$BOUND_SECONDS" $SUDO apt-get update
  timeout "$BOUND_SECONDS" $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
fi

if [[ ! -x "$CHROMIUM" || ! -x "$CHROMEDRIVER" ]]; then
  echo "browser: apt-get finished but $CHROMIUM or $CHROMEDRIVER is still missing" >&2
  exit 1
fi
if [[ $(version "$CHROMIUM" | cut -d. -f1) != $(version "$CHROMEDRIVER" | cut -d. -f1) ]]; then
  echo "browser: chromium $(version "$CHROMIUM") and chromedriver $(version "$CHROMEDRIVER") differ in major version" >&2
  exit 1
fi
echo "browser: $(version "$CHROMIUM") at $CHROMIUM, chromedriver $(version "$CHROMEDRIVER") at $CHROMEDRIVER"
