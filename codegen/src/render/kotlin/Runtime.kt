// The fixed part of every file `closecodes render --to kotlin` writes: the lookups behind
// `describe` and `fromWire`, by the rule of Rust's `from_u16` (a named code takes precedence over
// a code documented in its range, which takes precedence over the range). The generated enum's
// companion object holds what lies between the two marker lines below; the declarations around
// them stand for the table's data, so that `kotlinc -Werror` checks this file as it stands
// (tests/tests/clients.rs).
package closecodes.runtime

data class Entry(val kind: String, val start: Int, val end: Int, val sendable: Boolean)

// The generated file names `Entry` so inside its enum, where a code named `Entry` would shadow it.
typealias Entry_ = Entry

object Runtime {
    val ENTRIES: List<Entry_> = listOf()

    // closecodes: runtime
    // Named codes take precedence over the codes documented in a range.
    private val POINTS: Map<Int, Entry_> =
        (ENTRIES.filter { it.kind == "documented" } + ENTRIES.filter { it.kind == "code" })
            .associateBy { it.start }
    private val RANGES: List<Entry_> = ENTRIES.filter { it.kind == "range" }

    /**
     * The entry [code] falls in: its named code, its documented code, or its range; `null` if it
     * is not a code of the table. Any `Int` is a valid argument.
     */
    fun describe(code: Int): Entry_? {
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
    fun fromWire(code: Int): Entry_? = describe(code)?.takeIf { it.sendable }
    // closecodes: end
}
