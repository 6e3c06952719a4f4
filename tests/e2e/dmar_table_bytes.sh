# The guest's DMAR table streams out byte for byte: signature, length field
# and checksum agree with what arrives.
. "$(dirname "$0")/lib.sh"
"$VM" -- cat /sys/firmware/acpi/tables/DMAR > "$E2E_TMP/dmar.bin"
size=$(stat -c %s "$E2E_TMP/dmar.bin")
expect "signature DMAR" [ "$(head -c 4 "$E2E_TMP/dmar.bin")" = DMAR ]
len=$(od -An -tu4 -j4 -N4 "$E2E_TMP/dmar.bin" | tr -d ' ')
expect "header length $len equals the $size bytes received" [ "$len" = "$size" ]
sum=$(od -An -v -tu1 "$E2E_TMP/dmar.bin" | tr -s ' ' '\n' | awk '{s += $1} END {print s % 256}')
expect "checksum adds up to 0 (got $sum)" [ "$sum" = 0 ]
