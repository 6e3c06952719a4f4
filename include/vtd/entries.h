/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VT-d structures in memory (legacy mode) and the invalidation commands, as
 * masks and pure encoders. No MMIO, no struct device: KUnit and the
 * userspace harness check them against the specification's layouts.
 *
 *   root entry          spec 9.1    one per bus, points at a context table
 *   context entry       spec 9.3    one per device/function
 *   second-level entry  spec 9.8    the I/O page table (pgtable.c)
 *   invalidation desc.  spec 6.5.2  queued invalidation, 128-bit form
 */
#ifndef VTD_ENTRIES_H
#define VTD_ENTRIES_H

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

#include "vtd/regs.h"

#define VTD_PAGE_SHIFT		12
#define VTD_PAGE_SIZE		(1ULL << VTD_PAGE_SHIFT)

/* Root entry, 9.1: 256 of them fill the root table, indexed by bus. */
struct vtd_root_entry {
	u64 lo;
	u64 hi;
};
static_assert(sizeof(struct vtd_root_entry) == 16);
#define VTD_ROOT_LO_P		BIT_ULL(0)
#define VTD_ROOT_LO_CTP		GENMASK_ULL(63, 12)	/* context table */
#define VTD_NR_ROOT_ENTRIES	256

/* Context entry, 9.3: 256 of them fill a context table, indexed by devfn. */
struct vtd_context_entry {
	u64 lo;
	u64 hi;
};
static_assert(sizeof(struct vtd_context_entry) == 16);
#define VTD_CTX_LO_P		BIT_ULL(0)
#define VTD_CTX_LO_FPD		BIT_ULL(1)	/* fault processing disable */
#define VTD_CTX_LO_TT		GENMASK_ULL(3, 2)	/* translation type */
#define  VTD_CTX_TT_TRANSLATE	0	/* untranslated requests go through SLPTPTR */
#define  VTD_CTX_TT_PASS	2	/* untranslated requests pass through */
#define VTD_CTX_LO_SLPTPTR	GENMASK_ULL(63, 12)	/* second-level table */
#define VTD_CTX_HI_AW		GENMASK_ULL(2, 0)	/* depth, as a SAGAW bit number */
#define VTD_CTX_HI_DID		GENMASK_ULL(23, 8)	/* domain id */
#define VTD_NR_CONTEXT_ENTRIES	256

/* Second-level paging entry, 9.8. R and W both clear: not present. */
#define VTD_SLPTE_R		BIT_ULL(0)
#define VTD_SLPTE_W		BIT_ULL(1)
#define VTD_SLPTE_PS		BIT_ULL(7)	/* leaf at level 1 (2M) or 2 (1G) */
#define VTD_SLPTE_SNP		BIT_ULL(11)	/* snoop: only with ECAP.SC */
#define VTD_SLPTE_ADDR		GENMASK_ULL(51, 12)

/**
 * vtd_make_root() - a present root entry
 * @ctx_table: physical address of the bus's context table (page aligned)
 *
 * Return: the entry.
 */
static inline struct vtd_root_entry vtd_make_root(u64 ctx_table)
{
	return (struct vtd_root_entry){
		.lo = FIELD_PREP(VTD_ROOT_LO_CTP, ctx_table >> VTD_PAGE_SHIFT) | VTD_ROOT_LO_P,
	};
}

/**
 * vtd_make_context() - a present legacy-mode context entry
 * @did: domain id
 * @tt: VTD_CTX_TT_TRANSLATE or VTD_CTX_TT_PASS
 * @levels: page-table depth (3, 4 or 5); the AW field encodes it
 * @table: physical address of the top-level table (0 for pass-through)
 *
 * Return: the entry, with FPD clear so that faults are recorded.
 */
static inline struct vtd_context_entry vtd_make_context(u16 did, u8 tt, u8 levels, u64 table)
{
	return (struct vtd_context_entry){
		.lo = FIELD_PREP(VTD_CTX_LO_SLPTPTR, table >> VTD_PAGE_SHIFT) |
		      FIELD_PREP(VTD_CTX_LO_TT, tt) | VTD_CTX_LO_P,
		.hi = FIELD_PREP(VTD_CTX_HI_DID, did) | FIELD_PREP(VTD_CTX_HI_AW, levels - 2),
	};
}

/* Invalidation descriptor, 6.5.2, 128-bit (legacy) form. */
struct vtd_qi_desc {
	u64 qw0;
	u64 qw1;
};
static_assert(sizeof(struct vtd_qi_desc) == 16);
#define VTD_QI_TYPE		GENMASK_ULL(3, 0)
#define  VTD_QI_TYPE_NONE	0	/* defines no invalidation: rejected (IQE) */
#define  VTD_QI_TYPE_CC		1	/* context-cache, 6.5.2.1 */
#define  VTD_QI_TYPE_IOTLB	2	/* IOTLB, 6.5.2.3 */
#define  VTD_QI_TYPE_WAIT	5	/* invalidation wait, 6.5.2.8 */
#define VTD_QI_G		GENMASK_ULL(5, 4)	/* granularity: VTD_CC_*, VTD_IOTLB_G_* */
#define VTD_QI_DID		GENMASK_ULL(31, 16)
#define VTD_QI_CC_SID		GENMASK_ULL(47, 32)
#define VTD_QI_CC_FM		GENMASK_ULL(49, 48)
#define VTD_QI_IOTLB_DW		BIT_ULL(6)
#define VTD_QI_IOTLB_DR		BIT_ULL(7)
#define VTD_QI_IOTLB_AM		GENMASK_ULL(5, 0)	/* qw1 */
#define VTD_QI_IOTLB_IH		BIT_ULL(6)	/* qw1 */
#define VTD_QI_IOTLB_ADDR	GENMASK_ULL(63, 12)	/* qw1 */
#define VTD_QI_WAIT_IF		BIT_ULL(4)	/* interrupt on completion */
#define VTD_QI_WAIT_SW		BIT_ULL(5)	/* status write */
#define VTD_QI_WAIT_FN		BIT_ULL(6)	/* fence */
#define VTD_QI_WAIT_SDATA	GENMASK_ULL(63, 32)
#define VTD_QI_WAIT_SADDR	GENMASK_ULL(63, 2)	/* qw1 */

/**
 * struct vtd_inv - one invalidation, whichever way it is delivered
 * @type: VTD_QI_TYPE_CC or VTD_QI_TYPE_IOTLB
 * @g: granularity (VTD_CC_* for context caches, VTD_IOTLB_G_* for the IOTLB)
 * @did: domain id (domain and device/page granularity)
 * @sid: source id, bus << 8 | devfn (device granularity)
 * @addr: first address (page granularity), aligned to 2^@am pages
 * @am: address mask: 2^@am pages
 * @ih: invalidation hint: only leaves changed, paging-structure caches may stay
 * @drain: drain reads and writes first (CAP.DRD/DWD)
 */
struct vtd_inv {
	u8 type;
	u8 g;
	u16 did;
	u16 sid;
	u64 addr;
	u8 am;
	bool ih;
	bool drain;
};

/**
 * vtd_qi_encode() - the queued descriptor for an invalidation
 * @inv: what to invalidate
 *
 * Return: the descriptor.
 */
static inline struct vtd_qi_desc vtd_qi_encode(const struct vtd_inv *inv)
{
	struct vtd_qi_desc d = {
		.qw0 = FIELD_PREP(VTD_QI_TYPE, inv->type) | FIELD_PREP(VTD_QI_G, inv->g) |
		       FIELD_PREP(VTD_QI_DID, inv->did),
	};

	if (inv->type == VTD_QI_TYPE_CC) {
		d.qw0 |= FIELD_PREP(VTD_QI_CC_SID, inv->sid);
	} else {
		if (inv->drain)
			d.qw0 |= VTD_QI_IOTLB_DR | VTD_QI_IOTLB_DW;
		if (inv->g == VTD_IOTLB_G_PAGE)
			d.qw1 = FIELD_PREP(VTD_QI_IOTLB_ADDR, inv->addr >> VTD_PAGE_SHIFT) |
				FIELD_PREP(VTD_QI_IOTLB_AM, inv->am) |
				(inv->ih ? VTD_QI_IOTLB_IH : 0);
	}
	return d;
}

/**
 * vtd_qi_wait() - an invalidation-wait descriptor that writes a status word
 * @data: the value hardware writes when every earlier descriptor is done
 * @status: physical address of the 32-bit status word (4-byte aligned)
 *
 * Return: the descriptor (fenced: later descriptors wait for this one).
 */
static inline struct vtd_qi_desc vtd_qi_wait(u32 data, u64 status)
{
	return (struct vtd_qi_desc){
		.qw0 = FIELD_PREP(VTD_QI_TYPE, VTD_QI_TYPE_WAIT) | VTD_QI_WAIT_SW |
		       VTD_QI_WAIT_FN | FIELD_PREP(VTD_QI_WAIT_SDATA, data),
		.qw1 = FIELD_PREP(VTD_QI_WAIT_SADDR, status >> 2),
	};
}

/**
 * vtd_ccmd_encode() - the Context Command register value for an invalidation
 * @inv: a context-cache invalidation
 *
 * Return: the value to write (ICC set: hardware clears it when done).
 */
static inline u64 vtd_ccmd_encode(const struct vtd_inv *inv)
{
	return VTD_CCMD_ICC | FIELD_PREP(VTD_CCMD_CIRG, inv->g) |
	       FIELD_PREP(VTD_CCMD_DID, inv->did) | FIELD_PREP(VTD_CCMD_SID, inv->sid);
}

/**
 * vtd_iotlb_reg_encode() - the IOTLB and IVA register values for an invalidation
 * @inv: an IOTLB invalidation
 * @iva: set to the value for the Invalidate Address register (page granularity)
 *
 * Return: the value for the IOTLB Invalidate register (IVT set).
 */
static inline u64 vtd_iotlb_reg_encode(const struct vtd_inv *inv, u64 *iva)
{
	*iva = FIELD_PREP(VTD_IVA_ADDR, inv->addr >> VTD_PAGE_SHIFT) |
	       FIELD_PREP(VTD_IVA_AM, inv->am) | (inv->ih ? VTD_IVA_IH : 0);
	return VTD_IOTLB_IVT | FIELD_PREP(VTD_IOTLB_IIRG, inv->g) |
	       FIELD_PREP(VTD_IOTLB_DID, inv->did) |
	       (inv->drain ? VTD_IOTLB_DR | VTD_IOTLB_DW : 0);
}

/**
 * vtd_psi_span() - the page-selective invalidation covering a range
 * @first: first address
 * @last: last address (inclusive), >= @first
 * @addr: set to the first address of the naturally aligned block
 *
 * Page-selective invalidation names 2^AM pages aligned to their size
 * (spec 6.5.2.3), so the block is the smallest such one that holds both
 * @first and @last.
 *
 * Return: AM, the log2 of the block's size in pages.
 */
static inline unsigned int vtd_psi_span(u64 first, u64 last, u64 *addr)
{
	u64 pfn = first >> VTD_PAGE_SHIFT, lpfn = last >> VTD_PAGE_SHIFT;
	unsigned int am = fls64(pfn ^ lpfn);

	*addr = (pfn >> am) << am << VTD_PAGE_SHIFT;
	return am;
}

#endif /* VTD_ENTRIES_H */
