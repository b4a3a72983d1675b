#!/usr/bin/env bash
# Build cost of a 1,000-code enum: `close_codes!` (from a TOML file) against num_enum's
# `TryFromPrimitive` derive on the same hand-written enum. Each is built cold (fresh target
# directory, dependencies included, downloads excluded) and then incrementally after editing one
# description. Also prints closecodes' dependency tree and its own clean build time.
#
#   bash bench/compile.sh            # N=1000 by default; N=5000 bash bench/compile.sh for more
#   COLD=3 ROUNDS=9 bash bench/compile.sh   # medians of 3 cold builds and 9 incremental ones
#   BASE=../other-checkout bash bench/compile.sh   # also an earlier closecodes, in the same turns
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${N:-1000}
work=${WORK:-$root/target/bench-compile}
rm -rf "$work"
mkdir -p "$work/closecodes/src" "$work/num_enum/src"
base=${BASE:+$(cd "$BASE" && pwd)}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# --- the closecodes crate: a spec file and one macro call ---------------------------------
cat > "$work/closecodes/Cargo.toml" <<TOML
[package]
name = "bench-closecodes"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
closecodes = { path = "$root/runtime" }

[workspace]
TOML
{
  printf '[table]\nrepr = "u16"\nnon_exhaustive = false\ndescription = "A generated table."\n'
  for ((i = 0; i < n; i++)); do
    printf '[[code]]\ncode = %d\nname = "Code%d"\ndescription = "Code number %d."\n' "$i" "$i" "$i"
  done
} > "$work/closecodes/codes.toml"
cat > "$work/closecodes/src/lib.rs" <<'RS'
//! A 1,000-code table from a spec file.
closecodes::close_codes! {
    /// The generated table.
    pub enum Big from "codes.toml";
}
RS

# --- with BASE: the same crate against an earlier checkout of closecodes ---------------------
if [ -n "$base" ]; then
  cp -r "$work/closecodes" "$work/base"
  sed -i "s|closecodes = { path = \"$root/runtime\" }|closecodes = { path = \"$base/runtime\" }|; s|bench-closecodes|bench-closecodes-base|" "$work/base/Cargo.toml"
fi

# --- the num_enum crate: the same enum, written out, with the derive ------------------------
cat > "$work/num_enum/Cargo.toml" <<'TOML'
[package]
name = "bench-num-enum"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
num_enum = "0.7"

[workspace]
TOML
{
  printf '//! A 1,000-code table with num_enum.\n'
  printf '/// The generated table.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, num_enum::TryFromPrimitive, num_enum::IntoPrimitive)]\n#[repr(u16)]\npub enum Big {\n'
  for ((i = 0; i < n; i++)); do
    printf '    /// Code number %d.\n    Code%d = %d,\n' "$i" "$i" "$i"
  done
  printf '}\n'
} > "$work/num_enum/src/lib.rs"

# COLD cold builds (default 1) and ROUNDS incremental rebuilds (each after flipping one
# description) of each crate, the two crates taking turns so that a change in the shared machine's
# load hits both alike; prints the medians.
rounds=${ROUNDS:-5}
cold_rounds=${COLD:-1}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
build() {
  local t0 t1
  t0=$(now)
  (cd "$1" && cargo build -q --offline)
  t1=$(now)
  elapsed "$t0" "$t1"
}
cc=$work/closecodes ne=$work/num_enum bs=$work/base
(cd "$cc" && cargo fetch -q)
(cd "$ne" && cargo fetch -q)
[ -n "$base" ] && (cd "$bs" && cargo fetch -q)
cc_colds=() ne_colds=() cc_incrs=() ne_incrs=() bs_colds=() bs_incrs=()
for ((c = 0; c < cold_rounds; c++)); do
  rm -rf "$cc/target" "$ne/target" "$bs/target"
  if ((c % 2 == 0)); then
    cc_colds+=("$(build "$cc")")
    ne_colds+=("$(build "$ne")")
    [ -n "$base" ] && bs_colds+=("$(build "$bs")")
  else
    [ -n "$base" ] && bs_colds+=("$(build "$bs")")
    ne_colds+=("$(build "$ne")")
    cc_colds+=("$(build "$cc")")
  fi
done
flip() {
  if (($2 % 2 == 0)); then sed -i "s/Code number 500\./Code number five hundred./" "$1"; else sed -i "s/Code number five hundred\./Code number 500./" "$1"; fi
}
for ((r = 0; r < rounds; r++)); do
  flip "$cc/codes.toml" "$r"
  cc_incrs+=("$(build "$cc")")
  flip "$ne/src/lib.rs" "$r"
  ne_incrs+=("$(build "$ne")")
  if [ -n "$base" ]; then
    flip "$bs/codes.toml" "$r"
    bs_incrs+=("$(build "$bs")")
  fi
done
cc_cold=$(printf '%s\n' "${cc_colds[@]}" | median)
ne_cold=$(printf '%s\n' "${ne_colds[@]}" | median)
cc_incr=$(printf '%s\n' "${cc_incrs[@]}" | median)
ne_incr=$(printf '%s\n' "${ne_incrs[@]}" | median)

echo "cold runs: closecodes ${cc_colds[*]}; num_enum ${ne_colds[*]}"
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2)"
echo "enum of $n codes, debug profile, seconds"
printf '%-12s %8s %12s\n' "" "cold (median of $cold_rounds)" "incremental (median of $rounds)"
printf '%-12s %8s %12s\n' "closecodes" "$cc_cold" "$cc_incr"
printf '%-12s %8s %12s\n' "num_enum" "$ne_cold" "$ne_incr"
awk -v a="$cc_cold" -v b="$ne_cold" -v c="$cc_incr" -v d="$ne_incr" \
  'BEGIN { printf "ratio closecodes/num_enum: cold %.2f, incremental %.2f\n", a / b, c / d }'
if [ -n "$base" ]; then
  bs_cold=$(printf '%s\n' "${bs_colds[@]}" | median)
  bs_incr=$(printf '%s\n' "${bs_incrs[@]}" | median)
  echo "cold runs of BASE ($base): ${bs_colds[*]}"
  printf '%-12s %8s %12s\n' "BASE" "$bs_cold" "$bs_incr"
  awk -v a="$bs_cold" -v b="$ne_cold" -v c="$bs_incr" -v d="$ne_incr" \
    'BEGIN { printf "ratio BASE/num_enum: cold %.2f, incremental %.2f\n", a / b, c / d }'
fi

echo
echo "closecodes dependency tree (normal dependencies):"
(cd "$root" && cargo tree -q -p closecodes -e normal --prefix depth | sed 's/^/  /')
t0=$(now)
(cd "$root" && CARGO_TARGET_DIR="$work/runtime-target" cargo build -q -p closecodes)
t1=$(now)
echo "clean build of closecodes itself (with its proc macro and parser): $(elapsed "$t0" "$t1") s"
