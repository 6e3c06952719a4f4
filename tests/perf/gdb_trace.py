# Loaded by tests/perf/trace into "gdb -batch": single-step the guest through
# QEMU's gdb stub and record every instruction executed.
#   TRACE_ADDR   address of the function to trace (hex)
#   TRACE_CALLS  trace this many calls, each until it returns, or
#   TRACE_STEPS  from the second hit on, this many instructions in a row
#   TRACE_OUT    JSON: a list of runs, each a list of [pc, instruction text]
import json
import os

import gdb

addr = int(os.environ["TRACE_ADDR"], 16)
calls = int(os.environ.get("TRACE_CALLS", "0"))
steps = int(os.environ.get("TRACE_STEPS", "0"))
mask = 2**64 - 1


def reg(name):
    return int(gdb.parse_and_eval(name)) & mask


def here():
    text = gdb.execute("x/i $pc", to_string=True)
    return [reg("$pc"), text.split(":", 1)[1].strip() if ":" in text else text.strip()]


gdb.execute("set architecture i386:x86-64")
gdb.execute("target remote :1234")
runs = []
for n in range(max(calls, 1)):
    bp = gdb.Breakpoint("*0x%x" % addr, internal=True)
    gdb.execute("continue", to_string=True)
    if steps:
        gdb.execute("continue", to_string=True)  # the second hit: caches warm
    bp.delete()
    run = [here()]
    if steps:
        for _ in range(steps):
            gdb.execute("stepi", to_string=True)
            run.append(here())
    else:
        sp, ret = reg("$rsp"), reg("*(unsigned long *)$rsp")
        while len(run) < 200000:
            gdb.execute("stepi", to_string=True)
            if reg("$pc") == ret and reg("$rsp") > sp:
                break
            run.append(here())
    runs.append(run)
json.dump(runs, open(os.environ["TRACE_OUT"], "w"))
gdb.execute("kill")
