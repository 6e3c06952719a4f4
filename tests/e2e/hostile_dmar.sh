# Firmware tables are hostile: QEMU's DMAR is replaced through the initrd
# (ACPI table upgrade) with broken variants. vtd keeps the usable unit and
# names each broken structure; with nothing usable left it refuses to load.
. "$(dirname "$0")/lib.sh"
"$VM" --no-load -- cat /sys/firmware/acpi/tables/DMAR > "$E2E_TMP/base.bin"

# variant extra: + a DRHD with register base 0 + an RMRR whose base is above its limit.
# variant none: the only DRHD's register base set to 0.
python3 - "$E2E_TMP" <<'PY'
import struct, sys
d = sys.argv[1]
base = bytearray(open(d + "/base.bin", "rb").read())
def finish(t):
    t = bytearray(t)
    struct.pack_into("<I", t, 4, len(t))
    struct.pack_into("<I", t, 24, struct.unpack_from("<I", t, 24)[0] + 1)  # OEM revision up
    t[9] = 0
    t[9] = (-sum(t)) & 0xff
    return t
extra = base + struct.pack("<HHBBHQ", 0, 16, 0, 0, 0, 0) \
             + struct.pack("<HHHHQQ", 1, 24, 0, 0, 0x80000000, 0x7fffffff)
open(d + "/extra.aml", "wb").write(finish(extra))
none = bytearray(base)
assert struct.unpack_from("<H", none, 48)[0] == 0, "first structure is not a DRHD"
struct.pack_into("<Q", none, 48 + 8, 0)
open(d + "/none.aml", "wb").write(finish(none))
PY

"$VM" --no-load --add "$E2E_TMP/extra.aml:/kernel/firmware/acpi/dmar.aml" -- sh -c '
	modprobe vtd; echo "modprobe=$?"; dmesg | grep -E "vtd:|Table Upgrade"' > "$E2E_TMP/extra.out"
cat "$E2E_TMP/extra.out" >&2
expect "the table was replaced" contains "$E2E_TMP/extra.out" 'Table Upgrade: override \[DMAR'
expect "vtd loads with the good unit" contains "$E2E_TMP/extra.out" '^modprobe=0$'
expect "the good unit is claimed" contains "$E2E_TMP/extra.out" 'vtd0: DRHD at 0xfed90000'
expect "the zero-base unit is named with its offset" contains "$E2E_TMP/extra.out" \
	'vtd: DMAR: DRHD at offset 0x80: register base address is 0; ignored'
expect "the inverted RMRR is named with its offset" contains "$E2E_TMP/extra.out" \
	'vtd: DMAR: RMRR at offset 0x90: base 0x80000000 is above limit 0x7fffffff; ignored'

"$VM" --no-load --add "$E2E_TMP/none.aml:/kernel/firmware/acpi/dmar.aml" -- sh -c '
	modprobe vtd; echo "modprobe=$?"; lsmod; dmesg | grep -E "vtd:"' > "$E2E_TMP/none.out"
cat "$E2E_TMP/none.out" >&2
expect "vtd refuses to load" contains "$E2E_TMP/none.out" '^modprobe=1$'
expect "and says why" contains "$E2E_TMP/none.out" 'vtd: DMAR: no usable remapping unit in the table'
if grep -q '^vtd ' "$E2E_TMP/none.out"; then
	expect "vtd is not left loaded" false
fi
