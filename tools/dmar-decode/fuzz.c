// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: any bytes through the parser, both printers and the
 * scope-resolution functions. Sanitizers turn any over-read, leak or
 * undefined behaviour into a crash.
 */
#include <errno.h>
#include <stdio.h>
#include "decode.h"

/* Every device is a bridge to the next bus: paths of any length resolve. */
static bool fuzz_bridge_buses(void *ctx, u16 seg, u8 bus, u8 devfn, u8 *sec, u8 *sub)
{
	if (bus == 0xff)
		return false;
	*sec = bus + 1;
	*sub = bus + 1;
	return true;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const struct vtd_pci_topology topo = { .bridge_buses = fuzz_bridge_buses };
	static FILE *null;
	struct vtd_dmar_table *t;
	int i;

	if (!null)
		null = fopen("/dev/null", "w");
	if (vtd_dmar_parse(data, size, &t) == -ENOMEM)
		return 0;
	decode_print_findings(null, t);
	if (t->bytes) {
		decode_print_json(null, t);
		decode_print_text(null, t);
		for (i = 0; i < 8; i++) {
			int r = vtd_dmar_unit_for_pci(t, &topo, 0, i, i * 8);

			(void)vtd_dmar_next_rmrr(t, &topo, 0, i, i * 8, r < 0 ? 0 : r);
			(void)vtd_dmar_unit_for_nonpci(t, ACPI_DMAR_SCOPE_TYPE_IOAPIC, i);
		}
	}
	vtd_dmar_free(t);
	return 0;
}
