/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vtd's private driver structures and the prototypes shared between files.
 * Field tags say what protects a field: (c) constant after probe.
 */
#ifndef VTD_VTD_H
#define VTD_VTD_H

#include <linux/types.h>

#include "vtd/caps.h"
#include "vtd/dmar_tables.h"

/**
 * struct vtd_unit - one DMA-remapping hardware unit (one DRHD)
 * @idx: (c) unit number, as in "vtd0"
 * @drhd: (c) index of its DRHD in the parsed table
 * @segment: (c) PCI segment
 * @reg_phys: (c) register base
 * @reg_size: (c) bytes of MMIO claimed
 * @regs: (c) mapped registers
 * @ver: (c) VER_REG
 * @cap: (c) CAP_REG
 * @ecap: (c) ECAP_REG
 * @caps: (c) what @cap and @ecap mean
 * @name: (c) "vtd0", ...
 * @nr_pci_devs: PCI functions its scopes cover, counted at load
 */
struct vtd_unit {
	unsigned int idx;
	int drhd;
	u16 segment;
	u64 reg_phys;
	u32 reg_size;
	void __iomem *regs;
	u32 ver;
	u64 cap;
	u64 ecap;
	struct vtd_caps caps;
	char name[16];
	unsigned int nr_pci_devs;
};

int vtd_unit_map(struct vtd_unit *unit, const struct vtd_dmar_struct *drhd);
void vtd_unit_unmap(struct vtd_unit *unit);
void vtd_unit_log(const struct vtd_unit *unit, const struct vtd_dmar_table *t);

#endif /* VTD_VTD_H */
