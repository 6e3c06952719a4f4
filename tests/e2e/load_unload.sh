# vtd.ko loads and unloads 20 times; dmesg holds nothing but vtd's own lines.
. "$(dirname "$0")/lib.sh"
# Boot-time clocksource calibration lands around 2 s: wait for it first.
"$VM" --no-load -- sh -c '
	for i in $(seq 50); do dmesg | grep -q "Switched to clocksource tsc$" && break; sleep 0.1; done
	dmesg -c > /dev/null
	for i in $(seq 20); do modprobe vtd || exit 1; rmmod vtd || exit 2; done
	lsmod | grep -q "^vtd " && exit 3
	dmesg' > "$E2E_TMP/dmesg"
n=$(grep -c 'vtd: 1 unit(s) ready' "$E2E_TMP/dmesg")
expect "20 loads logged (got $n)" [ "$n" = 20 ]
n=$(grep -c 'vtd: unloaded' "$E2E_TMP/dmesg")
expect "20 unloads logged (got $n)" [ "$n" = 20 ]
if grep -v 'vtd: ' "$E2E_TMP/dmesg" > "$E2E_TMP/other"; then
	cat "$E2E_TMP/other" >&2
	expect "no dmesg lines besides vtd's own" false
fi
