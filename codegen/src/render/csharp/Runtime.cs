// The fixed part of every file `closecodes render --to csharp` writes: the row type `Entry`, and
// the lookups behind Describe and FromWire, by the rule of Rust's `from_u16` (a named code takes
// precedence over a code documented in its range, which takes precedence over the range). The
// file holds the part after each `closecodes: types` and `closecodes: lookups` marker line, up to
// the next marker; the declarations between them stand for the table's data, so that
// `mcs -warnaserror` checks this file as it stands (tests/tests/clients.rs).
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Closecodes.Runtime
{
    // closecodes: types
    /// <summary>
    /// A named code, a range interval, or a code documented in a range.
    /// </summary>
    public sealed class Entry
    {
        internal Entry(string kind, string variant, int start, int end, string reason, string description, bool sendable, IReadOnlyDictionary<string, bool> flags, IReadOnlyDictionary<string, object> properties)
        {
            Kind = kind;
            Variant = variant;
            Start = start;
            End = end;
            Reason = reason;
            Description = description;
            Sendable = sendable;
            Flags = flags;
            Properties = properties;
        }

        /// <summary>"code", "range" or "documented".</summary>
        public string Kind { get; private set; }

        /// <summary>The variant that holds the code (the range's, for a range or a documented code).</summary>
        public string Variant { get; private set; }

        /// <summary>The first code.</summary>
        public int Start { get; private set; }

        /// <summary>The last code.</summary>
        public int End { get; private set; }

        /// <summary>The registry's short name, or null.</summary>
        public string Reason { get; private set; }

        /// <summary>What the code means.</summary>
        public string Description { get; private set; }

        /// <summary>Whether the code may be sent on the wire.</summary>
        public bool Sendable { get; private set; }

        /// <summary>The table's flags, by name, read-only.</summary>
        public IReadOnlyDictionary<string, bool> Flags { get; private set; }

        /// <summary>The table's properties, by name, read-only: a member of the property's enum,
        /// or a number of the property's type (empty when the table declares none).</summary>
        public IReadOnlyDictionary<string, object> Properties { get; private set; }
    }

    // closecodes: data
    public static class StandTable
    {
        private static readonly string[] FlagNames = { };

        private static readonly string[] PropertyNames = { "size" };

        private static Dictionary<string, object> PropertiesOf(params object[] values)
        {
            var map = new Dictionary<string, object>();
            for (int i = 0; i < PropertyNames.Length; i++) map[PropertyNames[i]] = values[i];
            return map;
        }

        public static readonly IReadOnlyList<Entry> Entries = new ReadOnlyCollection<Entry>(new[]
        {
            Row("code", "One", 1, 1, null, "d", true),
            Row("range", "Many", 2, 9, null, "d", true, PropertiesOf(2)),
        });

        // closecodes: lookups
        private static Entry Row(string kind, string variant, int start, int end, string reason, string description, bool sendable, params bool[] flags)
        {
            return Row(kind, variant, start, end, reason, description, sendable, new Dictionary<string, object>(), flags);
        }

        // A row of a table with properties: their values by name, from the table's PropertiesOf.
        private static Entry Row(string kind, string variant, int start, int end, string reason, string description, bool sendable, Dictionary<string, object> properties, params bool[] flags)
        {
            var map = new Dictionary<string, bool>();
            for (int i = 0; i < FlagNames.Length; i++) map[FlagNames[i]] = flags[i];
            return new Entry(kind, variant, start, end, reason, description, sendable, new ReadOnlyDictionary<string, bool>(map), new ReadOnlyDictionary<string, object>(properties));
        }

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
