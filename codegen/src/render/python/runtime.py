# The fixed part of every module `closecodes render --to python` writes: its imports, the row type
# `Entry`, and the lookups behind `describe` and `from_wire`, by the rule of Rust's `from_u16` (a
# named code takes precedence over a code documented in its range, which takes precedence over
# the range). The module holds the part after each `closecodes: types` and `closecodes: lookups`
# marker line, up to the next marker; the lines between them stand for the table's data, so that
# `mypy --strict` and `ruff check` check this file as it stands (tests/tests/clients.rs).
# closecodes: types
from __future__ import annotations

import enum as _enum
from bisect import bisect_left as _bisect_left
from collections.abc import Mapping as _Mapping
from dataclasses import dataclass as _dataclass
from dataclasses import field as _field
from types import MappingProxyType as _MappingProxyType
from typing import Final as _Final
from typing import Literal as _Literal


class _StrEnum(str, _enum.Enum):
    """The base of the enums of enumerated properties: `enum.StrEnum` (Python 3.11) for Python
    3.10 as well, whose members are strings, their values, in `str()` and `format()` too."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(str.__str__(self), format_spec)


_NO_PROPERTIES: _Final[_Mapping[str, str | int]] = _MappingProxyType({})


@_dataclass(frozen=True)
class Entry:
    """A named code, a range interval, or a code documented in a range."""

    kind: _Literal["code", "range", "documented"]
    variant: str
    """The variant that holds the code (the range's, for a range or a documented code)."""
    start: int
    end: int
    reason: str | None
    description: str
    sendable: bool
    """Whether the code may be sent on the wire."""
    flags: _Mapping[str, bool]
    """The table's flags, read-only."""
    properties: _Mapping[str, str | int] = _field(default_factory=lambda: _NO_PROPERTIES)
    """The table's properties, read-only: an enumerated one's value is a member of its enum."""


def _flags(names: tuple[str, ...], *values: bool) -> _Mapping[str, bool]:
    return _MappingProxyType(dict(zip(names, values, strict=True)))


def _properties(names: tuple[str, ...], *values: str | int) -> _Mapping[str, str | int]:
    return _MappingProxyType(dict(zip(names, values, strict=True)))


# closecodes: data
class _Stand(_enum.IntEnum):
    ONE = 1


ENTRIES: _Final[tuple[Entry, ...]] = (Entry("code", "One", 1, 1, None, "d", True, _flags(())),)

# closecodes: lookups
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
