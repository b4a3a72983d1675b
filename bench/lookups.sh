#!/usr/bin/env bash
# `describe` of the rendered modules over every u16, in each language's own runtime (Node,
# CPython, Go, the JVM, mono): the
# Discord-style table (tests/codes/discord.toml: 21 named codes, 9 range intervals, 3 documented
# codes) and a 10,000-code table (10,000 named codes, 100 ranges), ROUNDS passes over
# 0..=65535, the median pass in ns per call. Needs node, and the Python and Go of .ci/wire:
#
#   CLOSECODES_PYTHON=.../venv/bin/python CLOSECODES_GO=.../venv/bin/go bash bench/lookups.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && cargo build -q --release -p closecodes-cli)
bin=${CARGO_TARGET_DIR:-$root/target}/release/closecodes
python3 - "$work/large.toml" <<'PY'
import sys
out = ['[table]\nname = "Large"\nrepr = "u32"\ndescription = "Generated."\n']
for i in range(10000):
    out.append(f'[[code]]\ncode = {i * 6}\nname = "Code{i}"\nreason = "Reason {i}"\ndescription = "Code number {i}."\n')
    if i % 100 == 0:
        out.append(f'[[range]]\nname = "Range{i}"\ncodes = "{i * 6 + 1}..={i * 6 + 5}"\ndescription = "Range number {i}."\n')
open(sys.argv[1], "w").write("".join(out))
PY
echo "median of $rounds passes over 0..=65535, ns per describe() call"
for table in discord large; do
  spec=$root/tests/codes/discord.toml
  [ "$table" = large ] && spec=$work/large.toml
  mkdir -p "$work/$table/codes"
  "$bin" render --to js "$spec" -o "$work/$table/codes.mjs"
  "$bin" render --to python "$spec" -o "$work/$table/codes.py"
  "$bin" render --to go "$spec" --package codes -o "$work/$table/codes/codes.go"
  # A Kotlin table holds at most 2,500 named codes and aliases (a JVM enum's initializer); `large`
  # (10,000) is refused.
  kotlin=1
  "$bin" render --to kotlin "$spec" --package codes -o "$work/$table/codes.kt" 2> /dev/null || kotlin=0
  "$bin" render --to csharp "$spec" --namespace Codes -o "$work/$table/codes.cs"
  cat > "$work/$table/bench.mjs" <<'JS'
import { describe } from "./codes.mjs";
const rounds = Number(process.argv[2]);
const times = [];
let found = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (let code = 0; code <= 65535; code++) if (describe(code) !== undefined) found++;
  times.push(Number(process.hrtime.bigint() - t0) / 65536);
}
times.sort((a, b) => a - b);
console.log(`ts/js   ${times[rounds >> 1].toFixed(1)} ns  (${found / rounds} codes)`);
JS
  cat > "$work/$table/bench.py" <<'PY'
import sys, time
sys.path.insert(0, sys.argv[1])
from codes import describe
rounds = int(sys.argv[2])
times = []
found = 0
for _ in range(rounds):
    t0 = time.perf_counter_ns()
    for code in range(65536):
        if describe(code) is not None:
            found += 1
    times.append((time.perf_counter_ns() - t0) / 65536)
times.sort()
print(f"python  {times[rounds // 2]:.1f} ns  ({found // rounds} codes)")
PY
  cat > "$work/$table/main.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	"bench/codes"
)

func main() {
	rounds, _ := strconv.Atoi(os.Args[1])
	var times []float64
	found := 0
	for r := 0; r < rounds; r++ {
		t0 := time.Now()
		for code := 0; code <= 65535; code++ {
			if _, ok := codes.Describe(code); ok {
				found++
			}
		}
		times = append(times, float64(time.Since(t0).Nanoseconds())/65536)
	}
	sort.Float64s(times)
	fmt.Printf("go      %.1f ns  (%d codes)\n", times[rounds/2], found/rounds)
}
GO
  printf 'module bench\n\ngo 1.21\n' > "$work/$table/go.mod"
  name=$(grep -m1 '^name = ' "$spec" | cut -d'"' -f2)
  cat > "$work/$table/Bench.kt" <<KT
import codes.$name
fun main(args: Array<String>) {
    val rounds = args[0].toInt()
    val times = mutableListOf<Double>()
    var found = 0
    repeat(rounds) {
        val t0 = System.nanoTime()
        for (code in 0..65535) if ($name.describe(code) != null) found++
        times.add((System.nanoTime() - t0) / 65536.0)
    }
    times.sort()
    println("kotlin  %.1f ns  (%d codes)".format(times[rounds / 2], found / rounds))
}
KT
  cat > "$work/$table/Bench.cs" <<CS
using System;
using System.Collections.Generic;
using System.Diagnostics;
public static class Bench
{
    public static void Main(string[] args)
    {
        int rounds = int.Parse(args[0]);
        var times = new List<double>();
        int found = 0;
        for (int r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int code = 0; code <= 65535; code++) if (Codes.${name}Table.Describe(code) != null) found++;
            times.Add(watch.Elapsed.TotalMilliseconds * 1e6 / 65536);
        }
        times.Sort();
        Console.WriteLine("csharp  {0:F1} ns  ({1} codes)", times[rounds / 2], found / rounds);
    }
}
CS
  echo "-- $table"
  node "$work/$table/bench.mjs" "$rounds"
  "$CLOSECODES_PYTHON" "$work/$table/bench.py" "$work/$table" "$rounds"
  (cd "$work/$table" && GOPROXY=off GOTOOLCHAIN=local GOCACHE="$work/gocache" "$CLOSECODES_GO" run . "$rounds")
  if ((kotlin)); then
    kotlinc "$work/$table/codes.kt" "$work/$table/Bench.kt" -d "$work/$table/kt" 2> /dev/null
    java -cp "$work/$table/kt:/usr/share/java/kotlin-stdlib.jar" BenchKt "$rounds"
  else
    echo "kotlin  (refused: more than 2,500 named codes and aliases)"
  fi
  mcs -optimize+ -out:"$work/$table/bench.exe" "$work/$table/codes.cs" "$work/$table/Bench.cs"
  mono "$work/$table/bench.exe" "$rounds"
done
