// SPDX-License-Identifier: GPL-2.0-only
/*
 * VT-d second-level I/O page tables (spec 9.8): one walker, and map, unmap,
 * lookup and teardown written as visitors over it. Pure code: memory comes
 * from struct vtd_pt_env, and invalidating the IOTLB is the caller's job, so
 * the same file runs in the kernel, in KUnit and in the userspace harness.
 *
 * Concurrency: callers never map or unmap overlapping ranges at the same
 * time (the IOMMU API's rule), but disjoint ranges may share tables, so a
 * missing table is installed with cmpxchg and the loser frees its copy.
 */
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/overflow.h>

#include "vtd/entries.h"
#include "vtd/pgtable.h"

#define VTD_PT_IDX_BITS		9

/* Visitor results, besides a negative errno. */
#define VTD_PT_DIRTY		BIT(0)	/* the entry changed: write it back */
#define VTD_PT_ALLOC		BIT(1)	/* install a table here and descend */

/**
 * struct vtd_pt_walk - one walk over a range of IOVA
 * @pt: the table
 * @gfp: for tables the walk installs
 * @iova: the first address of the operation
 * @pa: map: the physical address for @iova
 * @prot: map: the leaf permission bits
 * @done: bytes mapped or unmapped; lookup: the physical address found
 * @level: lookup: the level of the leaf found
 * @freelist: unmap: tables unlinked, to free after the IOTLB flush
 */
struct vtd_pt_walk {
	struct vtd_pt *pt;
	gfp_t gfp;
	u64 iova;
	u64 pa;
	u64 prot;
	u64 done;
	unsigned int level;
	struct list_head *freelist;
};

static inline unsigned int vtd_pt_shift(unsigned int level)
{
	return VTD_PAGE_SHIFT + VTD_PT_IDX_BITS * level;
}

static inline bool vtd_pte_present(u64 e)
{
	return e & (VTD_SLPTE_R | VTD_SLPTE_W);
}

static inline bool vtd_pte_is_table(u64 e, unsigned int level)
{
	return level && vtd_pte_present(e) && !(e & VTD_SLPTE_PS);
}

static inline u64 *vtd_pt_child(const struct vtd_pt *pt, u64 e)
{
	return phys_to_virt(e & VTD_SLPTE_ADDR);
}

static void vtd_pt_flush(const struct vtd_pt *pt, void *addr, size_t len)
{
	if (pt->env->flush)
		pt->env->flush(addr, len);
}

/* Install a zeroed table at @pte unless another walker got there first. */
static int vtd_pt_install_table(struct vtd_pt_walk *w, u64 *pte)
{
	const struct vtd_pt *pt = w->pt;
	void *table = pt->env->alloc_table(pt->ctx, w->gfp);
	u64 e;

	if (!table)
		return -ENOMEM;
	vtd_pt_flush(pt, table, VTD_PAGE_SIZE);
	e = FIELD_PREP(VTD_SLPTE_ADDR, virt_to_phys(table) >> VTD_PAGE_SHIFT) |
	    VTD_SLPTE_R | VTD_SLPTE_W;
	if (cmpxchg64(pte, 0ULL, e) != 0)
		pt->env->free_table(pt->ctx, table);
	else
		vtd_pt_flush(pt, pte, sizeof(*pte));
	return 0;
}

/*
 * The walker: visit every entry of @table (at @level) that [@va, @last]
 * touches, and write back the entries that changed with one flush per
 * table. @visit sees each entry that is empty or a leaf; table entries are
 * descended into (through @self, at @level - 1) and then shown to @leave.
 *
 * There is one walker body; each operation below wraps it in a function of
 * its own with the visitors known at compile time, so they are inlined
 * instead of called through pointers on every entry.
 */
static __always_inline int
vtd_pt_walk_body(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last,
		 int (*visit)(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end),
		 int (*leave)(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end),
		 int (*self)(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last))
{
	unsigned int shift = vtd_pt_shift(level);
	unsigned int i = (va >> shift) & (VTD_PT_ENTRIES - 1);
	unsigned int lo = VTD_PT_ENTRIES, hi = 0;
	u64 end, e;
	int ret;

	for (;; i++, va = end + 1) {
		end = min(last, va | ((1ULL << shift) - 1));
		do {
			e = READ_ONCE(table[i]);
			if (vtd_pte_is_table(e, level)) {
				ret = self(w, vtd_pt_child(w->pt, e), level - 1, va, end);
				if (!ret && leave)
					ret = leave(w, &table[i], level, va, end);
			} else {
				ret = visit(w, &table[i], level, va, end);
				if (ret > 0 && (ret & VTD_PT_ALLOC))
					ret = vtd_pt_install_table(w, &table[i]) ?: VTD_PT_ALLOC;
			}
		} while (ret == VTD_PT_ALLOC);
		if (ret < 0)
			break;
		if (ret & VTD_PT_DIRTY) {
			lo = min(lo, i);
			hi = i;
		}
		if (end == last)
			break;
	}
	if (lo <= hi)
		vtd_pt_flush(w->pt, &table[lo], (hi - lo + 1) * sizeof(*table));
	return ret < 0 ? ret : 0;
}

/* Walk [@va, @last] from the top-level table with one of the walkers. */
static int vtd_pt_walk(struct vtd_pt_walk *w, u64 va, u64 last,
		       int (*walker)(struct vtd_pt_walk *w, u64 *table, unsigned int level,
				     u64 va, u64 last))
{
	return walker(w, w->pt->top, w->pt->cfg.levels - 1, va, last);
}

/* Check a range against the table's width; 0 or a negative errno. */
static int vtd_pt_check_range(const struct vtd_pt *pt, u64 iova, u64 len)
{
	u64 last;

	if (!len || (iova | len) & (VTD_PAGE_SIZE - 1))
		return -EINVAL;
	if (check_add_overflow(iova, len - 1, &last))
		return -EOVERFLOW;
	if (vtd_pt_width(pt) < 64 && last >> vtd_pt_width(pt))
		return -ERANGE;
	return 0;
}

/* ---- map ------------------------------------------------------------------- */

static bool vtd_pt_leaf_fits(const struct vtd_pt_walk *w, unsigned int level, u64 va, u64 end)
{
	u64 size = 1ULL << vtd_pt_shift(level);
	u64 pa = w->pa + (va - w->iova);

	if (level && !(w->pt->cfg.sllps & BIT(level - 1)))
		return false;
	return !(va & (size - 1)) && end - va == size - 1 && !(pa & (size - 1));
}

static int vtd_pt_map_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 e;

	if (vtd_pte_present(READ_ONCE(*pte)))
		return -EADDRINUSE;
	if (!vtd_pt_leaf_fits(w, level, va, end))
		return VTD_PT_ALLOC;
	e = FIELD_PREP(VTD_SLPTE_ADDR, (w->pa + (va - w->iova)) >> VTD_PAGE_SHIFT) | w->prot;
	if (level)
		e |= VTD_SLPTE_PS;
	/* A plain store: no one else maps this range (the IOMMU API's rule). */
	WRITE_ONCE(*pte, e);
	w->done += end - va + 1;
	return VTD_PT_DIRTY;
}

static int vtd_pt_map_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_map_visit, NULL, vtd_pt_map_walk);
}

/**
 * vtd_pt_map() - map a physically contiguous range
 * @pt: the table
 * @iova: first I/O virtual address (page aligned)
 * @pa: physical address it maps to (page aligned)
 * @len: bytes (a multiple of the page size)
 * @prot: VTD_PT_READ and/or VTD_PT_WRITE, optionally VTD_PT_SNOOP
 * @gfp: for new tables
 * @mapped: set to the bytes mapped, also on failure (the caller unmaps them)
 *
 * Uses 2 MiB and 1 GiB leaves where the configuration allows them and the
 * addresses and length are aligned. Not-present entries that were never
 * cached need no invalidation unless the unit is in caching mode.
 *
 * Context: any context that @gfp allows.
 * Return: 0, -EINVAL (alignment or no permission), -EOVERFLOW, -ERANGE
 * (beyond the table's width), -EADDRINUSE (something is mapped there
 * already), or -ENOMEM.
 */
int vtd_pt_map(struct vtd_pt *pt, u64 iova, u64 pa, u64 len, unsigned int prot,
	       gfp_t gfp, u64 *mapped)
{
	struct vtd_pt_walk w = {
		.pt = pt, .gfp = gfp, .iova = iova, .pa = pa,
	};
	int ret;

	*mapped = 0;
	ret = vtd_pt_check_range(pt, iova, len);
	if (ret)
		return ret;
	if (!(prot & (VTD_PT_READ | VTD_PT_WRITE)) || pa & (VTD_PAGE_SIZE - 1))
		return -EINVAL;
	if (prot & VTD_PT_READ)
		w.prot |= VTD_SLPTE_R;
	if (prot & VTD_PT_WRITE)
		w.prot |= VTD_SLPTE_W;
	if ((prot & VTD_PT_SNOOP) && pt->cfg.snoop)
		w.prot |= VTD_SLPTE_SNP;
	ret = vtd_pt_walk(&w, iova, iova + len - 1, vtd_pt_map_walk);
	*mapped = w.done;
	return ret;
}

/* ---- unmap ----------------------------------------------------------------- */

static int vtd_pt_unmap_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 size = 1ULL << vtd_pt_shift(level);

	if (!vtd_pte_present(READ_ONCE(*pte)))
		return 0;
	/* A superpage only partly in the range: refuse to split it. */
	if ((va & (size - 1)) || end - va != size - 1) {
		w->done = va - w->iova;
		return -EINVAL;
	}
	WRITE_ONCE(*pte, 0);
	return VTD_PT_DIRTY;
}

/* A table whose whole span was unmapped is empty: unlink it, free it later. */
static int vtd_pt_unmap_leave(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 size = 1ULL << vtd_pt_shift(level);
	u64 *child = vtd_pt_child(w->pt, READ_ONCE(*pte));

	if ((va & (size - 1)) || end - va != size - 1)
		return 0;
	WRITE_ONCE(*pte, 0);
	list_add_tail(w->pt->env->table_link(child), w->freelist);
	return VTD_PT_DIRTY;
}

static int vtd_pt_unmap_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_unmap_visit, vtd_pt_unmap_leave, vtd_pt_unmap_walk);
}

/**
 * vtd_pt_unmap() - unmap a range
 * @pt: the table
 * @iova: first address (page aligned)
 * @len: bytes (a multiple of the page size)
 * @freelist: tables no longer linked are added here; free them with
 *	vtd_pt_free_list() only after the IOTLB is invalidated
 *
 * Holes in the range are skipped. A superpage that the range covers only
 * in part is not split: the unmap stops in front of it.
 *
 * Context: any.
 * Return: the bytes handled from @iova on (the span the IOTLB must forget):
 * @len, or less if the unmap stopped at a superpage; 0 for a bad range.
 */
u64 vtd_pt_unmap(struct vtd_pt *pt, u64 iova, u64 len, struct list_head *freelist)
{
	struct vtd_pt_walk w = {
		.pt = pt, .iova = iova, .freelist = freelist,
	};

	if (vtd_pt_check_range(pt, iova, len))
		return 0;
	if (vtd_pt_walk(&w, iova, iova + len - 1, vtd_pt_unmap_walk))
		return w.done;
	return len;
}

/* ---- lookup ---------------------------------------------------------------- */

static int vtd_pt_lookup_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 e = READ_ONCE(*pte);

	if (vtd_pte_present(e)) {
		w->done = (e & VTD_SLPTE_ADDR) + (va & ((1ULL << vtd_pt_shift(level)) - 1));
		w->level = level;
	}
	return 0;
}

static int vtd_pt_lookup_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_lookup_visit, NULL, vtd_pt_lookup_walk);
}

/**
 * vtd_pt_iova_to_phys() - what an address translates to
 * @pt: the table
 * @iova: the address
 * @level: if not NULL, set to the level of the leaf (0: 4 KiB, 1: 2 MiB, 2: 1 GiB)
 *
 * Context: any.
 * Return: the physical address, or 0 if @iova is not mapped.
 */
u64 vtd_pt_iova_to_phys(struct vtd_pt *pt, u64 iova, unsigned int *level)
{
	struct vtd_pt_walk w = { .pt = pt };

	if (vtd_pt_check_range(pt, iova & ~(VTD_PAGE_SIZE - 1), VTD_PAGE_SIZE))
		return 0;
	vtd_pt_walk(&w, iova, iova, vtd_pt_lookup_walk);
	if (level)
		*level = w.level;
	return w.done;
}

/* ---- life and death -------------------------------------------------------- */

/**
 * vtd_pt_init() - an empty table
 * @pt: filled in
 * @cfg: its shape (levels 3 to 5)
 * @env: its memory
 * @ctx: passed to @env's allocator
 * @gfp: for the top-level table
 *
 * Context: any context that @gfp allows.
 * Return: 0, -EINVAL for an unsupported shape, or -ENOMEM.
 */
int vtd_pt_init(struct vtd_pt *pt, const struct vtd_pt_cfg *cfg,
		const struct vtd_pt_env *env, void *ctx, gfp_t gfp)
{
	if (cfg->levels < 3 || cfg->levels > VTD_PT_MAX_LEVELS)
		return -EINVAL;
	pt->cfg = *cfg;
	pt->env = env;
	pt->ctx = ctx;
	pt->top = env->alloc_table(ctx, gfp);
	if (!pt->top)
		return -ENOMEM;
	vtd_pt_flush(pt, pt->top, VTD_PAGE_SIZE);
	pt->top_pa = virt_to_phys(pt->top);
	return 0;
}

static int vtd_pt_skip_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	return 0;
}

static int vtd_pt_free_leave(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	w->pt->env->free_table(w->pt->ctx, vtd_pt_child(w->pt, *pte));
	return 0;
}

static int vtd_pt_free_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_skip_visit, vtd_pt_free_leave, vtd_pt_free_walk);
}

/**
 * vtd_pt_destroy() - free every table
 * @pt: a table no hardware walks any more (detached, and the IOTLB and
 *	context caches invalidated)
 *
 * Context: any.
 */
void vtd_pt_destroy(struct vtd_pt *pt)
{
	struct vtd_pt_walk w = {
		.pt = pt,
	};

	if (!pt->top)
		return;
	vtd_pt_walk(&w, 0, (1ULL << vtd_pt_width(pt)) - 1, vtd_pt_free_walk);
	pt->env->free_table(pt->ctx, pt->top);
	pt->top = NULL;
}

/**
 * vtd_pt_free_list() - free the tables an unmap unlinked
 * @pt: the table they came from
 * @freelist: the list vtd_pt_unmap() filled; emptied
 *
 * Context: any; only after the IOTLB invalidation for the unmap.
 */
void vtd_pt_free_list(struct vtd_pt *pt, struct list_head *freelist)
{
	struct list_head *link, *next;

	list_for_each_safe(link, next, freelist) {
		list_del(link);
		pt->env->free_table(pt->ctx, pt->env->link_table(link));
	}
}
