// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for pgtable.c: every depth and leaf size, overmap, partial
 * unmap, unlinking whole subtrees, the superpage split refusal, random map/unmap against a reference
 * model, cache write-back of every changed entry, and no table leaked.
 *
 * The environment keeps a shadow of each table holding what was written
 * back (flushed): after every operation a table must equal its shadow, so a
 * store the unit could not see (ECAP.C=0) fails the test.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/string.h>

#include "../pgtable.c"

#define PT_TEST_MAX_TABLES	1024
#define SZ4K			(1ULL << 12)
#define SZ2M			(1ULL << 21)
#define SZ1G			(1ULL << 30)

struct pt_test_page {
	void *va;
	u8 *shadow;
	struct list_head link;
};

struct pt_test_env {
	struct kunit *test;
	struct pt_test_page pages[PT_TEST_MAX_TABLES];
	int live;
	bool coherent;
	struct vtd_pt pt;
};

static struct pt_test_env *pt_cur;

static struct pt_test_page *pt_test_find(void *va)
{
	int i;

	for (i = 0; i < PT_TEST_MAX_TABLES; i++)
		if (pt_cur->pages[i].va == va)
			return &pt_cur->pages[i];
	return NULL;
}

static void *pt_test_alloc(void *ctx, gfp_t gfp)
{
	struct pt_test_page *p = pt_test_find(NULL);

	if (!p)
		return NULL;
	p->va = (void *)get_zeroed_page(gfp);
	p->shadow = (u8 *)get_zeroed_page(gfp);
	if (!p->va || !p->shadow) {
		free_page((unsigned long)p->va);
		free_page((unsigned long)p->shadow);
		p->va = NULL;
		return NULL;
	}
	memset(p->shadow, 0xa5, PAGE_SIZE);	/* not written back yet */
	pt_cur->live++;
	return p->va;
}

static void pt_test_free(void *ctx, void *table)
{
	struct pt_test_page *p = pt_test_find(table);

	KUNIT_ASSERT_NOT_NULL(pt_cur->test, p);
	free_page((unsigned long)p->va);
	free_page((unsigned long)p->shadow);
	p->va = NULL;
	pt_cur->live--;
}

static struct list_head *pt_test_link(void *table)
{
	return &pt_test_find(table)->link;
}

static void *pt_test_link_table(struct list_head *link)
{
	return container_of(link, struct pt_test_page, link)->va;
}

/* Write-back: copy what the CPU wrote into the table's shadow. */
static void pt_test_flush(void *addr, unsigned int len)
{
	uintptr_t page = (uintptr_t)addr & ~(PAGE_SIZE - 1);
	struct pt_test_page *p = pt_test_find((void *)page);

	KUNIT_ASSERT_NOT_NULL(pt_cur->test, p);
	KUNIT_ASSERT_TRUE(pt_cur->test, (uintptr_t)addr + len <= page + PAGE_SIZE);
	memcpy(p->shadow + ((uintptr_t)addr - page), addr, len);
}

static const struct vtd_pt_env pt_test_env_ops = {
	.alloc_table = pt_test_alloc,
	.free_table = pt_test_free,
	.table_link = pt_test_link,
	.link_table = pt_test_link_table,
	.flush = pt_test_flush,
};

static const struct vtd_pt_env pt_test_env_coherent = {
	.alloc_table = pt_test_alloc,
	.free_table = pt_test_free,
	.table_link = pt_test_link,
	.link_table = pt_test_link_table,
};

/* Every table the unit can reach must hold exactly what was written back. */
static void pt_test_check_flushed(struct kunit *test)
{
	int i;

	if (pt_cur->coherent)
		return;
	for (i = 0; i < PT_TEST_MAX_TABLES; i++) {
		struct pt_test_page *p = &pt_cur->pages[i];

		if (p->va)
			KUNIT_EXPECT_TRUE_MSG(test, !memcmp(p->va, p->shadow, PAGE_SIZE),
					      "table %d has entries not written back", i);
	}
}

struct pt_test_cfg {
	const char *name;
	struct vtd_pt_cfg cfg;
	bool coherent;
};

static const struct pt_test_cfg pt_test_cfgs[] = {
	{ "39-bit 2M+1G", { .levels = 3, .sllps = 3 } },
	{ "48-bit 2M+1G", { .levels = 4, .sllps = 3 } },
	{ "57-bit 2M+1G", { .levels = 5, .sllps = 3 } },
	{ "48-bit 4K only", { .levels = 4, .sllps = 0 } },
	{ "48-bit 2M only", { .levels = 4, .sllps = 1 } },
	{ "39-bit coherent", { .levels = 3, .sllps = 3 }, true },
};

static void pt_test_cfg_desc(const struct pt_test_cfg *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(pt_test, pt_test_cfgs, pt_test_cfg_desc);

static int pt_test_init(struct kunit *test)
{
	const struct pt_test_cfg *c = test->param_value;
	struct vtd_pt_cfg one = { .levels = 4, .sllps = 3 };

	pt_cur = kunit_kzalloc(test, sizeof(*pt_cur), GFP_KERNEL);
	if (!pt_cur)
		return -ENOMEM;
	pt_cur->test = test;
	pt_cur->coherent = c && c->coherent;
	return vtd_pt_init(&pt_cur->pt, c ? &c->cfg : &one,
			   pt_cur->coherent ? &pt_test_env_coherent : &pt_test_env_ops,
			   NULL, GFP_KERNEL);
}

/* The suite's leak check: destroying the table gives back every page. */
static void pt_test_exit(struct kunit *test)
{
	if (!pt_cur)
		return;
	vtd_pt_destroy(&pt_cur->pt);
	KUNIT_EXPECT_EQ(test, pt_cur->live, 0);
	pt_cur = NULL;
}

/* An independent reading of the table: the entry at @level for @iova. */
static u64 pt_test_entry(struct vtd_pt *pt, u64 iova, unsigned int level)
{
	u64 *table = pt->top, e = 0;
	int l;

	for (l = pt->cfg.levels - 1; l >= (int)level; l--) {
		e = table[(iova >> (12 + 9 * l)) & 511];
		if (!(e & 3) || (e & VTD_SLPTE_PS) || !l)
			break;
		table = phys_to_virt(e & VTD_SLPTE_ADDR);
	}
	return l == (int)level ? e : 0;
}

static void pt_test_map_each_size(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 sizes[] = { SZ4K, SZ2M, SZ1G }, mapped;
	unsigned int i, level;
	LIST_HEAD(freelist);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u64 size = sizes[i], iova = size * 3, pa = size * 5, e;
		unsigned int leaf = i;

		/* The largest leaf the configuration allows, up to @size. */
		while (!(vtd_pt_pgsizes(&pt->cfg) & sizes[leaf]))
			leaf--;

		KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, iova, pa, size, VTD_PT_READ | VTD_PT_WRITE,
						 GFP_KERNEL, &mapped, NULL), 0);
		KUNIT_EXPECT_EQ(test, mapped, size);
		pt_test_check_flushed(test);
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, iova + size - 0x10, &level),
				pa + size - 0x10);
		KUNIT_EXPECT_EQ(test, level, leaf);
		e = pt_test_entry(pt, iova, leaf);
		KUNIT_EXPECT_EQ(test, e & VTD_SLPTE_ADDR, pa);
		KUNIT_EXPECT_EQ(test, e & ~VTD_SLPTE_ADDR,
				VTD_SLPTE_R | VTD_SLPTE_W | (leaf ? VTD_SLPTE_PS : 0));
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, iova + size, NULL), 0);
		KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, iova, size, &freelist), size);
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, iova, NULL), 0);
		pt_test_check_flushed(test);
		vtd_pt_free_list(pt, &freelist);
	}
}

static void pt_test_permissions(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 mapped;

	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0x1000, 0x5000, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_test_entry(pt, 0x1000, 0), 0x5000 | VTD_SLPTE_R);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0x2000, 0x6000, SZ4K, VTD_PT_WRITE, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_test_entry(pt, 0x2000, 0), 0x6000 | VTD_SLPTE_W);
	/* Snoop is only set where the unit honours it. */
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0x3000, 0x7000, SZ4K, VTD_PT_READ | VTD_PT_SNOOP,
					 GFP_KERNEL, &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_test_entry(pt, 0x3000, 0),
			0x7000 | VTD_SLPTE_R | (pt->cfg.snoop ? VTD_SLPTE_SNP : 0));
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0x4000, 0x8000, SZ4K, 0, GFP_KERNEL, &mapped, NULL),
			-EINVAL);
}

static void pt_test_bad_ranges(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 top = 1ULL << vtd_pt_width(pt), mapped;
	LIST_HEAD(freelist);

	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, top - SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, top - 1, NULL), SZ4K - 1);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, top, 0, SZ4K, VTD_PT_READ, GFP_KERNEL, &mapped, NULL),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, top - SZ4K, 0, 2 * SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), -ERANGE);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0x800, 0, SZ4K, VTD_PT_READ, GFP_KERNEL, &mapped, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0, 0x800, SZ4K, VTD_PT_READ, GFP_KERNEL, &mapped, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, 0, 0, 0, VTD_PT_READ, GFP_KERNEL, &mapped, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, ~0ULL << 12, 0, 2 * SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), -EOVERFLOW);
	KUNIT_EXPECT_EQ(test, mapped, 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, top, SZ4K, &freelist), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, top, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, top - SZ4K, SZ4K, &freelist), SZ4K);
	vtd_pt_free_list(pt, &freelist);
}

static void pt_test_overmap(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 x = 0x40000000 + 16 * SZ4K, y = 0x40000000 + 4 * SZ2M, z = y + 4 * SZ2M, mapped;

	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, x, 0x100000, 8 * SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, x + 4 * SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, mapped, 0);
	/* Over the front: pages in one leaf table are mapped all or none. */
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, x - 2 * SZ4K, 0x200000, 4 * SZ4K, VTD_PT_READ,
					 GFP_KERNEL, &mapped, NULL), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, mapped, 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, x - 2 * SZ4K, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, x, NULL), 0x100000);
	/* Across leaf tables: what the tables before the clash got is reported. */
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, z + SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, z - 2 * SZ4K, 0x200000, 4 * SZ4K, VTD_PT_READ,
					 GFP_KERNEL, &mapped, NULL), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, mapped, 2 * SZ4K);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, z - SZ4K, NULL), 0x201000);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, z, NULL), 0);
	/* A 4K page inside a superpage, and a superpage over a 4K page. */
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, y, SZ2M, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, y + SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL, &mapped, NULL),
			-EADDRINUSE);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, y - SZ2M, 0, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped, NULL),
			0);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, x & ~(SZ2M - 1), 0, SZ2M, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y + 0x123, NULL), SZ2M + 0x123);
	pt_test_check_flushed(test);
}

static void pt_test_partial_unmap(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 x = 0x7000000, mapped, i;
	LIST_HEAD(freelist);

	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, x, 0x300000, 16 * SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, x + 4 * SZ4K, 4 * SZ4K, &freelist), 4 * SZ4K);
	KUNIT_EXPECT_TRUE(test, list_empty(&freelist));
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, x + i * SZ4K, NULL),
				i >= 4 && i < 8 ? 0 : 0x300000 + i * SZ4K);
	pt_test_check_flushed(test);
	/* Unmapping the whole 2M span, holes included, frees the leaf table. */
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, x, SZ2M, &freelist), SZ2M);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&freelist), 1);
	KUNIT_EXPECT_EQ(test, pt_test_entry(pt, x, 1), 0);
	pt_test_check_flushed(test);
	vtd_pt_free_list(pt, &freelist);
}

/*
 * Unmapping a range that covers whole tables unlinks each at its top and
 * hands over everything below it, not entry by entry: 4K pages in three 2M
 * spans of one 1G entry come back as that entry's table and three leaf
 * tables, while a neighbouring 1G entry keeps its own.
 */
static void pt_test_unmap_whole_subtree(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 g = 5 * SZ1G, mapped, i;
	LIST_HEAD(freelist);
	int live;

	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, g + i * 7 * SZ2M + SZ4K, SZ1G, 8 * SZ4K,
						 VTD_PT_READ, GFP_KERNEL, &mapped, NULL), 0);
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, g + SZ1G, SZ1G, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	live = pt_cur->live;
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, g, SZ1G, &freelist), SZ1G);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&freelist), 4);
	/* Nothing below the unlinked entry was cleared one by one. */
	KUNIT_EXPECT_NE(test, ((u64 *)pt_test_link_table(freelist.next))[0], 0);
	KUNIT_EXPECT_EQ(test, pt_test_entry(pt, g, 2), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, g + SZ4K, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, g + SZ1G, NULL), SZ1G);
	pt_test_check_flushed(test);
	vtd_pt_free_list(pt, &freelist);
	KUNIT_EXPECT_EQ(test, pt_cur->live, live - 4);
}

/*
 * A superpage where an empty leaf table was left behind takes its place
 * when the caller can free the table later, and maps through it when not;
 * a table with a page still in it is never replaced.
 */
static void pt_test_superpage_replaces_empty_table(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 x = 3 * SZ1G, y = x + SZ2M, mapped;
	LIST_HEAD(freelist);
	unsigned int level;
	int live;

	if (!(pt->cfg.sllps & 1))
		return;
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, x + SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, y + SZ4K, 0, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_ASSERT_EQ(test, vtd_pt_unmap(pt, x + SZ4K, SZ4K, &freelist), SZ4K);
	KUNIT_ASSERT_EQ(test, vtd_pt_unmap(pt, y + SZ4K, SZ4K, &freelist), SZ4K);
	KUNIT_ASSERT_TRUE(test, list_empty(&freelist));
	live = pt_cur->live;
	/* No freelist: through the table, in 4 KiB pages. */
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, y, SZ2M, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped,
					 NULL), 0);
	vtd_pt_iova_to_phys(pt, y, &level);
	KUNIT_EXPECT_EQ(test, level, 0);
	/* With one: the superpage replaces the table, which is handed over. */
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, x, SZ2M, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped,
					 &freelist), 0);
	KUNIT_EXPECT_EQ(test, mapped, SZ2M);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, x + 0x5123, &level), SZ2M + 0x5123);
	KUNIT_EXPECT_EQ(test, level, 1);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&freelist), 1);
	pt_test_check_flushed(test);
	vtd_pt_free_list(pt, &freelist);
	KUNIT_EXPECT_EQ(test, pt_cur->live, live - 1);
	/* A table still holding a page is not replaced: the map clashes. */
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, y + SZ4K, SZ2M - SZ4K, &freelist), SZ2M - SZ4K);
	KUNIT_EXPECT_EQ(test, vtd_pt_map(pt, y, SZ2M, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped,
					 &freelist), -EADDRINUSE);
	KUNIT_EXPECT_TRUE(test, list_empty(&freelist));
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y, NULL), SZ2M);
}

static void pt_test_superpage_split_refused(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 y = 8 * SZ2M, mapped;
	LIST_HEAD(freelist);

	if (!(pt->cfg.sllps & 1)) {
		/* 4 KiB leaves only: nothing to split, a page inside just goes. */
		KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, y, 0, SZ2M, VTD_PT_READ, GFP_KERNEL,
						 &mapped, NULL), 0);
		KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, y + SZ4K, SZ4K, &freelist), SZ4K);
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y + SZ4K, NULL), 0);
		KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y + 2 * SZ4K, NULL), 2 * SZ4K);
		vtd_pt_free_list(pt, &freelist);
		return;
	}
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, y, 0, SZ2M, VTD_PT_READ, GFP_KERNEL, &mapped, NULL), 0);
	KUNIT_ASSERT_EQ(test, vtd_pt_map(pt, y - SZ4K, SZ2M * 4, SZ4K, VTD_PT_READ, GFP_KERNEL,
					 &mapped, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, y + SZ4K, SZ4K, &freelist), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y + SZ4K, NULL), SZ4K);
	/* The unmap stops in front of the superpage it would have to split. */
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, y - SZ4K, 2 * SZ4K, &freelist), SZ4K);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y - SZ4K, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, y, SZ2M, &freelist), SZ2M);
	KUNIT_EXPECT_EQ(test, vtd_pt_iova_to_phys(pt, y, NULL), 0);
	vtd_pt_free_list(pt, &freelist);
}

/* ---- random operations against a reference model ------------------------- */

#define PT_MODEL_PAGES	8192	/* a 32 MiB window */

static u32 pt_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s >> 16;
}

static void pt_test_check_model(struct kunit *test, struct vtd_pt *pt, u64 base,
				const u64 *model, u64 first, u64 n)
{
	u64 i;

	for (i = first; i < first + n && i < PT_MODEL_PAGES; i++)
		if (vtd_pt_iova_to_phys(pt, base + i * SZ4K, NULL) != model[i]) {
			KUNIT_FAIL(test, "page %llu: table says %#llx, model %#llx",
				   (unsigned long long)i,
				   (unsigned long long)vtd_pt_iova_to_phys(pt, base + i * SZ4K, NULL),
				   (unsigned long long)model[i]);
			return;
		}
}

static void pt_test_random_vs_model(struct kunit *test)
{
	struct vtd_pt *pt = &pt_cur->pt;
	u64 *model = kunit_kzalloc(test, PT_MODEL_PAGES * sizeof(u64), GFP_KERNEL);
	u64 base = (1ULL << (vtd_pt_width(pt) - 1)) - 8 * SZ1G, seed = 0x9e3779b97f4a7c15ULL;
	u64 first, n, i, mapped, pa, clash;
	LIST_HEAD(freelist);
	int op, ret;

	KUNIT_ASSERT_NOT_NULL(test, model);
	for (op = 0; op < 3000; op++) {
		bool big = pt_rand(&seed) % 4 == 0;

		n = big ? (1 + pt_rand(&seed) % 4) * 512 : 1 + pt_rand(&seed) % 64;
		first = pt_rand(&seed) % (PT_MODEL_PAGES - n);
		if (big)
			first &= ~511ULL;
		if (pt_rand(&seed) % 3) {
			pa = (u64)(1 + pt_rand(&seed) % 1024) << 30 | first * SZ4K;
			for (clash = 0, i = first; i < first + n; i++)
				clash |= model[i];
			ret = vtd_pt_map(pt, base + first * SZ4K, pa, n * SZ4K,
					 VTD_PT_READ | VTD_PT_WRITE, GFP_KERNEL, &mapped, &freelist);
			KUNIT_ASSERT_EQ(test, ret, clash ? -EADDRINUSE : 0);
			if (ret)	/* as the IOMMU core does: take back what got mapped */
				KUNIT_ASSERT_EQ(test, vtd_pt_unmap(pt, base + first * SZ4K, mapped,
								   &freelist), mapped);
			else
				for (i = first; i < first + n; i++)
					model[i] = pa + (i - first) * SZ4K;
		} else {
			/* 2M-aligned spans, so no superpage is ever split */
			first &= ~511ULL;
			n = ALIGN(n, 512);
			if (first + n > PT_MODEL_PAGES)
				n = PT_MODEL_PAGES - first;
			KUNIT_ASSERT_EQ(test, vtd_pt_unmap(pt, base + first * SZ4K, n * SZ4K,
							   &freelist), n * SZ4K);
			for (i = first; i < first + n; i++)
				model[i] = 0;
		}
		pt_test_check_flushed(test);
		vtd_pt_free_list(pt, &freelist);
		pt_test_check_model(test, pt, base, model, first, n);
		pt_test_check_model(test, pt, base, model, pt_rand(&seed) % PT_MODEL_PAGES, 64);
	}
	pt_test_check_model(test, pt, base, model, 0, PT_MODEL_PAGES);
	KUNIT_EXPECT_EQ(test, vtd_pt_unmap(pt, base, PT_MODEL_PAGES * SZ4K, &freelist),
			PT_MODEL_PAGES * SZ4K);
	vtd_pt_free_list(pt, &freelist);
	/* Left: the table of the window's 1 GiB entry and those above it. */
	KUNIT_EXPECT_EQ(test, pt_cur->live, pt->cfg.levels - 1);
}

static void pt_test_bad_shape(struct kunit *test)
{
	struct vtd_pt_cfg cfg = { .levels = 2 };
	struct vtd_pt pt;

	KUNIT_EXPECT_EQ(test, vtd_pt_init(&pt, &cfg, &pt_test_env_ops, NULL, GFP_KERNEL),
			-EINVAL);
	cfg.levels = 6;
	KUNIT_EXPECT_EQ(test, vtd_pt_init(&pt, &cfg, &pt_test_env_ops, NULL, GFP_KERNEL),
			-EINVAL);
}

static struct kunit_case vtd_pgtable_cases[] = {
	KUNIT_CASE_PARAM(pt_test_map_each_size, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_permissions, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_bad_ranges, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_overmap, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_partial_unmap, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_unmap_whole_subtree, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_superpage_replaces_empty_table, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_superpage_split_refused, pt_test_gen_params),
	KUNIT_CASE_PARAM(pt_test_random_vs_model, pt_test_gen_params),
	KUNIT_CASE(pt_test_bad_shape),
	{}
};

static struct kunit_suite vtd_pgtable_suite = {
	.name = "vtd_pgtable",
	.init = pt_test_init,
	.exit = pt_test_exit,
	.test_cases = vtd_pgtable_cases,
};

kunit_test_suite(vtd_pgtable_suite);
