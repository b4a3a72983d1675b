// The fixed part of every file `closecodes render --to csharp` writes: the lookups behind
// Describe and FromWire, by the rule of Rust's `from_u16` (a named code takes precedence over a
// code documented in its range, which takes precedence over the range). The generated static
// class holds what lies between the two marker lines below; the declarations around them stand
// for the table's data, so that `mcs -warnaserror` checks this file as it stands
// (tests/tests/clients.rs).
using System.Collections.Generic;

namespace Closecodes.Runtime
{
    public sealed class Entry
    {
        public string Kind;
        public int Start;
        public int End;
        public bool Sendable;
    }

    public static class Runtime
    {
        public static readonly IReadOnlyList<Entry> Entries = new Entry[0];

        // closecodes: runtime
        // Named codes take precedence over the codes documented in a range.
        private static readonly Dictionary<int, Entry> Points = BuildPoints();
        private static readonly List<Entry> Ranges = BuildRanges();

        private static Dictionary<int, Entry> BuildPoints()
        {
            var points = new Dictionary<int, Entry>();
            foreach (var entry in Entries)
            {
                if (entry.Kind == "documented") points[entry.Start] = entry;
            }
            foreach (var entry in Entries)
            {
                if (entry.Kind == "code") points[entry.Start] = entry;
            }
            return points;
        }

        private static List<Entry> BuildRanges()
        {
            var ranges = new List<Entry>();
            foreach (var entry in Entries)
            {
                if (entry.Kind == "range") ranges.Add(entry);
            }
            return ranges;
        }

        /// <summary>The entry <paramref name="code"/> falls in: its named code, its documented
        /// code, or its range; null if it is not a code of the table. Any int is a valid
        /// argument.</summary>
        public static Entry Describe(int code)
        {
            Entry point;
            if (Points.TryGetValue(code, out point)) return point;
            // Binary search over the range intervals, which never overlap, ordered by number.
            int low = 0, high = Ranges.Count;
            while (low < high)
            {
                int middle = (low + high) >> 1;
                if (Ranges[middle].End < code) low = middle + 1; else high = middle;
            }
            return low < Ranges.Count && Ranges[low].Start <= code ? Ranges[low] : null;
        }

        /// <summary>The entry of a code read from the wire: only codes that may be
        /// sent.</summary>
        public static Entry FromWire(int code)
        {
            var entry = Describe(code);
            return entry != null && entry.Sendable ? entry : null;
        }
        // closecodes: end
    }
}
