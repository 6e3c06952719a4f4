# DMA aliases: edu behind a PCIe-to-PCI bridge. Its DMA reaches the unit
# under the bridge's requester id (secondary bus, devfn 0), not its own, so
# only the alias's context entry lets it through. Through VFIO (type1),
# tools/vfio-edu round-trips DMA and has its blocked accesses reported; QEMU
# shows the alias as the source, and vtd's fault lines still name edu.
. "$(dirname "$0")/lib.sh"
tool=$(build_vfio_edu)
VTD_VM_QEMU_LOG=$E2E_TMP/qemu "$VM" --add "$tool" \
	--device pcie-pci-bridge,id=br0,bus=pcie.0,addr=0x5 \
	--device edu,bus=br0,addr=0x1,dma_mask=0xffffffffffffffff \
	--append "vfio_iommu_type1.allow_unsafe_interrupts=1" -- sh -c '
	bdf=0000:01:01.0
	echo "groups $(basename $(readlink /sys/bus/pci/devices/0000:00:05.0/iommu_group))" \
		"$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))"
	echo vfio-pci > /sys/bus/pci/devices/$bdf/driver_override
	echo $bdf > /sys/bus/pci/drivers/vfio-pci/bind
	vfio-edu type1 $bdf
	echo "vfio-edu=$?"
	sleep 0.5
	dmesg | grep "vtd0: DMA"
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out" || true
out=$E2E_TMP/out
cat "$out" >&2
expect "the bridge and edu share a group" contains "$out" '^groups ([0-9]+) \1$'
expect "every vfio-edu check passed" contains "$out" '^vfio-edu=0$'
expect "5 checks passed, none failed" \
	[ "$(grep -c '^ok ' "$out")" = 5 ] && ! grep -q '^not ok' "$out"
expect "QEMU saw the DMA under the bridge's requester id" contains "$E2E_TMP/qemu" \
	"detected translation failure \(dev=01:00:00, iova=0x7000000\)"
for iova in 0x7000000 0x200000 0x300000; do
	expect "vtd named edu for the blocked write at $iova" contains "$out" \
		"vfio-pci 0000:01:01.0: vtd0: DMA write fault at $iova: write to a page not mapped writable"
done
expect "the unit counted 3 faults" contains "$out" '^faults 3$'
