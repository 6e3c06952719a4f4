# nvme bound after vtd: a pattern written over the whole namespace reads back
# the same after the page cache is dropped, in the default (lazy) DMA domain
# and again after the group is switched to strict; no fault on the way.
. "$(dirname "$0")/../lib.sh"
vm_iommu -- sh -c "$NVME_ROUNDTRIP"'
	bdf=0000:00:02.0
	g=$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))
	roundtrip 64 "after first:"
	echo $bdf > /sys/bus/pci/drivers/nvme/unbind
	echo DMA > /sys/kernel/iommu_groups/$g/type
	echo $bdf > /sys/bus/pci/drivers/nvme/bind
	for i in $(seq 50); do [ -b /dev/nvme0n1 ] && break; sleep 0.1; done
	roundtrip 64 "after strict:"
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"
	grep nr_iommu_pages /proc/vmstat' > "$E2E_TMP/out"
cat "$E2E_TMP/out" >&2
if caching_mode; then lazy=DMA; else lazy=DMA-FQ; fi
expect "64 MiB read back intact in the default domain ($lazy)" contains "$E2E_TMP/out" "^same after first: $lazy$"
expect "64 MiB read back intact in a strict domain" contains "$E2E_TMP/out" '^same after strict: DMA$'
expect "no DMA fault" contains "$E2E_TMP/out" '^faults 0$'
expect "I/O page tables in use" contains "$E2E_TMP/out" '^nr_iommu_pages [1-9]'
