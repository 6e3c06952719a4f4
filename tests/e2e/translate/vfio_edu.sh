# edu handed to userspace through VFIO (type1 container, then iommufd cdev):
# tools/vfio-edu checks that mapped DMA round-trips, and that DMA to an IOVA
# never mapped, to one after UNMAP returned, and into a read-only mapping is
# blocked; here, that vtd reported each of those faults with address and
# reason, and QEMU saw the translations fail.
. "$(dirname "$0")/../lib.sh"
tool=$(build_vfio_edu)
for mode in type1 iommufd; do
	VTD_VM_QEMU_LOG=$E2E_TMP/qemu.$mode vm_iommu --add "$tool" \
		--append "vfio_iommu_type1.allow_unsafe_interrupts=1 iommufd.allow_unsafe_interrupts=1" -- sh -c '
		bdf=0000:00:01.0
		echo vfio-pci > /sys/bus/pci/devices/$bdf/driver_override
		echo $bdf > /sys/bus/pci/drivers/vfio-pci/bind
		vfio-edu '$mode' $bdf
		echo "vfio-edu=$?"
		sleep 0.5
		dmesg | grep "vtd0: DMA"
		echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out.$mode" || true
	out=$E2E_TMP/out.$mode
	cat "$out" >&2
	expect "$mode: every vfio-edu check passed" contains "$out" '^vfio-edu=0$'
	expect "$mode: 5 checks passed, none failed" \
		[ "$(grep -c '^ok ' "$out")" = 5 ] && ! grep -q '^not ok' "$out"
	for iova in 0x7000000 0x200000 0x300000; do
		expect "$mode: vtd reported the blocked write at $iova" contains "$out" \
			"vfio-pci 0000:00:01.0: vtd0: DMA write fault at $iova: write to a page not mapped writable \(reason 0x5\)"
	done
	# QEMU reports a translation failure once per run (error_report_once).
	expect "$mode: QEMU failed the translation of 0x7000000" contains "$E2E_TMP/qemu.$mode" \
		"detected translation failure \(dev=00:01:00, iova=0x7000000\)"
	expect "$mode: the unit counted 3 faults" contains "$out" '^faults 3$'
done
