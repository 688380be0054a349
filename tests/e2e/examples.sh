#!/bin/sh
# The example files for a kiosk and for SSH access, checked with the tools
# that will read them: `systemd-analyze verify` for the unit and the getty
# drop-in, `sshd -t` for the SSH snippet and `sshd -T` to see its Match
# block take effect for the guide's account and no other.  A tool that is
# missing here is skipped with a message.  Usage: sh tests/e2e/examples.sh
set -u
EX=examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "examples: FAIL: $*" >&2
	failed=$((failed + 1))
}

# passed BEFORE WHAT: say WHAT when no check failed since `failed` was BEFORE.
passed() {
	[ "$failed" = "$1" ] && echo "examples: $2"
	return 0
}

check_login_shell() {
	sh -n "$EX/kiosk/skinguide-kiosk" || fail "skinguide-kiosk is not a valid shell script"
	grep -q '^exec /usr/local/bin/skinguide --kiosk' "$EX/kiosk/skinguide-kiosk" ||
		fail "skinguide-kiosk does not exec the guide in kiosk mode"
	[ -x "$EX/kiosk/skinguide-kiosk" ] || fail "skinguide-kiosk is not executable"
}

# verify UNIT: systemd-analyze must accept it, and say nothing about our
# files (an unknown key is only a warning to it).  It also runs man for
# each Documentation= page: the page in this tree stands in for the
# installed one, and other packages' pages this machine lacks are not
# ours to judge.
verify() {
	out=$(MANPATH="$tmp/man:" SYSTEMD_UNIT_PATH="$tmp/units:" systemd-analyze verify "$1" 2>&1)
	status=$?
	out=$(echo "$out" | grep -v "Command 'man [^s][^']*' failed")
	mine=$(echo "$out" | grep -E 'skinguide|autologin\.conf|getty@tty1')
	if [ -n "$mine" ] || { [ $status != 0 ] && [ -n "$out" ]; }; then
		fail "systemd-analyze verify $1: $out"
	fi
}

check_systemd() {
	if ! command -v systemd-analyze >/dev/null 2>&1; then
		echo "examples: skipped the systemd files: systemd-analyze is not installed"
		return
	fi
	before=$failed
	getty=""
	for d in /lib/systemd/system /usr/lib/systemd/system; do
		[ -f "$d/getty@.service" ] && getty="$d/getty@.service"
	done
	mkdir -p "$tmp/units/getty@tty1.service.d" "$tmp/man/man1"
	cp man/skinguide.1 "$tmp/man/man1/"
	# ExecStart must name a program that exists: the one just built.
	sed "s|/usr/local/bin/skinguide|$PWD/skinguide|" "$EX/kiosk/skinguide-kiosk.service" \
		>"$tmp/units/skinguide-kiosk.service"
	verify "$tmp/units/skinguide-kiosk.service"
	if [ -n "$getty" ]; then
		cp "$getty" "$tmp/units/"
		cp "$EX/kiosk/getty@tty1.service.d/autologin.conf" "$tmp/units/getty@tty1.service.d/"
		verify getty@tty1.service
	else
		echo "examples: skipped the getty drop-in: no getty@.service to add it to"
	fi
	passed "$before" "systemd-analyze accepts the kiosk unit and the getty drop-in"
}

# in_sshd_namespace CMD...: run CMD where sshd finds its privilege
# separation directory, which a container may lack: in a private mount
# namespace with an empty /run when it is missing.
in_sshd_namespace() {
	if [ -d /run/sshd ]; then
		"$@"
	else
		unshare -m sh -c 'mount -t tmpfs tmpfs /run && mkdir /run/sshd && exec "$@"' sh "$@"
	fi
}

check_sshd() {
	sshd=$(command -v sshd || echo /usr/sbin/sshd)
	if [ ! -x "$sshd" ] || ! command -v ssh-keygen >/dev/null 2>&1; then
		echo "examples: skipped the SSH snippet: sshd is not installed"
		return
	fi
	if [ ! -d /run/sshd ] && ! unshare -m true 2>/dev/null; then
		echo "examples: skipped the SSH snippet: sshd needs /run/sshd, which is missing"
		return
	fi
	before=$failed
	ssh-keygen -q -t ed25519 -N '' -f "$tmp/hostkey" || { fail "ssh-keygen failed"; return; }
	printf 'HostKey %s\nPidFile none\nInclude %s\n' "$tmp/hostkey" "$PWD/$EX/ssh/skinguide.conf" \
		>"$tmp/sshd_config"
	out=$(in_sshd_namespace "$sshd" -t -f "$tmp/sshd_config" 2>&1) ||
		{ fail "sshd -t: $out"; return; }
	in_sshd_namespace "$sshd" -T -f "$tmp/sshd_config" \
		-C user=guide,host=clinic.example,addr=192.0.2.1 >"$tmp/guide" 2>&1 ||
		fail "sshd -T: $(cat "$tmp/guide")"
	for want in "forcecommand /usr/local/bin/skinguide" "allowtcpforwarding no" \
		"allowstreamlocalforwarding no" "allowagentforwarding no" "x11forwarding no" \
		"permittunnel no" "permittty yes"; do
		grep -qi "^$want" "$tmp/guide" || fail "sshd does not apply '$want' to the guide's account"
	done
	in_sshd_namespace "$sshd" -T -f "$tmp/sshd_config" \
		-C user=alice,host=clinic.example,addr=192.0.2.1 >"$tmp/other" 2>&1
	grep -qi "^forcecommand none" "$tmp/other" || fail "the forced command reaches other accounts"
	passed "$before" "sshd accepts the SSH snippet and applies it to the account guide only"
}

check_login_shell
check_systemd
check_sshd
[ $failed = 0 ]
