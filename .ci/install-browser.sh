#!/usr/bin/env bash
# Installs Debian's chromium (and CJK fonts so Chinese pages render) for the
# web package's end-to-end browser test. Idempotent: does nothing when both
# are present. Needs root (CI runs as root); uses only Debian's packages.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# fc-list finds Noto CJK only when the package is installed.
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; then
	need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -eq 0 ]; then
	echo "install-browser: chromium and fonts-noto-cjk already installed"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "install-browser: need root to install ${need[*]}" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser: installing ${need[*]}"
# A mirror hiccup should not fail CI: three attempts.
for attempt in 1 2 3; do
	if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
		break
	fi
	if [ "$attempt" -eq 3 ]; then
		echo "install-browser: apt-get failed three times" >&2
		exit 1
	fi
	sleep 5
done
/usr/bin/chromium --version
