# RMRR: firmware says a device keeps reaching a memory range (QEMU's DMAR has
# none, so one is added through the initrd's ACPI table upgrade). vtd gives
# it to the core as a direct region: the group lists it, the device's DMA
# domain maps it 1:1, and the core refuses to hand the device to VFIO (a
# blocked domain would take the range away). edu reads inside the range with
# no fault and just above it with one. Control: the same RMRR naming another
# device, and edu's read inside the range faults.
. "$(dirname "$0")/lib.sh"
tool=$(build_vfio_edu)
"$VM" --no-load -- cat /sys/firmware/acpi/tables/DMAR > "$E2E_TMP/base.bin"

# An RMRR for 0xf0000-0xfffff (the BIOS area, reserved in QEMU's e820) with
# one endpoint scope: edu (00:01.0), or e1000e (00:03.0) for the control.
python3 - "$E2E_TMP" <<'PY'
import struct, sys
d = sys.argv[1]
base = bytearray(open(d + "/base.bin", "rb").read())
def with_rmrr(dev):
    scope = struct.pack("<BBHBBBB", 1, 8, 0, 0, 0, dev, 0)
    rmrr = struct.pack("<HHHHQQ", 1, 24 + len(scope), 0, 0, 0xf0000, 0xfffff) + scope
    t = base + rmrr
    struct.pack_into("<I", t, 4, len(t))
    struct.pack_into("<I", t, 24, struct.unpack_from("<I", t, 24)[0] + 1)  # OEM revision up
    t[9] = 0
    t[9] = (-sum(t)) & 0xff
    return t
open(d + "/edu.aml", "wb").write(with_rmrr(1))
open(d + "/other.aml", "wb").write(with_rmrr(3))
PY

guest='
	edu=0000:00:01.0
	g=$(basename $(readlink /sys/bus/pci/devices/$edu/iommu_group))
	echo "type $(cat /sys/kernel/iommu_groups/$g/type)"
	sed "s/^/edu region /" /sys/kernel/iommu_groups/$g/reserved_regions
	vfio-edu sysfs 0xff800 $edu
	vfio-edu sysfs 0x100000 $edu
	sleep 0.5
	dmesg | grep -E "vtd0: DMA|Table Upgrade|1:1 IOMMU mapping"
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"'

VTD_VM_QEMU_LOG=$E2E_TMP/qemu "$VM" --add "$tool" \
	--add "$E2E_TMP/edu.aml:/kernel/firmware/acpi/dmar.aml" -- sh -c "$guest"'
	echo vfio-pci > /sys/bus/pci/devices/$edu/driver_override
	echo $edu > /sys/bus/pci/drivers/vfio-pci/bind
	vfio-edu type1 $edu > /dev/null 2>&1
	echo "vfio-edu=$?"
	dmesg | grep "1:1 IOMMU mapping"' > "$E2E_TMP/out" || true
out=$E2E_TMP/out
cat "$out" >&2
expect "the table was replaced" contains "$out" 'Table Upgrade: override \[DMAR'
expect "edu is in a DMA domain" contains "$out" '^type DMA'
expect "the RMRR is a direct region of edu's group" contains "$out" \
	'^edu region 0x00000000000f0000 0x00000000000fffff direct$'
expect "edu's read inside the RMRR finished" contains "$out" '^dma-from 0xff800 done$'
expect "edu's read above the RMRR finished" contains "$out" '^dma-from 0x100000 done$'
expect "the read above the RMRR was blocked and reported" contains "$out" \
	'0000:00:01.0: vtd0: DMA read fault at 0x100000'
# (a fault record holds the page: 0xff800 is reported as 0xff000)
expect "the read inside the RMRR was not blocked" lacks "$out" 'fault at 0xff000'
expect "QEMU translated the read inside the RMRR" lacks "$E2E_TMP/qemu" 'iova=0xff800'
expect "one fault" contains "$out" '^faults 1$'
expect "the core kept edu from VFIO" contains "$out" '^vfio-edu=100$'
expect "the core said why" contains "$out" '0000:00:01.0: Firmware has requested this device have a 1:1 IOMMU mapping'

# Control: the RMRR names e1000e; edu's read inside the range is blocked.
"$VM" --add "$tool" --add "$E2E_TMP/other.aml:/kernel/firmware/acpi/dmar.aml" -- sh -c "$guest"'
	e1000e=0000:00:03.0
	sed "s/^/e1000e region /" \
		/sys/kernel/iommu_groups/$(basename $(readlink /sys/bus/pci/devices/$e1000e/iommu_group))/reserved_regions' \
	> "$E2E_TMP/control" || true
cat "$E2E_TMP/control" >&2
expect "control: the RMRR is e1000e's" contains "$E2E_TMP/control" \
	'^e1000e region 0x00000000000f0000 0x00000000000fffff direct$'
expect "control: not edu's" lacks "$E2E_TMP/control" '^edu region 0x00000000000f0000'
expect "control: edu's read inside the range was blocked" contains "$E2E_TMP/control" \
	'0000:00:01.0: vtd0: DMA read fault at 0xff000'
