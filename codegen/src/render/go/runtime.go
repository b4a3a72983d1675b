// The fixed part of every file `closecodes render --to go` writes: the lookups behind Describe
// and FromWire, by the rule of Rust's `from_u16` (a named code takes precedence over a code
// documented in its range, which takes precedence over the range). The file holds what follows
// the marker line below, after the table's data; the declarations above it stand for that data,
// so that `gofmt -l` and `go vet` check this file as it stands (tests/tests/clients.rs).

package runtime

import "sort"

// Entry stands for the generated Entry.
type Entry struct {
	Kind     string
	Start    int
	End      int
	Sendable bool
}

// Entries stands for the generated Entries.
var Entries = []Entry{}

// closecodes: runtime
// points maps a named code or a code documented in a range to its entry; named codes take
// precedence over documented ones.
var points = func() map[int]int {
	m := make(map[int]int, len(Entries))
	for i, e := range Entries {
		if e.Kind == "documented" {
			m[e.Start] = i
		}
	}
	for i, e := range Entries {
		if e.Kind == "code" {
			m[e.Start] = i
		}
	}
	return m
}()

// ranges holds the positions of the range intervals in Entries, ordered by number.
var ranges = func() []int {
	var r []int
	for i, e := range Entries {
		if e.Kind == "range" {
			r = append(r, i)
		}
	}
	return r
}()

// Describe returns the entry code falls in: its named code, its documented code, or its range;
// false if it is not a code of the table. Any int is a valid argument.
func Describe(code int) (Entry, bool) {
	if i, ok := points[code]; ok {
		return Entries[i], true
	}
	// Binary search over the range intervals, which never overlap.
	at := sort.Search(len(ranges), func(i int) bool { return Entries[ranges[i]].End >= code })
	if at < len(ranges) && Entries[ranges[at]].Start <= code {
		return Entries[ranges[at]], true
	}
	return Entry{}, false
}

// FromWire returns the entry of a code read from the wire: only codes that may be sent.
func FromWire(code int) (Entry, bool) {
	e, ok := Describe(code)
	if !ok || !e.Sendable {
		return Entry{}, false
	}
	return e, true
}
