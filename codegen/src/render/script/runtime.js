// The fixed part of every module `closecodes render --to js` writes: the row type `Entry`, and the
// lookups behind `describe` and `fromWire`, by the rule of Rust's `from_u16` (a named code takes
// precedence over a code documented in its range, which takes precedence over the range). The
// module holds the part after each `closecodes: types` and `closecodes: lookups` marker line, up
// to the next marker; the declarations between them stand for the table's data, so that
// `tsc --checkJs --strict` checks this file as it stands (tests/tests/wire.rs).

/** @typedef {{ readonly [flag: string]: boolean }} Flags */

// closecodes: types
/**
 * A named code, a range interval, or a code documented in a range.
 * @typedef {{ readonly kind: "code" | "range" | "documented", readonly variant: string, readonly start: number, readonly end: number, readonly reason: string | undefined, readonly description: string, readonly sendable: boolean, readonly flags: Flags }} Entry
 */

// closecodes: data
/** @type {readonly Entry[]} */
const ENTRIES = [];

// closecodes: lookups
/**
 * The rows, each frozen with its flags and properties: nothing reachable from `ENTRIES` can change.
 * @template {{ readonly flags: object, readonly properties?: object }} T
 * @param {T[]} rows
 * @returns {readonly T[]}
 */
function frozen(rows) {
  for (const row of rows) {
    Object.freeze(row.flags);
    if (row.properties !== undefined) Object.freeze(row.properties);
    Object.freeze(row);
  }
  return Object.freeze(rows);
}

// Named codes take precedence over the codes documented in a range.
/** @type {ReadonlyMap<number, Entry>} */
const POINTS = new Map(
  [...ENTRIES.filter((e) => e.kind === "documented"), ...ENTRIES.filter((e) => e.kind === "code")].map(
    (e) => [e.start, e],
  ),
);
/** @type {readonly Entry[]} */
const RANGES = ENTRIES.filter((e) => e.kind === "range");

/**
 * The entry `code` falls in: its named code, its documented code, or its range; `undefined` if it
 * is not a code of the table (any number is a valid argument: 70000, -1, 1.5, NaN).
 * @param {number} code
 * @returns {Entry | undefined}
 */
export function describe(code) {
  if (!Number.isInteger(code)) return undefined;
  const point = POINTS.get(code);
  if (point !== undefined) return point;
  let low = 0;
  let high = RANGES.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (/** @type {Entry} */ (RANGES[middle]).end < code) low = middle + 1;
    else high = middle;
  }
  const range = RANGES[low];
  return range !== undefined && range.start <= code ? range : undefined;
}

/**
 * The entry of a code read from the wire: only codes that may be sent.
 * @param {number} code
 * @returns {Entry | undefined}
 */
export function fromWire(code) {
  const entry = describe(code);
  return entry !== undefined && entry.sendable ? entry : undefined;
}
