// The fixed part of every file `closecodes render --to kotlin` writes: the row type `Entry`, and
// the lookups behind `describe` and `fromWire`, by the rule of Rust's `from_u16` (a named code
// takes precedence over a code documented in its range, which takes precedence over the range).
// The file holds the part after each `closecodes: types` and `closecodes: lookups` marker line, up
// to the next marker; the declarations between them stand for the table's data, so that
// `kotlinc -Werror` checks this file as it stands (tests/tests/clients.rs). Every type and
// annotation is named in full (`kotlin.Int`), so that no name of the table shadows one.
package closecodes.runtime

// closecodes: types
/** A named code, a range interval, or a code documented in a range. */
data class Entry(
    val kind: kotlin.String,
    /** The variant that holds the code (the range's, for a range or a documented code). */
    val variant: kotlin.String,
    val start: kotlin.Int,
    val end: kotlin.Int,
    val reason: kotlin.String?,
    val description: kotlin.String,
    /** Whether the code may be sent on the wire. */
    val sendable: kotlin.Boolean,
    /** The table's flags, by name, read-only. */
    val flags: kotlin.collections.Map<kotlin.String, kotlin.Boolean>,
    /**
     * The table's properties, by name, read-only: an entry of the property's enum class, or an
     * `Int` (empty when the table declares none).
     */
    val properties: kotlin.collections.Map<kotlin.String, kotlin.Any>
)

// `Entry` inside the enum, where an entry named `Entry` would be found first.
private typealias entryType = Entry

private fun entryOf(
    kind: kotlin.String,
    variant: kotlin.String,
    start: kotlin.Int,
    end: kotlin.Int,
    reason: kotlin.String?,
    description: kotlin.String,
    sendable: kotlin.Boolean,
    vararg flags: kotlin.Boolean
): Entry = entryOf(kind, variant, start, end, reason, description, sendable, kotlin.collections.emptyMap(), *flags)

// A row of a table with properties: their values by name, from the table's `propertiesOf`.
private fun entryOf(
    kind: kotlin.String,
    variant: kotlin.String,
    start: kotlin.Int,
    end: kotlin.Int,
    reason: kotlin.String?,
    description: kotlin.String,
    sendable: kotlin.Boolean,
    properties: kotlin.collections.Map<kotlin.String, kotlin.Any>,
    vararg flags: kotlin.Boolean
): Entry = Entry(
    kind,
    variant,
    start,
    end,
    reason,
    description,
    sendable,
    java.util.Collections.unmodifiableMap(FLAG_NAMES.zip(flags.toList()).toMap()),
    java.util.Collections.unmodifiableMap(properties)
)

// closecodes: data
private val FLAG_NAMES: kotlin.collections.List<kotlin.String> = kotlin.collections.listOf()

private val PROPERTY_NAMES: kotlin.collections.List<kotlin.String> = kotlin.collections.listOf("size")

private fun propertiesOf(vararg values: kotlin.Any): kotlin.collections.Map<kotlin.String, kotlin.Any> =
    PROPERTY_NAMES.zip(values).toMap()

enum class Stand(val code: kotlin.Int) {
    One(1);

    companion object {
        private val ROWS: kotlin.collections.List<entryType> =
            kotlin.collections.listOf(
                entryOf("code", "One", 1, 1, null, "d", true),
                entryOf("range", "Many", 2, 9, null, "d", true, propertiesOf(2))
            )

        // closecodes: lookups
        /** Every named code, range interval and documented code, ordered by number; read-only. */
        @kotlin.jvm.JvmField
        val ENTRIES: kotlin.collections.List<entryType> = java.util.Collections.unmodifiableList(ROWS)

        // Named codes take precedence over the codes documented in a range.
        private val POINTS: kotlin.collections.Map<kotlin.Int, entryType> =
            (ROWS.filter { it.kind == "documented" } + ROWS.filter { it.kind == "code" })
                .associateBy { it.start }
        private val RANGES: kotlin.collections.List<entryType> = ROWS.filter { it.kind == "range" }

        /**
         * The entry [code] falls in: its named code, its documented code, or its range; `null` if
         * it is not a code of the table. Any `Int` is a valid argument.
         */
        @kotlin.jvm.JvmStatic
        fun describe(code: kotlin.Int): entryType? {
            POINTS[code]?.let { return it }
            // Binary search over the range intervals, which never overlap, ordered by number.
            var low = 0
            var high = RANGES.size
            while (low < high) {
                val middle = (low + high) ushr 1
                if (RANGES[middle].end < code) low = middle + 1 else high = middle
            }
            val range = RANGES.getOrNull(low)
            return if (range != null && range.start <= code) range else null
        }

        /** The entry of a code read from the wire: only codes that may be sent. */
        @kotlin.jvm.JvmStatic
        fun fromWire(code: kotlin.Int): entryType? = describe(code)?.takeIf { it.sendable }
        // closecodes: end
    }
}
