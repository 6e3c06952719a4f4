# Fault log overflow: QEMU's unit has one fault recording register. Two edu
# functions read an unmapped IOVA in the same millisecond (their DMAs run
# in one pass of QEMU's timers, before the fault handler can drain the
# record), so the second fault finds the register full: the unit sets PFO
# and drops it. vtd counts and logs the overflow, clears it, and the log
# records the next fault again.
. "$(dirname "$0")/lib.sh"
tool=$(build_vfio_edu)
VTD_VM_QEMU_LOG=$E2E_TMP/qemu "$VM" --add "$tool" \
	--device edu,addr=0x6,dma_mask=0xffffffffffffffff -- sh -c '
	a=0000:00:01.0 b=0000:00:06.0 attrs=/sys/class/iommu/vtd0/vtd
	# A millisecond boundary can split a burst (rarely): up to 3 tries.
	for try in 1 2 3; do
		vfio-edu sysfs 0x7000000 $a $b
		sleep 0.5
		[ "$(cat $attrs/fault_overflows)" -gt 0 ] && break
	done
	echo "bursts $try"
	echo "overflows $(cat $attrs/fault_overflows)"
	before=$(cat $attrs/faults)
	vfio-edu sysfs 0x7100000 $b
	sleep 0.5
	echo "next fault recorded $(( $(cat $attrs/faults) - before ))"
	dmesg | grep -E "vtd0: (DMA|fault log)"' > "$E2E_TMP/out" || true
out=$E2E_TMP/out
cat "$out" >&2
expect "the edu reads finished" contains "$out" '^dma-from 0x7000000 done$'
expect "QEMU dropped a fault and set PFO" contains "$E2E_TMP/qemu" 'Next Fault Recording Reg is used, new fault is not recorded, set PFO'
expect "vtd counted the overflow" contains "$out" '^overflows [1-3]$'
expect "vtd logged the overflow" contains "$out" 'vtd0: fault log overflowed: faults were lost'
expect "the fault kept in the register was reported" contains "$out" \
	'0000:00:0[16]\.0: vtd0: DMA read fault at 0x7000000'
expect "the log recorded the next fault after the overflow" contains "$out" '^next fault recorded 1$'
expect "and named its device and address" contains "$out" \
	'0000:00:06\.0: vtd0: DMA read fault at 0x7100000'
