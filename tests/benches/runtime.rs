//! Run-time cost of a generated table against tungstenite's hand-written `CloseCode` and against a
//! plain array lookup (the floor), in the same run: `cargo bench -p closecodes-tests --bench runtime`.
#![allow(clippy::wildcard_imports)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::LazyLock;

use closecodes::CloseCode;
use tungstenite::protocol::frame::coding::CloseCode as Tungstenite;

fn main() {
    divan::main();
}

/// 4096 codes as a server sees them: mostly 1000/1001, some errors, some private codes, a few
/// invalid values. Deterministic (a fixed LCG), so every run measures the same input.
static MIX: LazyLock<Vec<u16>> = LazyLock::new(|| {
    const WEIGHTED: &[(u16, u32)] = &[
        (1000, 40),
        (1001, 20),
        (1006, 8),
        (1011, 4),
        (1008, 3),
        (1002, 2),
        (1009, 2),
        (1012, 2),
        (1013, 2),
        (1014, 1),
        (1005, 2),
        (3000, 2),
        (3008, 1),
        (4001, 4),
        (4008, 3),
        (4010, 2),
        (4500, 1),
        (0, 1),
        (2000, 1),
        (65535, 1),
    ];
    let total: u32 = WEIGHTED.iter().map(|(_, w)| w).sum();
    let mut state: u32 = 0x2545_f491;
    (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let mut pick = (state >> 8) % total;
            for &(code, weight) in WEIGHTED {
                if pick < weight {
                    return code;
                }
                pick -= weight;
            }
            1000
        })
        .collect()
});

static ALL: LazyLock<Vec<u16>> = LazyLock::new(|| (0..=u16::MAX).collect());

/// The floor: every answer precomputed in a 65536-entry array.
static FLOOR: LazyLock<Vec<CloseCode>> =
    LazyLock::new(|| (0..=u16::MAX).map(CloseCode::from_u16).collect());

/// Times `f` over every item, so that each benchmark states only what it measures.
fn over<T: Copy + Sync, R>(bencher: divan::Bencher, items: &[T], f: impl Fn(T) -> R + Sync) {
    bencher.counter(items.len()).bench(|| {
        for &item in items {
            black_box(f(black_box(item)));
        }
    });
}

/// The mix, converted once, for the benchmarks that start from a code.
fn closecodes_mix() -> Vec<CloseCode> {
    MIX.iter().map(|&v| CloseCode::from_u16(v)).collect()
}

fn tungstenite_mix() -> Vec<Tungstenite> {
    MIX.iter().map(|&v| Tungstenite::from(v)).collect()
}

/// Formats every code into one reused `String`.
fn display_all<T: Copy + std::fmt::Display>(bencher: divan::Bencher, codes: &[T]) {
    let mut buffer = String::with_capacity(64);
    bencher.counter(codes.len()).bench_local(|| {
        for &c in codes {
            buffer.clear();
            let _ = write!(buffer, "{}", black_box(c));
            black_box(&buffer);
        }
    });
}

fn inputs(name: &str) -> &'static [u16] {
    if name == "mix" { &MIX } else { &ALL }
}

mod from_u16 {
    use super::*;

    #[divan::bench(args = ["mix", "all"])]
    fn closecodes(bencher: divan::Bencher, input: &str) {
        let values = inputs(input);
        over(bencher, values, CloseCode::from_u16);
    }

    #[divan::bench(args = ["mix", "all"])]
    fn tungstenite(bencher: divan::Bencher, input: &str) {
        let values = inputs(input);
        over(bencher, values, Tungstenite::from);
    }

    #[divan::bench(args = ["mix", "all"])]
    fn array_floor(bencher: divan::Bencher, input: &str) {
        let values = inputs(input);
        let floor = &**FLOOR;
        over(bencher, values, |v| floor[usize::from(v)]);
    }
}

mod to_u16 {
    use super::*;

    #[divan::bench]
    fn closecodes(bencher: divan::Bencher) {
        let codes = closecodes_mix();
        over(bencher, &codes, CloseCode::as_u16);
    }

    #[divan::bench]
    fn tungstenite(bencher: divan::Bencher) {
        let codes = tungstenite_mix();
        over(bencher, &codes, u16::from);
    }
}

mod accessors {
    use super::*;

    #[divan::bench]
    fn reason(bencher: divan::Bencher) {
        let codes = closecodes_mix();
        over(bencher, &codes, CloseCode::reason);
    }

    #[divan::bench]
    fn is_sendable(bencher: divan::Bencher) {
        let codes = closecodes_mix();
        over(bencher, &codes, CloseCode::is_sendable);
    }

    #[divan::bench]
    fn is_allowed_tungstenite(bencher: divan::Bencher) {
        let codes = tungstenite_mix();
        over(bencher, &codes, Tungstenite::is_allowed);
    }

    #[divan::bench]
    fn display_into_reused_buffer(bencher: divan::Bencher) {
        let codes = closecodes_mix();
        display_all(bencher, &codes);
    }

    #[divan::bench]
    fn display_tungstenite(bencher: divan::Bencher) {
        let codes = tungstenite_mix();
        display_all(bencher, &codes);
    }
}
