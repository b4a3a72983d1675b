// The fixed part of every module `closecodes render --to ts` writes: the lookups behind `describe`
// and `fromWire`, by the rule of Rust's `from_u16` (a named code takes precedence over a code
// documented in its range, which takes precedence over the range). The module holds what follows
// the marker line below, after the table's data; the two declarations above it stand for that
// data, so that `tsc --strict` checks this file as it stands (tests/tests/wire.rs).

interface Entry {
  readonly kind: "code" | "range" | "documented";
  readonly start: number;
  readonly end: number;
  readonly sendable: boolean;
  readonly flags: Readonly<Record<string, boolean>>;
}
declare const ENTRIES: readonly Entry[];

// closecodes: runtime
/** The rows, each frozen with its flags: nothing reachable from `ENTRIES` can change. */
function frozen<T extends { readonly flags: object }>(rows: T[]): readonly T[] {
  for (const row of rows) {
    Object.freeze(row.flags);
    Object.freeze(row);
  }
  return Object.freeze(rows);
}

// Named codes take precedence over the codes documented in a range.
const POINTS: ReadonlyMap<number, Entry> = new Map(
  [...ENTRIES.filter((e) => e.kind === "documented"), ...ENTRIES.filter((e) => e.kind === "code")].map(
    (e) => [e.start, e],
  ),
);
const RANGES: readonly Entry[] = ENTRIES.filter((e) => e.kind === "range");

/**
 * The entry `code` falls in: its named code, its documented code, or its range; `undefined` if it
 * is not a code of the table (any number is a valid argument: 70000, -1, 1.5, NaN).
 */
export function describe(code: number): Entry | undefined {
  if (!Number.isInteger(code)) return undefined;
  const point = POINTS.get(code);
  if (point !== undefined) return point;
  let low = 0;
  let high = RANGES.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (RANGES[middle]!.end < code) low = middle + 1;
    else high = middle;
  }
  const range = RANGES[low];
  return range !== undefined && range.start <= code ? range : undefined;
}

/** The entry of a code read from the wire: only codes that may be sent. */
export function fromWire(code: number): Entry | undefined {
  const entry = describe(code);
  return entry !== undefined && entry.sendable ? entry : undefined;
}
