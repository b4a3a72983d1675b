# The fixed part of every module `closecodes render --to python` writes: the lookups behind
# `describe` and `from_wire`, by the rule of Rust's `from_u16` (a named code takes precedence over
# a code documented in its range, which takes precedence over the range). The module holds what
# follows the marker line below, after the table's data; the lines above it stand for that data,
# so that `mypy --strict` and `ruff check` check this file as it stands (tests/tests/clients.rs).
from __future__ import annotations

from bisect import bisect_left as _bisect_left
from dataclasses import dataclass as _dataclass
from typing import Final as _Final
from typing import Literal as _Literal


@_dataclass(frozen=True)
class Entry:
    kind: _Literal["code", "range", "documented"]
    start: int
    end: int
    sendable: bool


ENTRIES: _Final[tuple[Entry, ...]] = ()

# closecodes: runtime
# Named codes take precedence over the codes documented in a range.
_POINTS: _Final[dict[int, Entry]] = {
    **{e.start: e for e in ENTRIES if e.kind == "documented"},
    **{e.start: e for e in ENTRIES if e.kind == "code"},
}
_RANGES: _Final[tuple[Entry, ...]] = tuple(e for e in ENTRIES if e.kind == "range")
_RANGE_ENDS: _Final[tuple[int, ...]] = tuple(e.end for e in _RANGES)


def describe(code: int) -> Entry | None:
    """The entry `code` falls in: its named code, its documented code, or its range; `None` if it
    is not a code of the table (any int is a valid argument: 70000, -1)."""
    point = _POINTS.get(code)
    if point is not None:
        return point
    # Binary search over the range intervals, which never overlap, ordered by number.
    at = _bisect_left(_RANGE_ENDS, code)
    if at < len(_RANGES) and _RANGES[at].start <= code:
        return _RANGES[at]
    return None


def from_wire(code: int) -> Entry | None:
    """The entry of a code read from the wire: only codes that may be sent."""
    entry = describe(code)
    return entry if entry is not None and entry.sendable else None
