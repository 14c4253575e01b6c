#!/usr/bin/env bash
# Debian packages used by optional checks: LibreOffice (DOCX export opens), Chromium (browser tests),
# wrk (the load generator of `make bench`).
# Installs only what is missing, and only where apt-get can run as root.
set -u
wanted=(libreoffice-writer-nogui chromium wrk)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  echo "Missing system packages: ${missing[*]} (install them with apt-get to run every check)."
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
