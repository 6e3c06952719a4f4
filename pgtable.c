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
#include <linux/string.h>

#include "vtd/entries.h"
#include "vtd/pgtable.h"

#define VTD_PT_IDX_BITS		9

static_assert(VTD_PT_READ == VTD_SLPTE_R && VTD_PT_WRITE == VTD_SLPTE_W);

/* Visitor results, besides a negative errno. */
#define VTD_PT_DIRTY		BIT(0)	/* the entry changed: write it back */
#define VTD_PT_ALLOC		BIT(1)	/* install a table here, then visit again */
#define VTD_PT_DESCEND		BIT(2)	/* the entry is a table: walk into it */

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

/*
 * Walks live on the stack __uninitialized, with every field set here: the
 * kernel's automatic zeroing of stack variables (INIT_STACK_ALL_ZERO) is a
 * "rep stos", which costs more than the whole walk of one page under TCG.
 */
static __always_inline void vtd_pt_walk_init(struct vtd_pt_walk *w, struct vtd_pt *pt, u64 iova)
{
	w->pt = pt;
	w->gfp = 0;
	w->iova = iova;
	w->pa = 0;
	w->prot = 0;
	w->done = 0;
	w->level = 0;
	w->freelist = NULL;
}

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

/* [@va, @end] is the whole span of one entry at @level. */
static inline bool vtd_pt_whole(unsigned int level, u64 va, u64 end)
{
	u64 size = 1ULL << vtd_pt_shift(level);

	return !(va & (size - 1)) && end - va == size - 1;
}

static inline u64 *vtd_pt_child(u64 e)
{
	return phys_to_virt(e & VTD_SLPTE_ADDR);
}

static void vtd_pt_flush(const struct vtd_pt *pt, void *addr, unsigned int len)
{
	if (pt->flush)
		pt->flush(addr, len);
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

/* Stop the walk at @va: @w->done says how much came before it. */
static int vtd_pt_fail(struct vtd_pt_walk *w, u64 va, int err)
{
	w->done = va - w->iova;
	return err;
}

/*
 * The walker: show @visit the entries of @table (at @level) that [@va,
 * @last] touches, each with the part of the range it covers, and write
 * back the entries that changed with one flush per table. @visit returns a
 * negative errno to stop (through vtd_pt_fail()), VTD_PT_DIRTY for an
 * entry it changed, VTD_PT_ALLOC to have a table installed in an empty
 * entry (and see it again), or VTD_PT_DESCEND to walk into the table the
 * entry points to, through @self at @level - 1.
 *
 * Leaves of a leaf table (level 0) come as one run: @visit gets the first
 * entry and the whole range in the table, and handles every page in it. A
 * range inside one entry takes the same short path, with no loop. Walking
 * into the last entry of a range, with nothing at this level to write
 * back, needs nothing afterwards either: the walk then descends in place
 * instead of recursing.
 *
 * There is one walker body; each operation below wraps it in a function of
 * its own with the visitor known at compile time, so it is inlined instead
 * of called through a pointer on every entry.
 */
static __always_inline int
vtd_pt_walk_body(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last,
		 int (*visit)(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end),
		 int (*self)(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last))
{
	unsigned int shift, i, lo, hi;
	u64 end;
	int ret;

descend:
	shift = vtd_pt_shift(level);
	i = (va >> shift) & (VTD_PT_ENTRIES - 1);
	if (!level || !((va ^ last) >> shift)) {
		ret = visit(w, &table[i], level, va, last);
		if (ret == VTD_PT_ALLOC) {
			ret = vtd_pt_install_table(w, &table[i]);
			if (ret)
				return vtd_pt_fail(w, va, ret);
			goto descend;
		}
		if (ret == VTD_PT_DESCEND) {
			table = vtd_pt_child(READ_ONCE(table[i]));
			level--;
			goto descend;
		}
		if (ret > 0 && (ret & VTD_PT_DIRTY))
			vtd_pt_flush(w->pt, &table[i], ((last - va) >> shift) * sizeof(*table) +
				     sizeof(*table));
		return ret < 0 ? ret : 0;
	}
	lo = VTD_PT_ENTRIES;
	hi = 0;
	for (;; i++, va = end + 1) {
		end = min(last, va | ((1ULL << shift) - 1));
revisit:
		ret = visit(w, &table[i], level, va, end);
		if (ret == VTD_PT_ALLOC) {
			ret = vtd_pt_install_table(w, &table[i]);
			if (!ret)
				goto revisit;
			ret = vtd_pt_fail(w, va, ret);
		}
		if (ret == VTD_PT_DESCEND) {
			u64 *child = vtd_pt_child(READ_ONCE(table[i]));

			if (end == last && lo > hi) {
				table = child;
				level--;
				goto descend;
			}
			ret = self(w, child, level - 1, va, end);
		}
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

/*
 * Walk [@va, @last] from the top-level table. The body is inlined into the
 * operation as well, so a range inside one leaf table makes no call at all:
 * @self is only entered for ranges that span entries.
 */
static __always_inline int
vtd_pt_walk(struct vtd_pt_walk *w, u64 va, u64 last,
	    int (*visit)(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end),
	    int (*self)(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last))
{
	return vtd_pt_walk_body(w, w->pt->top, w->pt->cfg.levels - 1, va, last, visit, self);
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

static __always_inline bool vtd_pt_leaf_fits(const struct vtd_pt_walk *w, unsigned int level, u64 va, u64 end)
{
	u64 pa = w->pa + (va - w->iova);

	if (!(w->pt->cfg.sllps & BIT(level - 1)))
		return false;
	return vtd_pt_whole(level, va, end) && !(pa & ((1ULL << vtd_pt_shift(level)) - 1));
}

/* A run of 4 KiB leaves: all of them are mapped, or none if one is taken. */
static __always_inline int vtd_pt_map_leaves(struct vtd_pt_walk *w, u64 *pte, u64 va, u64 end)
{
	unsigned int k, n = ((end - va) >> VTD_PAGE_SHIFT) + 1;
	u64 pa = w->pa + (va - w->iova);

	for (k = 0; k < n; k++)
		if (vtd_pte_present(READ_ONCE(pte[k])))
			return vtd_pt_fail(w, va, -EADDRINUSE);
	/* Plain stores: no one else maps this range (the IOMMU API's rule). */
	for (k = 0; k < n; k++, pa += VTD_PAGE_SIZE)
		WRITE_ONCE(pte[k], (pa & VTD_SLPTE_ADDR) | w->prot);
	return VTD_PT_DIRTY;
}

static __always_inline int
vtd_pt_map_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 e;

	if (!level)
		return vtd_pt_map_leaves(w, pte, va, end);
	e = READ_ONCE(*pte);
	if (vtd_pte_is_table(e, level)) {
		/*
		 * A superpage fits where an empty table was left behind by
		 * earlier 4 KiB mappings: take its place, and hand the table
		 * over to be freed once the caller has invalidated the range.
		 */
		if (!w->freelist || !vtd_pt_leaf_fits(w, level, va, end) ||
		    memchr_inv(vtd_pt_child(e), 0, VTD_PAGE_SIZE))
			return VTD_PT_DESCEND;
		list_add_tail(w->pt->env->table_link(vtd_pt_child(e)), w->freelist);
	} else if (vtd_pte_present(e)) {
		return vtd_pt_fail(w, va, -EADDRINUSE);
	} else if (!vtd_pt_leaf_fits(w, level, va, end)) {
		return VTD_PT_ALLOC;
	}
	WRITE_ONCE(*pte, ((w->pa + (va - w->iova)) & VTD_SLPTE_ADDR) | w->prot | VTD_SLPTE_PS);
	return VTD_PT_DIRTY;
}

static int vtd_pt_map_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_map_visit, vtd_pt_map_walk);
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
 * @freelist: if not NULL, a superpage may take the place of an empty table
 *	(left by earlier 4 KiB mappings), which is added here: invalidate the
 *	range (paging-structure caches included), then vtd_pt_free_list()
 *
 * Uses 2 MiB and 1 GiB leaves where the configuration allows them and the
 * addresses and length are aligned. The 4 KiB pages that fall in one leaf
 * table are mapped all or none: a clash leaves that table's part unmapped,
 * and @mapped counts what came before it. Not-present entries that were
 * never cached need no invalidation unless the unit is in caching mode.
 *
 * Context: any context that @gfp allows.
 * Return: 0, -EINVAL (alignment or no permission), -EOVERFLOW, -ERANGE
 * (beyond the table's width), -EADDRINUSE (something is mapped there
 * already), or -ENOMEM.
 */
int vtd_pt_map(struct vtd_pt *pt, u64 iova, u64 pa, u64 len, unsigned int prot,
	       gfp_t gfp, u64 *mapped, struct list_head *freelist)
{
	struct vtd_pt_walk w __uninitialized;
	int ret;

	vtd_pt_walk_init(&w, pt, iova);
	w.gfp = gfp;
	w.pa = pa;
	/* VTD_PT_READ and VTD_PT_WRITE are the entry's R and W bits. */
	w.prot = prot & (VTD_PT_READ | VTD_PT_WRITE);
	w.freelist = freelist;
	*mapped = 0;
	ret = vtd_pt_check_range(pt, iova, len);
	if (ret)
		return ret;
	if (!w.prot || pa & (VTD_PAGE_SIZE - 1))
		return -EINVAL;
	if ((prot & VTD_PT_SNOOP) && pt->cfg.snoop)
		w.prot |= VTD_SLPTE_SNP;
	ret = vtd_pt_walk(&w, iova, iova + len - 1, vtd_pt_map_visit, vtd_pt_map_walk);
	*mapped = ret ? w.done : len;
	return ret;
}

/* ---- collecting tables to free ------------------------------------------------ */

/*
 * Hand the table @pte points to, and every table below it, to the freelist.
 * Entries are left as they are: the whole subtree is about to be unlinked
 * or freed, and no leaf in it is cleared one by one.
 */
static __always_inline int
vtd_pt_collect_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 e = READ_ONCE(*pte);

	if (!vtd_pte_is_table(e, level))
		return 0;
	list_add_tail(w->pt->env->table_link(vtd_pt_child(e)), w->freelist);
	/* A leaf table (level 1's children) holds no tables: no need to look. */
	return level > 1 ? VTD_PT_DESCEND : 0;
}

static int vtd_pt_collect_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level,
			       u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_collect_visit,
				vtd_pt_collect_walk);
}

/* ---- unmap ----------------------------------------------------------------- */

static __always_inline int
vtd_pt_unmap_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	unsigned int k, n;
	u64 e;

	if (!level) {
		/* A run of 4 KiB leaves: holes are cleared as well, at no cost. */
		n = ((end - va) >> VTD_PAGE_SHIFT) + 1;
		for (k = 0; k < n; k++)
			WRITE_ONCE(pte[k], 0);
		return VTD_PT_DIRTY;
	}
	e = READ_ONCE(*pte);
	if (!vtd_pte_present(e))
		return 0;
	if (!vtd_pt_whole(level, va, end)) {
		if (vtd_pte_is_table(e, level))
			return VTD_PT_DESCEND;
		/* A superpage only partly in the range: refuse to split it. */
		return vtd_pt_fail(w, va, -EINVAL);
	}
	/* The range covers the entry's span: a table is unlinked as it is. */
	if (vtd_pt_collect_visit(w, pte, level, va, end) == VTD_PT_DESCEND)
		vtd_pt_collect_walk(w, vtd_pt_child(e), level - 1, va, end);
	WRITE_ONCE(*pte, 0);
	return VTD_PT_DIRTY;
}

static int vtd_pt_unmap_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_unmap_visit, vtd_pt_unmap_walk);
}

/**
 * vtd_pt_unmap() - unmap a range
 * @pt: the table
 * @iova: first address (page aligned)
 * @len: bytes (a multiple of the page size)
 * @freelist: tables no longer linked are added here; free them with
 *	vtd_pt_free_list() only after the IOTLB is invalidated
 *
 * Holes in the range are skipped. A table whose whole span is in the range
 * is unlinked with everything below it, without clearing its entries. A
 * superpage that the range covers only in part is not split: the unmap
 * stops in front of it.
 *
 * Context: any.
 * Return: the bytes handled from @iova on (the span the IOTLB must forget):
 * @len, or less if the unmap stopped at a superpage; 0 for a bad range.
 */
u64 vtd_pt_unmap(struct vtd_pt *pt, u64 iova, u64 len, struct list_head *freelist)
{
	struct vtd_pt_walk w __uninitialized;

	vtd_pt_walk_init(&w, pt, iova);
	w.freelist = freelist;
	if (vtd_pt_check_range(pt, iova, len))
		return 0;
	if (vtd_pt_walk(&w, iova, iova + len - 1, vtd_pt_unmap_visit, vtd_pt_unmap_walk))
		return w.done;
	return len;
}

/* ---- lookup ---------------------------------------------------------------- */

static __always_inline int
vtd_pt_lookup_visit(struct vtd_pt_walk *w, u64 *pte, unsigned int level, u64 va, u64 end)
{
	u64 e = READ_ONCE(*pte);

	if (vtd_pte_is_table(e, level))
		return VTD_PT_DESCEND;
	if (vtd_pte_present(e)) {
		w->done = (e & VTD_SLPTE_ADDR) + (va & ((1ULL << vtd_pt_shift(level)) - 1));
		w->level = level;
	}
	return 0;
}

static int vtd_pt_lookup_walk(struct vtd_pt_walk *w, u64 *table, unsigned int level, u64 va, u64 last)
{
	return vtd_pt_walk_body(w, table, level, va, last, vtd_pt_lookup_visit, vtd_pt_lookup_walk);
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
	struct vtd_pt_walk w __uninitialized;

	vtd_pt_walk_init(&w, pt, iova);
	if (vtd_pt_check_range(pt, iova & ~(VTD_PAGE_SIZE - 1), VTD_PAGE_SIZE))
		return 0;
	vtd_pt_walk(&w, iova, iova, vtd_pt_lookup_visit, vtd_pt_lookup_walk);
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
	pt->flush = env->flush;
	pt->top = env->alloc_table(ctx, gfp);
	if (!pt->top)
		return -ENOMEM;
	vtd_pt_flush(pt, pt->top, VTD_PAGE_SIZE);
	pt->top_pa = virt_to_phys(pt->top);
	return 0;
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
	LIST_HEAD(freelist);
	struct vtd_pt_walk w = {
		.pt = pt, .freelist = &freelist,
	};

	if (!pt->top)
		return;
	vtd_pt_collect_walk(&w, pt->top, pt->cfg.levels - 1, 0, (1ULL << vtd_pt_width(pt)) - 1);
	vtd_pt_free_list(pt, &freelist);
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
