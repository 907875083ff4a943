#!/usr/bin/env bash
# Whole-process wall time of `mkit rules test` (the CLI all-jar, JVM start included) against
# `promtool test rules` on the same suite: benchmarks/ruletest/big.test.yml (one day of one-minute samples for
# eight series, 1441 evaluation steps, a 30-day increase rule, alert and PromQL checks). Not run by the tests.
#
#   benchmarks/ruletest-vs-promtool.sh [RUNS] [TEST_FILE...]     (default: 7 runs of big.test.yml)
#
# Builds the CLI jar first when missing (through ./mkit). Both tools must pass the suite; each run is timed with
# /usr/bin/time (wall, user and system seconds), the two tools alternate so load changes hit both, and the medians
# and the wall-time ratio are printed. On a shared machine prefer the CPU (user+sys) ratio and note the load.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-7}"
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$here/ruletest/big.test.yml")
fi

command -v promtool >/dev/null || { echo "promtool not on PATH" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (Debian package 'time')" >&2; exit 2; }

echo "promtool: $(promtool --version 2>&1 | head -1)"
echo "java:     $(java -version 2>&1 | head -1)"
echo "files:    ${files[*]}"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# Warm-up: builds the jar if needed and checks that both tools pass.
"$root/mkit" rules test "${files[@]}" >/dev/null
promtool test rules "${files[@]}" >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$tmp/mkit.$i" "$root/mkit" rules test "${files[@]}" >/dev/null
  /usr/bin/time -f "%e %U %S" -o "$tmp/promtool.$i" promtool test rules "${files[@]}" >/dev/null
  printf 'run %d: mkit %s s, promtool %s s (wall user sys)\n' "$i" "$(cat "$tmp/mkit.$i")" "$(cat "$tmp/promtool.$i")"
done

median() {  # median of column $2 over files $1.*
  for f in "$1".*; do awk -v c="$2" '{print $c}' "$f"; done | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
cpu() {  # median of user+sys over files $1.*
  for f in "$1".*; do awk '{print $2 + $3}' "$f"; done | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
mw="$(median "$tmp/mkit" 1)"; pw="$(median "$tmp/promtool" 1)"
mc="$(cpu "$tmp/mkit")"; pc="$(cpu "$tmp/promtool")"
echo "median wall: mkit ${mw} s, promtool ${pw} s, promtool/mkit = $(awk -v a="$pw" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
echo "median cpu:  mkit ${mc} s, promtool ${pc} s, promtool/mkit = $(awk -v a="$pc" -v b="$mc" 'BEGIN {printf "%.2f", a / b}')"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
