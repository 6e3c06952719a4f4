# Recovery from an invalidation queue error (IQE, spec 6.5.2.10). Through
# debugfs, vtd queues a descriptor of a type the spec does not define; the
# unit rejects it. vtd names the descriptor, replaces it, clears IQE and the
# queue goes on: the write fails with EIO, the unit counts the error, and
# nvme in a strict domain (every unmap waits for an IOTLB invalidation)
# still reads back what it wrote. Twice, so a second error is handled too.
. "$(dirname "$0")/lib.sh"
"$VM" -- sh -c "$NVME_ROUNDTRIP"'
	bdf=0000:00:02.0
	g=$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))
	echo $bdf > /sys/bus/pci/drivers/nvme/unbind
	echo DMA > /sys/kernel/iommu_groups/$g/type
	echo $bdf > /sys/bus/pci/drivers/nvme/bind
	for i in $(seq 50); do [ -b /dev/nvme0n1 ] && break; sleep 0.1; done
	for n in 1 2; do
		if echo 1 > /sys/kernel/debug/vtd/vtd0/inject_rejected_descriptor; then
			echo "inject $n accepted"
		else
			echo "inject $n refused"
		fi
		echo "errors after $n: $(cat /sys/class/iommu/vtd0/vtd/invalidation_errors)"
		roundtrip 16 "after $n in"
	done
	dmesg | grep "invalidation queue error"
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out"
cat "$E2E_TMP/out" >&2
for n in 1 2; do
	expect "injection $n: the write fails" contains "$E2E_TMP/out" "^inject $n refused$"
	expect "injection $n: the unit counted it" contains "$E2E_TMP/out" "^errors after $n: $n$"
	expect "injection $n: nvme works in a strict domain afterwards" \
		contains "$E2E_TMP/out" "^same after $n in DMA$"
done
expect "vtd named the rejected descriptor" contains "$E2E_TMP/out" \
	'vtd0: invalidation queue error: descriptor [0-9]+ \(0x0 0x0\) rejected'
expect "no DMA fault" contains "$E2E_TMP/out" '^faults 0$'
