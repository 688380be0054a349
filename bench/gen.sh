#!/bin/sh
# Make a guide of N articles of about 5 KB each in DIR: bench/gen.sh N DIR
n=$1 dir=$2
mkdir -p "$dir"
para="You may see some redness and swelling after your visit. It usually settles in a few days. Keep your skin clean, use a plain moisturiser and wear sunscreen every day. Call your clinic if anything worries you."
i=1
while [ "$i" -le "$n" ]; do
	{
		printf '# Article number %d\n\nA short summary of article %d for the home screen.\n\n' "$i" "$i"
		for s in 1 2 3 4 5 6; do
			printf '## Section %d\n\n%s %s\n\n- %s\n- [Next](a%d.md)\n\n' "$s" "$para" "$para" "$para" $((i % n + 1))
		done
	} >"$dir/$(printf '%05d' "$i")-a$i.md"
	i=$((i + 1))
done
