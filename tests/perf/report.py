#!/usr/bin/env python3
"""Summarise a tests/perf/trace recording.

Per traced call: instructions per function. With --tbs: the translation
blocks QEMU (TCG) must look up instead of chaining to, which are the
targets of returns, indirect calls and jumps, and of jumps to another
page, and which of them share a slot of QEMU 7.2's tb_jmp_cache (4096
entries): two hot targets in one slot miss on every pass, each miss a hash
table lookup that costs more than a few hundred instructions.
"""
import argparse
import bisect
import collections
import json


def load_symbols(system_map, ksyms):
    syms = []
    for line in open(system_map):
        a, t, n = line.split()[:3]
        if t.lower() in "tw":
            syms.append((int(a, 16), n))
    for line in open(ksyms):
        p = line.split()
        if len(p) >= 3 and p[1].lower() == "t":
            syms.append((int(p[0], 16), p[2] + "[m]"))
    syms.sort()
    return syms


def namer(syms):
    addrs = [a for a, _ in syms]

    def name(pc, offset=False):
        i = bisect.bisect_right(addrs, pc) - 1
        if i < 0:
            return "?"
        return "%s+%#x" % (syms[i][1], pc - syms[i][0]) if offset else syms[i][1]
    return name


def jmp_cache_slot(pc):
    tmp = pc ^ (pc >> 6)
    return ((tmp >> 6) & 4032) | (tmp & 63)


def lookups(run):
    """Targets reached through a TB lookup, in order."""
    out = []
    for (a, ins), (b, _) in zip(run, run[1:]):
        op = ins.split()[0] if ins else ""
        indirect = op.startswith("ret") or ("*" in ins and op[:4] in ("call", "jmp"))
        if indirect or (not 0 < b - a < 16 and a >> 12 != b >> 12):
            out.append(b)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--system-map", required=True)
    ap.add_argument("--tbs", action="store_true")
    args = ap.parse_args()
    runs = json.load(open(args.trace))
    name = namer(load_symbols(args.system_map, args.trace + ".ksyms"))
    for i, run in enumerate(runs):
        count = collections.Counter(name(pc) for pc, _ in run)
        print("run %d: %d instructions" % (i, len(run)))
        for fn, n in count.most_common(25):
            print("  %6d %s" % (n, fn))
    if not args.tbs:
        return
    run = runs[-1]
    # One pass of a loop: up to the next time the first instruction comes round.
    # (A step at the breakpoint may record the first instruction twice.)
    first = next((k for k in range(len(run)) if run[k][0] != run[0][0]), 0)
    end = next((k for k in range(first, len(run)) if run[k][0] == run[0][0]), len(run))
    run = run[:end]
    targets = lookups(run)
    slots = collections.defaultdict(set)
    for t in set(targets):
        slots[jmp_cache_slot(t)].add(t)
    print("one pass: %d instructions, %d TB lookups, %d distinct targets" %
          (len(run), len(targets), len(set(targets))))
    mod = sorted({t for t in targets if name(t).endswith("[m]")})
    print("  %d in the module: %s" % (len(mod), ", ".join(name(t, True) for t in mod)))
    for slot, ts in sorted(slots.items()):
        if len(ts) > 1:
            print("  tb_jmp_cache slot %4d shared: %s" %
                  (slot, ", ".join(name(t, True) for t in sorted(ts))))


if __name__ == "__main__":
    main()
