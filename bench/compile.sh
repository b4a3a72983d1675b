#!/usr/bin/env bash
# Build cost of a 1,000-code enum: `close_codes!` (from a TOML file) against num_enum's
# `TryFromPrimitive` derive on the same hand-written enum. Each is built cold (fresh target
# directory, dependencies included, downloads excluded) and then incrementally after editing one
# description. Also prints closecodes' dependency tree and its own clean build time.
#
#   bash bench/compile.sh            # N=1000 by default; N=5000 bash bench/compile.sh for more
#   COLD=3 ROUNDS=9 bash bench/compile.sh   # medians of 3 cold builds and 9 incremental ones
#   BASE=../other-checkout bash bench/compile.sh   # also an earlier closecodes, in the same turns
#   PROPS=1 bash bench/compile.sh    # also the same table with two properties set on its ranges
#
# Each build is timed twice: wall seconds, and CPU seconds (user + system of cargo and the
# compilers it runs), which a loaded machine changes much less.
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
# With PROPS, the table also has two ranges above its codes (in both closecodes crates, so that
# the properties are the only difference); `$1` is what each range sets.
table() {
  printf '[table]\nrepr = "u16"\nnon_exhaustive = false\ndescription = "A generated table."\n'
  for ((i = 0; i < n; i++)); do
    printf '[[code]]\ncode = %d\nname = "Code%d"\ndescription = "Code number %d."\n' "$i" "$i" "$i"
  done
  if [ -n "${PROPS:-}" ]; then
    printf '[[range]]\nname = "Low"\ncodes = "%d..=29999"\ndescription = "Low codes."\n%s\n' "$n" "${1:+$1}"
    printf '[[range]]\nname = "High"\ncodes = "30000..=65535"\ndescription = "High codes."\n%s\n' "${2:+$2}"
  fi
}
table > "$work/closecodes/codes.toml"
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

# --- with PROPS: the same crate, its ranges setting two properties ------------------------
if [ -n "${PROPS:-}" ]; then
  cp -r "$work/closecodes" "$work/props"
  sed -i "s|bench-closecodes|bench-closecodes-props|" "$work/props/Cargo.toml"
  {
    printf '[[property]]\nname = "action"\ndescription = "What a client does."\nvalues = ["stop", "reconnect", "back_off"]\n'
    printf '[[property]]\nname = "retry_after_ms"\ndescription = "How long it waits."\ntype = "u32"\n'
    table 'set = { action = "back_off", retry_after_ms = 1000 }' 'set = { action = "reconnect" }'
  } > "$work/props/codes.toml"
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
# Prints "wall cpu" in seconds.
build() {
  local TIMEFORMAT='%R %U %S'
  # `time` inside a command substitution prints nothing: through a file.
  { time { (cd "$1" && cargo build -q --offline) > /dev/null 2>&1; }; } 2> "$work/.time"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/.time"
}
wall() { awk '{ print $1 }'; }
cpu() { awk '{ print $2 }'; }
cc=$work/closecodes ne=$work/num_enum bs=$work/base pp=$work/props
props=${PROPS:+1}
(cd "$cc" && cargo fetch -q)
(cd "$ne" && cargo fetch -q)
[ -n "$base" ] && (cd "$bs" && cargo fetch -q)
[ -n "$props" ] && (cd "$pp" && cargo fetch -q)
cc_colds=() ne_colds=() cc_incrs=() ne_incrs=() bs_colds=() bs_incrs=() pp_colds=() pp_incrs=()
for ((c = 0; c < cold_rounds; c++)); do
  rm -rf "$cc/target" "$ne/target" "$bs/target" "$pp/target"
  if ((c % 2 == 0)); then
    cc_colds+=("$(build "$cc")")
    ne_colds+=("$(build "$ne")")
    [ -n "$base" ] && bs_colds+=("$(build "$bs")")
    [ -n "$props" ] && pp_colds+=("$(build "$pp")")
  else
    [ -n "$props" ] && pp_colds+=("$(build "$pp")")
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
  if [ -n "$props" ]; then
    flip "$pp/codes.toml" "$r"
    pp_incrs+=("$(build "$pp")")
  fi
done
# One line per crate: median wall and CPU of its cold and incremental builds; then ratios.
row() { # label, colds, incrs (newline-separated "wall cpu")
  printf '%-12s %10s %10s %12s %12s\n' "$1" \
    "$(wall <<< "$2" | median)" "$(cpu <<< "$2" | median)" \
    "$(wall <<< "$3" | median)" "$(cpu <<< "$3" | median)"
}
lines() { printf '%s\n' "$@"; }
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "enum of $n codes, debug profile, seconds; medians of $cold_rounds cold and $rounds incremental builds"
printf '%-12s %10s %10s %12s %12s\n' "" "cold wall" "cold cpu" "incr wall" "incr cpu"
row closecodes "$(lines "${cc_colds[@]}")" "$(lines "${cc_incrs[@]}")"
row num_enum "$(lines "${ne_colds[@]}")" "$(lines "${ne_incrs[@]}")"
[ -n "$base" ] && row BASE "$(lines "${bs_colds[@]}")" "$(lines "${bs_incrs[@]}")"
[ -n "$props" ] && row "+properties" "$(lines "${pp_colds[@]}")" "$(lines "${pp_incrs[@]}")"
ratio() { # label, colds A, incrs A, colds B, incrs B
  awk -v l="$1" -v a="$(wall <<< "$2" | median)" -v b="$(wall <<< "$4" | median)" \
    -v c="$(cpu <<< "$2" | median)" -v d="$(cpu <<< "$4" | median)" \
    -v e="$(wall <<< "$3" | median)" -v f="$(wall <<< "$5" | median)" \
    -v g="$(cpu <<< "$3" | median)" -v h="$(cpu <<< "$5" | median)" \
    'BEGIN { printf "ratio %s: cold wall %.2f cpu %.2f, incremental wall %.2f cpu %.2f\n", l, a / b, c / d, e / f, g / h }'
}
ratio closecodes/num_enum "$(lines "${cc_colds[@]}")" "$(lines "${cc_incrs[@]}")" "$(lines "${ne_colds[@]}")" "$(lines "${ne_incrs[@]}")"
[ -n "$base" ] && ratio BASE/num_enum "$(lines "${bs_colds[@]}")" "$(lines "${bs_incrs[@]}")" "$(lines "${ne_colds[@]}")" "$(lines "${ne_incrs[@]}")"
[ -n "$props" ] && ratio +properties/num_enum "$(lines "${pp_colds[@]}")" "$(lines "${pp_incrs[@]}")" "$(lines "${ne_colds[@]}")" "$(lines "${ne_incrs[@]}")"
[ -n "$props" ] && ratio +properties/closecodes "$(lines "${pp_colds[@]}")" "$(lines "${pp_incrs[@]}")" "$(lines "${cc_colds[@]}")" "$(lines "${cc_incrs[@]}")"

echo
echo "closecodes dependency tree (normal dependencies):"
(cd "$root" && cargo tree -q -p closecodes -e normal --prefix depth | sed 's/^/  /')
t0=$(now)
(cd "$root" && CARGO_TARGET_DIR="$work/runtime-target" cargo build -q -p closecodes)
t1=$(now)
echo "clean build of closecodes itself (with its proc macro and parser): $(elapsed "$t0" "$t1") s"
