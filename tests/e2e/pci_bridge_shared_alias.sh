# A DMA alias shared by two functions: nvme and edu behind one PCIe-to-PCI
# bridge both reach the unit under the bridge's requester id (secondary bus,
# devfn 0). Removing edu releases it from vtd while nvme stays in the
# group's DMA domain with no new attach: the shared alias's context entry
# must stay, or nvme's next DMA faults. Then nvme is removed too, and the
# alias entry must go with the last function that used it.
. "$(dirname "$0")/lib.sh"
truncate -s 16M "$E2E_TMP/nvme2.img"
VTD_VM_QEMU_LOG=$E2E_TMP/qemu \
VTD_VM_QEMU_ARGS="-drive if=none,id=nvm2,file=$E2E_TMP/nvme2.img,format=raw" \
"$VM" --device pcie-pci-bridge,id=br0,bus=pcie.0,addr=0x5 \
	--device nvme,bus=br0,addr=0x1,drive=nvm2,serial=vtd1 \
	--device edu,bus=br0,addr=0x2,dma_mask=0xffffffffffffffff \
	--append "nvme_core.io_timeout=3 nvme_core.max_retries=0" -- sh -c '
	nvme=0000:01:01.0 edu=0000:01:02.0
	group() { basename $(readlink /sys/bus/pci/devices/$1/iommu_group); }
	echo "groups $(group 0000:00:05.0) $(group $nvme) $(group $edu)"
	for i in $(seq 50); do ls /sys/bus/pci/devices/$nvme/nvme/*/ 2>/dev/null | grep -q "^nvme[0-9]*n1$" && break; sleep 0.1; done
	blk=/dev/$(ls /sys/bus/pci/devices/$nvme/nvme/*/ | grep -m1 "^nvme[0-9]*n1$")
	roundtrip() {
		dd if=/dev/urandom of=/tmp/pat bs=1M count=8 2>/dev/null
		dd if=/tmp/pat of=$blk bs=1M oflag=direct 2>/dev/null || return
		echo 3 > /proc/sys/vm/drop_caches
		dd if=$blk of=/tmp/back bs=1M count=8 iflag=direct 2>/dev/null || return
		cmp -s /tmp/pat /tmp/back && echo "same $1 $(cat /sys/kernel/iommu_groups/$(group $nvme)/type)"
	}
	roundtrip before
	echo 1 > /sys/bus/pci/devices/$edu/remove
	roundtrip after-edu-removed
	echo "faults $(cat /sys/class/iommu/vtd0/vtd/faults)"
	echo 1 > /sys/bus/pci/devices/$nvme/remove
	cat /sys/kernel/debug/vtd/vtd0/contexts' > "$E2E_TMP/out" || true
out=$E2E_TMP/out
cat "$out" >&2
expect "the bridge, nvme and edu share a group" contains "$out" '^groups ([0-9]+) \1 \1$'
expect "nvme behind the bridge reads back its data" contains "$out" '^same before DMA'
expect "nvme still reads back its data after edu is removed" \
	contains "$out" '^same after-edu-removed DMA'
expect "no DMA fault" contains "$out" '^faults 0$'
expect "QEMU saw no translation failure" lacks "$E2E_TMP/qemu" 'translation failure'
expect "the context entries listed" contains "$out" '^00:02\.0 '
expect "the alias entry went with the last function behind the bridge" \
	lacks "$out" '^01:00\.0 '
