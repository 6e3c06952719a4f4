/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a unit can do, derived once from VER, CAP and ECAP (spec 11.4.1-3).
 * Pure: the decoder reads no register, so KUnit checks it on known values.
 */
#ifndef VTD_CAPS_H
#define VTD_CAPS_H

#include <linux/bitfield.h>
#include <linux/types.h>

#include "vtd/regs.h"

/* Second-level page-table depths, as SAGAW bits (spec 11.4.2). */
#define VTD_SAGAW_3LEVEL	BIT(1)	/* 39-bit */
#define VTD_SAGAW_4LEVEL	BIT(2)	/* 48-bit */
#define VTD_SAGAW_5LEVEL	BIT(3)	/* 57-bit */

/**
 * struct vtd_caps - a unit's capabilities, decoded
 * @ver_major: architecture version, major
 * @ver_minor: architecture version, minor
 * @sagaw: supported depths, VTD_SAGAW_* (only those MGAW allows)
 * @mgaw: maximum guest address width in bits
 * @nr_domains: number of domain ids
 * @nr_fault_regs: number of fault-recording registers
 * @fault_reg_offset: byte offset of the first fault-recording register
 * @iotlb_reg_offset: byte offset of the IOTLB registers
 * @sllps: superpage sizes, bit 0 = 2 MiB, bit 1 = 1 GiB
 * @psi_max_mask: largest page-selective invalidation mask (0 if no PSI)
 * @psi: page-selective invalidation
 * @caching_mode: not-present entries may be cached: flush on map too
 * @rwbf: the write buffer must be flushed after table updates
 * @coherent: page walks snoop CPU caches; if false, flush caches on update
 * @qi: queued invalidation
 * @ir: interrupt remapping
 * @pt: pass-through context entries
 * @sc: snoop control
 * @smts: scalable mode
 */
struct vtd_caps {
	u8 ver_major;
	u8 ver_minor;
	u8 sagaw;
	u8 mgaw;
	u32 nr_domains;
	u32 nr_fault_regs;
	u32 fault_reg_offset;
	u32 iotlb_reg_offset;
	u8 sllps;
	u8 psi_max_mask;
	bool psi;
	bool caching_mode;
	bool rwbf;
	bool coherent;
	bool qi;
	bool ir;
	bool pt;
	bool sc;
	bool smts;
};

/* The address width each SAGAW depth covers. */
static inline unsigned int vtd_sagaw_width(unsigned int sagaw_bit)
{
	return 30 + 9 * sagaw_bit;	/* bit 1: 39, bit 2: 48, bit 3: 57 */
}

/**
 * vtd_caps_decode() - derive capabilities from the raw registers
 * @ver: VER_REG
 * @cap: CAP_REG
 * @ecap: ECAP_REG
 * @c: filled in
 */
static inline void vtd_caps_decode(u32 ver, u64 cap, u64 ecap, struct vtd_caps *c)
{
	unsigned int bit;

	c->ver_major = FIELD_GET(VTD_VER_MAX, ver);
	c->ver_minor = FIELD_GET(VTD_VER_MIN, ver);
	c->mgaw = FIELD_GET(VTD_CAP_MGAW, cap) + 1;
	c->sagaw = 0;
	for (bit = 1; bit <= 3; bit++)
		if ((FIELD_GET(VTD_CAP_SAGAW, cap) & BIT(bit)) &&
		    vtd_sagaw_width(bit) <= max_t(unsigned int, c->mgaw, 39))
			c->sagaw |= BIT(bit);
	c->nr_domains = 1U << (4 + 2 * FIELD_GET(VTD_CAP_ND, cap));
	c->nr_fault_regs = FIELD_GET(VTD_CAP_NFR, cap) + 1;
	c->fault_reg_offset = FIELD_GET(VTD_CAP_FRO, cap) * 16;
	c->iotlb_reg_offset = FIELD_GET(VTD_ECAP_IRO, ecap) * 16;
	c->sllps = FIELD_GET(VTD_CAP_SLLPS, cap) & 0x3;
	c->psi = cap & VTD_CAP_PSI;
	c->psi_max_mask = c->psi ? FIELD_GET(VTD_CAP_MAMV, cap) : 0;
	c->caching_mode = cap & VTD_CAP_CM;
	c->rwbf = cap & VTD_CAP_RWBF;
	c->coherent = ecap & VTD_ECAP_C;
	c->qi = ecap & VTD_ECAP_QI;
	c->ir = ecap & VTD_ECAP_IR;
	c->pt = ecap & VTD_ECAP_PT;
	c->sc = ecap & VTD_ECAP_SC;
	c->smts = ecap & VTD_ECAP_SMTS;
}

/**
 * vtd_caps_reg_span() - bytes of MMIO the unit's registers occupy
 * @c: decoded capabilities
 *
 * Return: at least one page, enough to reach the last fault-recording
 * register and the IOTLB registers (two qwords).
 */
static inline u32 vtd_caps_reg_span(const struct vtd_caps *c)
{
	u32 end = max(c->fault_reg_offset + c->nr_fault_regs * VTD_FRCD_SIZE,
		      c->iotlb_reg_offset + 16);

	return max_t(u32, VTD_REG_MIN_SIZE, ALIGN(end, VTD_REG_MIN_SIZE));
}

#endif /* VTD_CAPS_H */
