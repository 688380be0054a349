#!/bin/sh
# Make a guide of N articles of about 5 KB each in DIR: bench/gen.sh N DIR.
# One awk process writes every file (a shell loop forks once per file and
# takes minutes at 50,000).  A finished guide is marked with DIR/.complete
# and is not made again, so a guide cut short by ^C is made afresh.
n=$1 dir=$2
[ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$n" ] && exit 0
rm -rf "$dir"
mkdir -p "$dir" || exit 1
awk -v n="$n" -v dir="$dir" 'BEGIN {
	para = "You may see some redness and swelling after your visit. It usually settles in a few days. Keep your skin clean, use a plain moisturiser and wear sunscreen every day. Call your clinic if anything worries you."
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/%05d-a%d.md", dir, i, i)
		printf "# Article number %d\n\nA short summary of article %d for the home screen.\n\n", i, i > f
		for (s = 1; s <= 6; s++)
			printf "## Section %d\n\n%s %s\n\n- %s\n- [Next](a%d.md)\n\n", s, para, para, para, i % n + 1 > f
		close(f)
	}
}' || exit 1
echo "$n" >"$dir/.complete"
