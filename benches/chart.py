#!/usr/bin/env python3
"""Turns the output of benches/run.sh into the report's figures.

    python3 benches/chart.py [RESULTS_DIR] [SVG_OUT]

Reads RESULTS_DIR/micro.txt and messages.txt (divan's tables) and trio.txt (benches/trio.sh's
lines), prints a Markdown table per suite with capnzero's median as a ratio to the `capnp`
crate and to plain Rust, and writes SVG_OUT (default docs/benchmarks.svg): one bar per
benchmark, capnzero's time over the `capnp` crate's, with the 0.8 and 1.0 marks of the targets.
"""

import os
import re
import sys

CONTESTANTS = {"plain": "plain", "tuple": "plain", "capnzero": "capnzero", "capnp": "capnp"}
UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
BRANCH = re.compile(r"[├╰]─ ")


def parse_time(text):
    match = re.match(r"\s*([0-9.]+)\s*(ps|ns|µs|us|ms|s)\s*$", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def split_contestant(path):
    """(benchmark name, contestant) of a divan path, whose contestant is a component of its
    own (`read/int8/capnzero`) or the leaf's suffix (`construct/three_ints_capnzero`)."""
    for i, part in enumerate(path):
        if part in CONTESTANTS:
            return "/".join(path[:i] + path[i + 1:]), CONTESTANTS[part]
    leaf = path[-1]
    for suffix, who in CONTESTANTS.items():
        if leaf.endswith("_" + suffix):
            return "/".join(path[:-1] + [leaf[: -len(suffix) - 1]]), who
    return None, None


def parse_divan(path):
    """{benchmark: {contestant: median in ns}} from divan's table."""
    results = {}
    stack = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            branch = BRANCH.search(line)
            if not branch:
                continue
            depth = branch.start() // 3
            columns = line[branch.end():].split("│")
            name = re.split(r"\s{2,}", columns[0].strip())[0]
            del stack[depth:]
            stack.append(name)
            if len(columns) < 3:
                continue
            median = parse_time(columns[2])
            if median is None:
                continue
            benchmark, who = split_contestant(list(stack))
            if benchmark:
                results.setdefault(benchmark, {})[who] = median
    return results


def parse_trio(path):
    """{(case, mode, reuse, compression): {binary name: seconds}}."""
    results = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) != 6:
                continue
            case, mode, reuse, compression, binary, seconds = fields
            results.setdefault((case, mode, reuse, compression), {})[os.path.basename(binary)] = float(seconds)
    return results


def show_time(ns):
    if ns is None:
        return "–"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "–"


def divan_table(results):
    rows = ["| benchmark | plain | capnzero | capnp crate | capnzero / capnp | capnzero / plain |", "|---|---|---|---|---|---|"]
    for name, times in results.items():
        zero, capnp, plain = times.get("capnzero"), times.get("capnp"), times.get("plain")
        rows.append(
            f"| {name} | {show_time(plain)} | {show_time(zero)} | {show_time(capnp)} | {ratio(zero, capnp)} | {ratio(zero, plain)} |"
        )
    return "\n".join(rows)


def trio_table(results):
    rows = ["| case | mode | reuse | compression | capnzero | capnproto-rust | ratio |", "|---|---|---|---|---|---|---|"]
    for (case, mode, reuse, compression), times in results.items():
        zero = times.get("capnzero-benchmark")
        other = next((t for b, t in times.items() if b != "capnzero-benchmark"), None)
        rows.append(
            f"| {case} | {mode} | {reuse} | {compression} | {zero:.3f} s | "
            + (f"{other:.3f} s | {zero / other:.2f} |" if other else "– | – |")
        )
    return "\n".join(rows)


def svg(bars, out):
    """Horizontal bars of (label, ratio), on a scale to 2.0 (longer bars are clipped)."""
    width, label_width, bar_height, top = 900, 330, 14, 40
    scale = (width - label_width - 60) / 2.0
    height = top + len(bars) * (bar_height + 4) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">capnzero time / capnp crate time (lower is better)</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = top + i * (bar_height + 4)
        length = min(value, 2.0) * scale
        color = "#2a9d8f" if value <= 0.8 else "#e9c46a" if value <= 1.0 else "#e76f51"
        parts.append(f'<text x="{label_width - 6}" y="{y + bar_height - 3}" text-anchor="end">{label}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{color}"/>')
        parts.append(f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 3}">{value:.2f}</text>')
    for mark in (0.8, 1.0):
        x = label_width + mark * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 24}" stroke="black" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle">{mark}</text>')
    parts.append("</svg>")
    with open(out, "w", encoding="utf-8") as file:
        file.write("\n".join(parts) + "\n")


def main():
    results_dir = sys.argv[1] if len(sys.argv) > 1 else "target/bench-results"
    out = sys.argv[2] if len(sys.argv) > 2 else "docs/benchmarks.svg"
    bars = []
    for suite in ("micro", "messages"):
        path = os.path.join(results_dir, suite + ".txt")
        if not os.path.exists(path):
            continue
        results = parse_divan(path)
        print(f"### {suite}\n\n{divan_table(results)}\n")
        bars += [(name, t["capnzero"] / t["capnp"]) for name, t in results.items() if t.get("capnzero") and t.get("capnp")]
    trio = os.path.join(results_dir, "trio.txt")
    if os.path.exists(trio):
        results = parse_trio(trio)
        print(f"### trio\n\n{trio_table(results)}\n")
        for key, times in results.items():
            zero = times.get("capnzero-benchmark")
            other = next((t for b, t in times.items() if b != "capnzero-benchmark"), None)
            if zero and other:
                bars.append((" ".join(key), zero / other))
    svg(bars, out)


if __name__ == "__main__":
    main()
