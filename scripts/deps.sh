#!/bin/sh
# Install the Debian packages skinguide needs to build and test, or say
# exactly what to run.  Called by `make deps`, and so by `make run` and
# `make check`.
set -u

packages="gcc make pkg-config libncurses-dev libcmark-dev libunistring-dev \
libsqlite3-dev libstemmer-dev libcmocka-dev tmux mandoc man-db strace clang \
libclang-rt-dev valgrind time"

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: check what pkg-config can see and leave the rest to you.
	for p in ncursesw libcmark sqlite3 cmocka; do
		if ! pkg-config --exists "$p" 2>/dev/null; then
			echo "skinguide: the library '$p' is missing; install its development" >&2
			echo "package (on Debian: apt-get install $packages)" >&2
			exit 1
		fi
	done
	exit 0
fi

missing=""
for p in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "skinguide: installing missing packages:$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "skinguide: cannot install them without root; run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null &&
	$sudo apt-get install -y -q --no-install-recommends $missing && exit 0
echo "skinguide: apt-get failed; run by hand:" >&2
echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
