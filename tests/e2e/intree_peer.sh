# With intel_iommu=on the in-tree driver owns the unit (dmar0), and vtd
# refuses to load with a message saying so.
. "$(dirname "$0")/lib.sh"
"$VM" --intree -- sh -c 'ls /sys/class/iommu; modprobe vtd; echo "modprobe=$?"; dmesg' > "$E2E_TMP/out"
expect "dmar0 in /sys/class/iommu" contains "$E2E_TMP/out" '^dmar0$'
expect "modprobe vtd fails" contains "$E2E_TMP/out" '^modprobe=1$'
expect "vtd says who owns the units" contains "$E2E_TMP/out" 'vtd: the in-tree intel-iommu driver owns the units'
