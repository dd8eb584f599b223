#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (npm run test:browser), once.
# Nothing is downloaded by the tests themselves: playwright-core drives this system browser.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is not installed; run as root, or: sudo apt-get install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update
apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends chromium
