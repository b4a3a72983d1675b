// The fixed part of every file `closecodes render --to java` writes: the row type `Entry`, and
// the lookups behind `describe` and `fromWire`, by the rule of Rust's `from_u16` (a named code
// takes precedence over a code documented in its range, which takes precedence over the range).
// The generated enum holds the part after each `closecodes: types` and `closecodes: lookups`
// marker line, up to the next marker; the declarations between them stand for the table's data,
// so that `javac -Xlint:all -Werror` checks this file as it stands (tests/tests/clients.rs).
package closecodes.runtime;

/** Stands for the generated enum. */
public enum Runtime {
    /** Stands for a named code. */
    ONE;

    // closecodes: types
    /**
     * A named code, a range interval, or a code documented in a range.
     *
     * @param kind "code", "range" or "documented"
     * @param variant the variant that holds the code (the range's, for a range or a documented
     *     code)
     * @param start the first code
     * @param end the last code
     * @param reason the registry's short name, or null
     * @param description what the code means
     * @param sendable whether the code may be sent on the wire
     * @param flags the table's flags, by name, read-only
     * @param properties the table's properties, by name, read-only: a constant of the property's
     *     enum, or an {@code Integer} (empty when the table declares none)
     */
    public record Entry(
            String kind,
            String variant,
            int start,
            int end,
            String reason,
            String description,
            boolean sendable,
            java.util.Map<String, Boolean> flags,
            java.util.Map<String, Object> properties) {
        /** The row, its flags and properties copied into read-only maps. */
        public Entry {
            flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
            properties =
                    java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        }
    }

    // closecodes: data
    private static final java.util.List<String> FLAG_NAMES = java.util.List.of();

    private static final java.util.List<String> PROPERTY_NAMES = java.util.List.of("size");

    private static java.util.Map<String, Object> propertiesOf(Object... values) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < PROPERTY_NAMES.size(); i++) {
            map.put(PROPERTY_NAMES.get(i), values[i]);
        }
        return map;
    }

    private static final java.util.List<Entry> ROWS =
            java.util.List.of(
                    row("code", "ONE", 1, 1, null, "d", true),
                    row("range", "MANY", 2, 9, null, "d", true, propertiesOf(2)));

    // closecodes: lookups
    private static Entry row(
            String kind,
            String variant,
            int start,
            int end,
            String reason,
            String description,
            boolean sendable,
            boolean... flags) {
        return row(kind, variant, start, end, reason, description, sendable, java.util.Map.of(), flags);
    }

    // A row of a table with properties: their values by name, from the table's `propertiesOf`.
    private static Entry row(
            String kind,
            String variant,
            int start,
            int end,
            String reason,
            String description,
            boolean sendable,
            java.util.Map<String, Object> properties,
            boolean... flags) {
        java.util.Map<String, Boolean> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < FLAG_NAMES.size(); i++) {
            map.put(FLAG_NAMES.get(i), flags[i]);
        }
        return new Entry(kind, variant, start, end, reason, description, sendable, map, properties);
    }

    /** Every named code, range interval and documented code, ordered by number; read-only. */
    public static final java.util.List<Entry> ENTRIES = java.util.Collections.unmodifiableList(ROWS);

    // Named codes take precedence over the codes documented in a range.
    private static final java.util.Map<Integer, Entry> POINTS = points();
    private static final java.util.List<Entry> RANGES =
            ROWS.stream().filter(e -> e.kind().equals("range")).toList();

    private static java.util.Map<Integer, Entry> points() {
        java.util.Map<Integer, Entry> points = new java.util.HashMap<>();
        for (Entry e : ROWS) {
            if (e.kind().equals("documented")) {
                points.put(e.start(), e);
            }
        }
        for (Entry e : ROWS) {
            if (e.kind().equals("code")) {
                points.put(e.start(), e);
            }
        }
        return points;
    }

    /**
     * The entry {@code code} falls in: its named code, its documented code, or its range; empty
     * if it is not a code of the table. Any {@code int} is a valid argument.
     *
     * @param code any number
     * @return its entry, if it is a code of the table
     */
    public static java.util.Optional<Entry> describe(int code) {
        Entry point = POINTS.get(code);
        if (point != null) {
            return java.util.Optional.of(point);
        }
        // Binary search over the range intervals, which never overlap, ordered by number.
        int low = 0;
        int high = RANGES.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (RANGES.get(middle).end() < code) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low < RANGES.size() && RANGES.get(low).start() <= code) {
            return java.util.Optional.of(RANGES.get(low));
        }
        return java.util.Optional.empty();
    }

    /**
     * The entry of a code read from the wire: only codes that may be sent.
     *
     * @param code a number read from a Close frame
     * @return its entry, if it is a code of the table that may be sent
     */
    public static java.util.Optional<Entry> fromWire(int code) {
        return describe(code).filter(Entry::sendable);
    }
    // closecodes: end
}
