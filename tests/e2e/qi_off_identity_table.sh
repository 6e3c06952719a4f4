# vtd.qi=0: invalidation through the registers; vtd.pass_through=0: identity
# domains through a 1:1 table instead of context pass-through. nvme bound
# before vtd (identity, 1:1 table) and then rebound into a strict DMA domain
# (every unmap a register-based page-selective invalidation) reads back what
# it wrote, without a fault.
. "$(dirname "$0")/lib.sh"
"$VM" --late --append "vtd.qi=0 vtd.pass_through=0" -- sh -c "$NVME_ROUNDTRIP"'
	bdf=0000:00:02.0
	g=$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))
	echo "invalidation $(cat /sys/class/iommu/vtd0/vtd/invalidation)"
	echo 1 > /proc/sys/vm/stat_refresh
	grep nr_iommu_pages /proc/vmstat
	roundtrip 16
	echo $bdf > /sys/bus/pci/drivers/nvme/unbind
	echo DMA > /sys/kernel/iommu_groups/$g/type
	echo $bdf > /sys/bus/pci/drivers/nvme/bind
	for i in $(seq 50); do [ -b /dev/nvme0n1 ] && break; sleep 0.1; done
	roundtrip 16
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out"
cat "$E2E_TMP/out" >&2
expect "register-based invalidation in use" contains "$E2E_TMP/out" '^invalidation register$'
expect "the 1:1 identity table exists" contains "$E2E_TMP/out" '^nr_iommu_pages [1-9]'
expect "nvme works in the identity domain" contains "$E2E_TMP/out" '^same in identity$'
expect "nvme works in a strict domain" contains "$E2E_TMP/out" '^same in DMA$'
expect "no DMA fault" contains "$E2E_TMP/out" '^faults 0$'
