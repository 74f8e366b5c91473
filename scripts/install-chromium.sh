#!/bin/sh
# Headless Chromium for the report's browser test (tests/accord/test_report_browser.py).
# Debian's package; a no-op where it is already installed. Needs root (CI runs as root).
set -eu
if [ ! -x /usr/bin/chromium ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
