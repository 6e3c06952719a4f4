# vtd.ko loads and unloads 20 times (release through the "active" parameter,
# then rmmod); rmmod alone is refused while vtd holds devices; every table
# page comes back; dmesg holds nothing but vtd's lines and the core's group
# lines.
. "$(dirname "$0")/lib.sh"
# Boot-time clocksource calibration lands around 2 s: wait for it first.
"$VM" --no-load -- sh -c '
	for i in $(seq 50); do dmesg | grep -q "Switched to clocksource tsc$" && break; sleep 0.1; done
	dmesg -c > /dev/null
	# Counters are per-CPU until folded: fold them before each reading.
	echo 1 > /proc/sys/vm/stat_refresh 2>/dev/null
	base=$(grep nr_iommu_pages /proc/vmstat)
	modprobe vtd || exit 1
	rmmod vtd 2>/dev/null && exit 2
	echo 0 > /sys/module/vtd/parameters/active || exit 3
	rmmod vtd || exit 4
	for i in $(seq 19); do
		modprobe vtd || exit 5
		echo 0 > /sys/module/vtd/parameters/active || exit 6
		rmmod vtd || exit 7
	done
	lsmod | grep -q "^vtd " && exit 8
	echo 1 > /proc/sys/vm/stat_refresh 2>/dev/null
	echo "pages before: $base, after: $(grep nr_iommu_pages /proc/vmstat)"
	dmesg' > "$E2E_TMP/dmesg"
n=$(grep -c 'vtd: 1 unit(s) translating' "$E2E_TMP/dmesg")
expect "20 loads logged (got $n)" [ "$n" = 20 ]
n=$(grep -c 'vtd: released: translation off, every table freed' "$E2E_TMP/dmesg")
expect "20 releases logged (got $n)" [ "$n" = 20 ]
n=$(grep -c 'vtd: unloaded' "$E2E_TMP/dmesg")
expect "20 unloads logged (got $n)" [ "$n" = 20 ]
expect "table pages back to the baseline" \
	contains "$E2E_TMP/dmesg" '^pages before: nr_iommu_pages ([0-9]+), after: nr_iommu_pages \1$'
if grep -vE 'vtd: |Adding to iommu group|^pages before' "$E2E_TMP/dmesg" > "$E2E_TMP/other"; then
	cat "$E2E_TMP/other" >&2
	expect "no dmesg lines besides vtd's own" false
fi
