# vtd's load log names the QEMU unit, its flags and its explicit scopes, and
# dmar-decode run in the guest on the live table agrees with it.
. "$(dirname "$0")/lib.sh"
dec=$(static_decode)
"$VM" --add "$dec:/bin/dmar-decode" -- sh -c '
	dmesg | grep "vtd: vtd0: DRHD"
	dmesg | grep -o "vtd0: [0-9]* PCI device(s) in scope"
	echo "pci=$(ls /sys/bus/pci/devices | wc -l)"
	echo ---
	dmar-decode --json' > "$E2E_TMP/out"
log=$(sed -n '1p' "$E2E_TMP/out")
# Scope resolution on the live topology: QEMU lists every bus-0 device.
inscope=$(sed -n '2s/vtd0: \([0-9]*\) PCI.*/\1/p' "$E2E_TMP/out")
pci=$(sed -n 's/^pci=//p' "$E2E_TMP/out")
expect "vtd0 covers all $pci PCI devices (log says ${inscope:-nothing})" [ "$inscope" = "$pci" ]
sed '1,/^---$/d' "$E2E_TMP/out" > "$E2E_TMP/decode.json"
python3 - "$log" "$E2E_TMP/decode.json" <<'PY'
import json, re, sys
log, dec = sys.argv[1], json.load(open(sys.argv[2]))
m = re.search(r"DRHD at (0x[0-9a-f]+) segment (\d+) flags (0x[0-9a-f]+):.*; covers (.*)$", log)
assert m, "no unit line in vtd's log: %r" % log
units = [s for s in dec["structures"] if s["type"] == "DRHD"]
assert len(units) == 1, "QEMU has one unit, dmar-decode saw %d" % len(units)
u = units[0]
assert m.group(1) == u["address"] == "0xfed90000", (m.group(1), u["address"])
assert int(m.group(2)) == u["segment"] and int(m.group(3), 16) == u["flags"]
names = {1: "endpoint", 2: "bridge", 3: "ioapic", 4: "hpet"}
def fmt(sc):
    s = names[sc["type"]] + ("" if sc["type"] in (1, 2) else " %d" % sc["enumeration_id"])
    return s + " %02x:" % sc["bus"] + "/".join("%02x.%x" % (d, f) for d, f in sc["path"])
want = [fmt(sc) for sc in u["scopes"]]
got = [x.strip() for x in m.group(4).split(";")]
assert got == want, "log says %s, dmar-decode says %s" % (got, want)
assert any(s.startswith("endpoint") for s in got) and any(s.startswith("ioapic") for s in got)
print("agree on", len(got), "scopes")
PY
