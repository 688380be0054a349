#!/bin/sh
# The model never includes curses: only the ui files may.
bad=$(grep -l 'curses\.h' src/*.c src/*.h include/skinguide/*.h 2>/dev/null |
	grep -v '^src/ui')
if [ -n "$bad" ]; then
	echo "check-pure: only src/ui*.c may include curses; found in:" >&2
	echo "$bad" >&2
	exit 1
fi
echo "check-pure: no curses outside the ui files"
