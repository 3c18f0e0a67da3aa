"""Print one marked block of an env file as shell ``export`` lines.

    python scripts/env_block.py production [.env.example]

A block is the KEY=VALUE lines between ``# --- NAME ---`` and ``# --- end NAME ---``;
comments and blank lines are skipped, values may be quoted. ``.ci/run`` evaluates the
output to run ``check --deploy`` with exactly the production block of .env.example.
"""

import re
import shlex
import sys
from pathlib import Path

LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")


def read_block(text, name):
    start, end = f"# --- {name} ---", f"# --- end {name} ---"
    inside, found, values = False, False, {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line == start:
            inside, found = True, True
        elif line == end:
            if not inside:
                raise ValueError(f"line {number}: {end!r} before {start!r}")
            inside = False
        elif inside and line and not line.startswith("#"):
            match = LINE.match(line)
            if not match:
                raise ValueError(f"line {number}: not KEY=VALUE: {raw!r}")
            key, value = match.groups()
            values[key] = " ".join(shlex.split(value, comments=True)) if value else ""
    if not found:
        raise ValueError(f"no {start!r} line")
    if inside:
        raise ValueError(f"no {end!r} line")
    return values


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    path = Path(argv[2] if len(argv) == 3 else ".env.example")
    try:
        values = read_block(path.read_text(), argv[1])
    except (OSError, ValueError) as error:
        sys.exit(f"{path}: {error}")
    for key, value in values.items():
        print(f"export {key}={shlex.quote(value)}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv)
