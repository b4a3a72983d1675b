// The fixed part of every file `closecodes render --to go` writes: the row type Entry, and the
// lookups behind Describe and FromWire, by the rule of Rust's `from_u16` (a named code takes
// precedence over a code documented in its range, which takes precedence over the range). The
// file holds the part after each `closecodes: types` and `closecodes: lookups` marker line, up
// to the next marker; the declarations between them stand for the table's data, so that
// `gofmt -l` and `go vet` check this file as it stands (tests/tests/clients.rs).

package runtime

import "sort"

// Flags stands for the generated Flags.
type Flags struct{}

// closecodes: types
// Entry is a named code, a range interval, or a code documented in a range.
type Entry struct {
	// Kind is "code", "range" or "documented".
	Kind string

	// Variant is the variant that holds the code (the range's, for a range or a
	// documented code).
	Variant string

	// Start is the first code.
	Start int

	// End is the last code.
	End int

	// Reason is the registry's short name; empty when there is none.
	Reason string

	// Description says what the code means.
	Description string

	// Sendable says whether the code may be sent on the wire.
	Sendable bool

	// Flags holds the table's flags.
	Flags Flags

	// Properties holds the table's properties by name (nil in a table without any): an
	// enumerated property's value has its type, an integer one is an int. Read it only: the
	// map of an entry Describe returns is the one the getters read.
	Properties map[string]any
}

// closecodes: data
var entries = []Entry{}

// closecodes: lookups
// Entries holds every named code, range interval and documented code, ordered by number: a
// copy of the rows the lookups read, so that a change to it changes no lookup.
var Entries = func() []Entry {
	c := append([]Entry(nil), entries...)
	for i, e := range c {
		if e.Properties != nil {
			p := make(map[string]any, len(e.Properties))
			for k, v := range e.Properties {
				p[k] = v
			}
			c[i].Properties = p
		}
	}
	return c
}()

// points maps a named code or a code documented in a range to its row; named codes take
// precedence over documented ones.
var points = func() map[int]int {
	m := make(map[int]int, len(entries))
	for i, e := range entries {
		if e.Kind == "documented" {
			m[e.Start] = i
		}
	}
	for i, e := range entries {
		if e.Kind == "code" {
			m[e.Start] = i
		}
	}
	return m
}()

// ranges holds the positions of the range intervals in entries, ordered by number.
var ranges = func() []int {
	var r []int
	for i, e := range entries {
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
		return entries[i], true
	}
	// Binary search over the range intervals, which never overlap.
	at := sort.Search(len(ranges), func(i int) bool { return entries[ranges[i]].End >= code })
	if at < len(ranges) && entries[ranges[at]].Start <= code {
		return entries[ranges[at]], true
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
