# The kernel's dma_map_benchmark, bound to edu, maps and unmaps through vtd
# in the default (lazy) domain and in a strict one.
. "$(dirname "$0")/../lib.sh"
tool=$(build_dma_bench)
vm_iommu --add "$tool" -- sh -c '
	bdf=0000:00:01.0
	g=$(basename $(readlink /sys/bus/pci/devices/$bdf/iommu_group))
	echo dma_map_benchmark > /sys/bus/pci/devices/$bdf/driver_override
	echo $bdf > /sys/bus/pci/drivers/dma_map_benchmark/bind || exit 1
	echo "type $(cat /sys/kernel/iommu_groups/$g/type)"
	dma_map_benchmark -t 1 -s 1 -g 16 || exit 2
	echo $bdf > /sys/bus/pci/drivers/dma_map_benchmark/unbind
	echo DMA > /sys/kernel/iommu_groups/$g/type || exit 3
	echo $bdf > /sys/bus/pci/drivers/dma_map_benchmark/bind || exit 4
	echo "type $(cat /sys/kernel/iommu_groups/$g/type)"
	dma_map_benchmark -t 1 -s 1 -g 16 || exit 5
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"' > "$E2E_TMP/out"
cat "$E2E_TMP/out" >&2
if caching_mode; then lazy=DMA; else lazy=DMA-FQ; fi
expect "ran in the default domain ($lazy), then strict" \
	[ "$(grep '^type ' "$E2E_TMP/out" | tr '\n' ' ')" = "type $lazy type DMA " ]
expect "two benchmark runs completed" [ "$(grep -c 'average unmap latency' "$E2E_TMP/out")" = 2 ]
expect "no DMA fault" contains "$E2E_TMP/out" '^faults 0$'
