#!/usr/bin/env python3
"""Writes the two versions of the spec that `closecodes breaking` is timed on (BENCHMARKS.md,
"closecodes breaking of two 10,000-code specs"): a u32 table of 10,000 named codes inside 100
ranges (every other one assignable) with a flag, and with --policy a property set on every range
and every fifth code. In new.toml one code's number changed, one code's flag flipped, and with
--policy one range's `action`. Not fixtures: written to DIR.

    python3 tests/breaking/gen_bench_specs.py DIR [--policy]
    closecodes breaking DIR/new.toml --against DIR/old.toml --message-format json
"""
import pathlib, sys
here = pathlib.Path(sys.argv[1])
policy = "--policy" in sys.argv
def spec(new):
    out = ['[table]', 'name = "Big"', 'repr = "u32"', 'description = "A large table."', '',
           '[[flag]]', 'name = "reconnectable"', 'description = "The client may reconnect."', '']
    if policy:
        out += ['[[property]]', 'name = "action"', 'description = "What a client does."',
                'values = ["stop", "reconnect", "back_off"]', 'default = "stop"', '']
    for r in range(100):
        lo = 10 + r * 300
        out += ['[[range]]', f'name = "Band{r}"', f'codes = "{lo}..={lo + 299}"',
                f'description = "Band {r}."']
        if r % 2:
            out.append('assignable = true')
        if r % 2:
            out.append('flags = ["reconnectable"]')
        if policy:
            action = "back_off" if (new and r == 50) else ("reconnect" if r % 3 else "stop")
            out.append(f'set = {{ action = "{action}" }}')
        out.append('')
    for i in range(10_000):
        number = 10 + i * 3
        if new and i == 5000:
            number += 1
        out += ['[[code]]', f'code = {number}', f'name = "Code{i}"', f'description = "Code {i}."']
        flagged = i % 4 == 0
        if new and i == 7000:
            flagged = not flagged
        if flagged:
            out.append('flags = ["reconnectable"]')
        if policy and i % 5 == 0:
            out.append('set = { action = "back_off" }')
        out.append('')
    return "\n".join(out)
here.mkdir(parents=True, exist_ok=True)
(here / "old.toml").write_text(spec(False))
(here / "new.toml").write_text(spec(True))
