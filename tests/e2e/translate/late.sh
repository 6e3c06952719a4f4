# vtd loaded after nvme bound: nvme keeps working in an identity domain;
# unbound, its group re-chosen (auto) and rebound, it works in a DMA domain.
. "$(dirname "$0")/../lib.sh"
vm_iommu --late -- sh -c "$NVME_ROUNDTRIP"'
	bdf=0000:00:02.0
	g=$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))
	roundtrip 16
	echo $bdf > /sys/bus/pci/drivers/nvme/unbind
	echo auto > /sys/kernel/iommu_groups/$g/type
	echo $bdf > /sys/bus/pci/drivers/nvme/bind
	for i in $(seq 50); do [ -b /dev/nvme0n1 ] && break; sleep 0.1; done
	roundtrip 16
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out"
cat "$E2E_TMP/out" >&2
if caching_mode; then lazy=DMA; else lazy=DMA-FQ; fi
expect "nvme bound before vtd works in an identity domain" contains "$E2E_TMP/out" '^same in identity$'
expect "rebound, it works in a DMA domain ($lazy)" contains "$E2E_TMP/out" "^same in $lazy$"
expect "no DMA fault" contains "$E2E_TMP/out" '^faults 0$'
