#!/usr/bin/env python3
"""Turns `capnp compile -ocapnp` output into one sorted line per layout fact:
`Struct.path: comment`, for struct sizes, fields, union tags and union members."""
import re
import sys

stack = []
out = []
skip_depth = None
for raw in sys.stdin:
    line = raw.strip()
    if not line or line.startswith("#") and not stack:
        continue
    code, _, comment = line.partition("#")
    code, comment = code.strip(), comment.strip()
    path = ".".join(s for s in stack if s)
    if code.endswith("{"):
        m = re.match(r"(struct|enum|interface)\s+(\w+)", code)
        if m:
            stack.append(m.group(2))
            if m.group(1) == "struct":
                out.append(f"{'.'.join(stack)}: {comment}")
            continue
        m = re.match(r"(\w+)\s*:group", code)
        if m:
            stack.append(m.group(1))
            if comment:
                out.append(f"{'.'.join(s for s in stack if s)}: {comment}")
            continue
        if code.startswith("union"):
            stack.append("")
            out.append(f"{path}: union {comment}")
            continue
        stack.append("?")
        continue
    if code == "}":
        stack.pop()
        continue
    m = re.match(r"(\w+)\s+@\d+\s*:", code)
    if m and comment:
        out.append(f"{path}.{m.group(1)}: {comment}")
for line in sorted(out):
    print(line)
