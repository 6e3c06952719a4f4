/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VT-d second-level I/O page tables (spec 9.8), as pure code: the tables are
 * built in memory the environment provides, and nothing here touches a
 * register or an IOTLB. Invalidation is the caller's, after unmap and before
 * the freed tables (handed back on a list) are released.
 *
 * Levels are numbered from the leaf: level 0 holds 4 KiB pages (the spec's
 * SL-PTE), level 1 2 MiB (SL-PDE), level 2 1 GiB (SL-PDPE), level 3 the
 * SL-PML4E and level 4 the SL-PML5E. A table of depth 3, 4 or 5 translates
 * 39, 48 or 57 bits.
 */
#ifndef VTD_PGTABLE_H
#define VTD_PGTABLE_H

#include <linux/bits.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/types.h>

#define VTD_PT_MAX_LEVELS	5
#define VTD_PT_ENTRIES		512

/* Mapping permissions (the values of IOMMU_READ and IOMMU_WRITE). */
#define VTD_PT_READ		BIT(0)
#define VTD_PT_WRITE		BIT(1)
#define VTD_PT_SNOOP		BIT(2)	/* only where the unit has snoop control */

/**
 * struct vtd_pt_env - where table memory comes from
 *
 * Tables live in the kernel's linear map: entries hold virt_to_phys() of
 * the next table, and the walk follows them with phys_to_virt().
 *
 * @alloc_table: a zeroed, page-aligned 4 KiB table, or NULL
 * @free_table: give a table back
 * @table_link: the list node a freed table waits on until it can be freed
 * @link_table: the table owning such a node
 * @flush: write cache lines back to memory (clflush_cache_range() in the
 *	kernel); NULL if the unit snoops
 */
struct vtd_pt_env {
	void *(*alloc_table)(void *ctx, gfp_t gfp);
	void (*free_table)(void *ctx, void *table);
	struct list_head *(*table_link)(void *table);
	void *(*link_table)(struct list_head *link);
	void (*flush)(void *addr, unsigned int len);
};

/**
 * struct vtd_pt_cfg - the shape of a page table
 * @levels: 3, 4 or 5
 * @sllps: superpages the unit supports: bit 0 2 MiB, bit 1 1 GiB (CAP.SLLPS)
 * @snoop: the unit honours the SNP bit (ECAP.SC)
 */
struct vtd_pt_cfg {
	u8 levels;
	u8 sllps;
	bool snoop;
};

/**
 * struct vtd_pt - one I/O page table
 * @cfg: (c) its shape
 * @env: (c) its memory
 * @ctx: (c) passed to @env's allocator
 * @flush: (c) @env's flush, copied here: every change calls it, and the
 *	table's own cache line is one the walk has loaded already
 * @top: (c) the top-level table
 * @top_pa: (c) its physical address, for the context entry
 */
struct vtd_pt {
	struct vtd_pt_cfg cfg;
	const struct vtd_pt_env *env;
	void *ctx;
	void (*flush)(void *addr, unsigned int len);
	u64 *top;
	u64 top_pa;
};

/**
 * vtd_pt_width() - bits of address a table translates
 * @pt: the table
 *
 * Return: 39, 48 or 57.
 */
static inline unsigned int vtd_pt_width(const struct vtd_pt *pt)
{
	return 12 + 9 * pt->cfg.levels;
}

/**
 * vtd_pt_pgsizes() - the page sizes a table can map with
 * @cfg: its shape
 *
 * Return: a bitmap of sizes: 4 KiB, and 2 MiB and 1 GiB where allowed.
 */
static inline u64 vtd_pt_pgsizes(const struct vtd_pt_cfg *cfg)
{
	return (1ULL << 12) | ((cfg->sllps & 1) ? 1ULL << 21 : 0) |
	       ((cfg->sllps & 2) ? 1ULL << 30 : 0);
}

int vtd_pt_init(struct vtd_pt *pt, const struct vtd_pt_cfg *cfg,
		const struct vtd_pt_env *env, void *ctx, gfp_t gfp);
void vtd_pt_destroy(struct vtd_pt *pt);
int vtd_pt_map(struct vtd_pt *pt, u64 iova, u64 pa, u64 len, unsigned int prot,
	       gfp_t gfp, u64 *mapped, struct list_head *freelist);
u64 vtd_pt_unmap(struct vtd_pt *pt, u64 iova, u64 len, struct list_head *freelist);
u64 vtd_pt_iova_to_phys(struct vtd_pt *pt, u64 iova, unsigned int *level);
void vtd_pt_free_list(struct vtd_pt *pt, struct list_head *freelist);

#endif /* VTD_PGTABLE_H */
