#!/usr/bin/env bash
# `closecodes render` of a 10,000-code spec (100 ranges among the codes), to every target, as a
# whole process: the median wall time of RUNS runs each, after one warm-up (release build).
#
#   bash bench/render.sh          # RUNS=11 by default
#   BIN=/path/to/closecodes bash bench/render.sh   # another build (a "before"), same spec
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${BIN:-}" ]; then
  (cd "$root" && cargo build -q --release -p closecodes-cli)
fi
bin=${BIN:-${CARGO_TARGET_DIR:-$root/target}/release/closecodes}
python3 - "$work/large.toml" <<'PY'
import sys
out = ['[table]\nname = "Large"\nrepr = "u32"\ndescription = "Generated."\n']
for i in range(10000):
    out.append(f'[[code]]\ncode = {i * 10}\nname = "Code{i}"\nreason = "Reason {i}"\ndescription = "Code number {i}."\n')
    if i % 100 == 0:
        out.append(f'[[range]]\nname = "Range{i}"\ncodes = "{i * 10 + 1}..={i * 10 + 9}"\ndescription = "Range number {i}."\n')
open(sys.argv[1], "w").write("".join(out))
PY
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "machine: $(nproc) cores, $(uname -m); spec: 10,000 codes, 100 ranges; median of $runs runs, ms"
for to in rust ts js md json python go kotlin csharp java; do
  # Kotlin and Java refuse more than 1,000 named codes (exit 2): the time is still measured.
  "$bin" render --to "$to" "$work/large.toml" -o "$work/out.$to" 2> /dev/null || true
  times=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    "$bin" render --to "$to" "$work/large.toml" -o "$work/out.$to" 2> /dev/null || true
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000 ))")
  done
  ms=$(printf '%s\n' "${times[@]}" | median | awk '{ printf "%.1f", $1 / 1000 }')
  printf '%-7s %8s ms  (%s bytes)\n' "$to" "$ms" "$(wc -c < "$work/out.$to" 2> /dev/null || echo 0)"
done
