// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suites for the DMAR parser: every validation path on synthetic
 * tables, real firmware tables, and scope resolution on a faked topology.
 * Built into vtd_kunit.ko and, unchanged, into the userspace runner.
 */
#include <kunit/test.h>

#include "../dmar_tables.c"
#include "dmar_samples.h"

/* ---- a tiny DMAR table builder -------------------------------------- */

struct tbuf {
	u8 b[1024];
	u32 len;
};

static void tb_init(struct tbuf *tb, u8 width, u8 flags)
{
	struct acpi_table_dmar *h = (void *)tb->b;

	memset(tb, 0, sizeof(*tb));
	memcpy(h->header.signature, ACPI_SIG_DMAR, 4);
	h->header.revision = 1;
	memcpy(h->header.oem_id, "VTD   ", 6);
	h->width = width;
	h->flags = flags;
	tb->len = sizeof(*h);
}

/* Append @len raw bytes; returns their offset. Overflow leaves @tb unchanged. */
static u32 tb_raw(struct tbuf *tb, const void *p, u32 len)
{
	u32 off = tb->len;

	if (len > sizeof(tb->b) - off)
		return off;
	if (len)
		memcpy(tb->b + off, p, len);
	tb->len += len;
	return off;
}

static u32 tb_drhd(struct tbuf *tb, u8 flags, u16 seg, u64 addr)
{
	struct acpi_dmar_hardware_unit u = {
		.header = { ACPI_DMAR_TYPE_HARDWARE_UNIT, sizeof(u) },
		.flags = flags, .segment = seg, .address = addr,
	};
	return tb_raw(tb, &u, sizeof(u));
}

static u32 tb_rmrr(struct tbuf *tb, u16 seg, u64 base, u64 limit)
{
	struct acpi_dmar_reserved_memory r = {
		.header = { ACPI_DMAR_TYPE_RESERVED_MEMORY, sizeof(r) },
		.segment = seg, .base_address = base, .end_address = limit,
	};
	return tb_raw(tb, &r, sizeof(r));
}

/* Append a scope with @nhops (dev, fn) pairs to the structure at @parent. */
static void tb_scope(struct tbuf *tb, u32 parent, u8 type, u8 id, u8 bus,
		     int nhops, const u8 *hops)
{
	struct acpi_dmar_header *h = (void *)(tb->b + parent);
	struct acpi_dmar_device_scope d = {
		.entry_type = type, .length = sizeof(d) + 2 * nhops,
		.enumeration_id = id, .bus = bus,
	};

	tb_raw(tb, &d, sizeof(d));
	tb_raw(tb, hops, 2 * nhops);
	h->length += d.length;
}

static void tb_finish(struct tbuf *tb)
{
	struct acpi_table_dmar *h = (void *)tb->b;
	u8 sum = 0;
	u32 i;

	h->header.length = tb->len;
	h->header.checksum = 0;
	for (i = 0; i < tb->len; i++)
		sum += tb->b[i];
	h->header.checksum = -sum;
}

static struct vtd_dmar_table *tb_parse(struct kunit *test, struct tbuf *tb, int want)
{
	struct vtd_dmar_table *t;

	KUNIT_ASSERT_EQ(test, vtd_dmar_parse(tb->b, tb->len, &t), want);
	KUNIT_ASSERT_NOT_NULL(test, t);
	return t;
}

/* How many findings of @sev mention @needle (NULL: any). */
static int nr_findings(const struct vtd_dmar_table *t, enum vtd_dmar_severity sev,
		       const char *needle)
{
	int i, n = 0;

	for (i = 0; i < t->nr_findings; i++)
		n += t->findings[i].severity == sev &&
		     (!needle || strstr(t->findings[i].msg, needle));
	return n;
}

static const u8 hop_2_0[] = { 2, 0 };
static const u8 hop_3_0[] = { 3, 0 };
static const u8 hop_1c_0_then_0_0[] = { 0x1c, 0, 0, 0 };

/* 00:1c.0 is a root port to bus 3; 03:00.0 a PCIe-to-PCI bridge to bus 4-5. */
static const struct fake_bridge {
	u16 seg;
	u8 bus, devfn, sec, sub;
} fake_bridges[] = {
	{ 0, 0, PCI_DEVFN(0x1c, 0), 3, 5 },
	{ 0, 3, PCI_DEVFN(0, 0), 4, 5 },
};

static bool fake_bridge_buses(void *ctx, u16 seg, u8 bus, u8 devfn, u8 *sec, u8 *sub)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fake_bridges); i++) {
		const struct fake_bridge *b = &fake_bridges[i];

		if (b->seg == seg && b->bus == bus && b->devfn == devfn) {
			*sec = b->sec;
			*sub = b->sub;
			return true;
		}
	}
	return false;
}

static const struct vtd_pci_topology fake_topo = { .bridge_buses = fake_bridge_buses };

/* ---- header and walking ----------------------------------------------- */

static void vtd_dmar_parses_header_and_unit(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 u;

	tb_init(&tb, 38, VTD_DMAR_FLAG_INTR_REMAP | VTD_DMAR_FLAG_DMA_CTRL_PLATFORM_OPT_IN);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 0, 0xff, 1, (u8[]){ 0, 0 });
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);

	KUNIT_EXPECT_EQ(test, t->revision, 1);
	KUNIT_EXPECT_STREQ(test, t->oem_id, "VTD");
	KUNIT_EXPECT_EQ(test, t->haw, 39);
	KUNIT_EXPECT_EQ(test, t->flags, 5);
	KUNIT_EXPECT_TRUE(test, t->checksum_ok);
	KUNIT_EXPECT_EQ(test, t->nr_findings, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 1);
	KUNIT_EXPECT_EQ(test, t->structs[0].offset, 48);
	KUNIT_EXPECT_EQ(test, t->structs[0].length, 16 + 8 + 8);
	KUNIT_EXPECT_EQ(test, t->structs[0].drhd.address, 0xfed90000);
	KUNIT_EXPECT_FALSE(test, t->structs[0].broken);
	KUNIT_ASSERT_EQ(test, t->structs[0].nr_scopes, 2);
	KUNIT_EXPECT_EQ(test, t->scopes[0].type, ACPI_DMAR_SCOPE_TYPE_IOAPIC);
	KUNIT_EXPECT_EQ(test, t->scopes[0].bus, 0xff);
	KUNIT_EXPECT_EQ(test, t->scopes[1].nr_hops, 1);
	KUNIT_EXPECT_EQ(test, t->scopes[1].path[0].device, 2);
	KUNIT_EXPECT_EQ(test, t->scopes[1].offset, 48 + 16 + 8);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 1);
	vtd_dmar_free(t);
}

/*
 * Found by make fuzz: with no scope (or no structure) in the whole table the
 * model's arrays are NULL, and iterating them must not do pointer arithmetic
 * on NULL (UBSan: "applying zero offset to null pointer").
 */
static void vtd_dmar_empty_arrays(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_structs, 0);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 0);
	vtd_dmar_free(t);

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_drhd(&tb, 0, 0, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_scopes, 0);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 2);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 0, 0), -ENODEV);
	vtd_dmar_free(t);
}

static void vtd_dmar_rejects_non_tables(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_finish(&tb);
	KUNIT_EXPECT_EQ(test, vtd_dmar_parse(tb.b, 47, &t), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "too short"), 1);
	vtd_dmar_free(t);

	tb.b[0] = 'X';
	KUNIT_EXPECT_EQ(test, vtd_dmar_parse(tb.b, tb.len, &t), -EINVAL);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "signature"), 1);
	vtd_dmar_free(t);

	tb_init(&tb, 38, 0);
	((struct acpi_table_dmar *)tb.b)->header.length = 20;
	KUNIT_EXPECT_EQ(test, vtd_dmar_parse(tb.b, tb.len, &t), -EINVAL);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "shorter than its header"), 1);
	vtd_dmar_free(t);

	KUNIT_EXPECT_EQ(test, vtd_dmar_parse(NULL, 100, &t), -EINVAL);
	vtd_dmar_free(t);
}

static void vtd_dmar_checksum_is_a_warning(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_finish(&tb);
	tb.b[9]++;
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_FALSE(test, t->checksum_ok);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_WARN, "checksum"), 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_header_longer_than_buffer(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_drhd(&tb, 0, 1, 0xfed91000);
	tb_finish(&tb);
	/* Only the first unit is in the buffer handed over. */
	t = tb_parse(test, &tb, 0);
	vtd_dmar_free(t);
	KUNIT_ASSERT_EQ(test, vtd_dmar_parse(tb.b, 48 + 16, &t), 0);
	KUNIT_EXPECT_EQ(test, t->length, 64);
	KUNIT_EXPECT_EQ(test, t->nr_structs, 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "exceeds"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_zero_length_ends_walk(struct kunit *test)
{
	struct acpi_dmar_header zero = { ACPI_DMAR_TYPE_HARDWARE_UNIT, 0 };
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_raw(&tb, &zero, sizeof(zero));
	tb_drhd(&tb, 0, 1, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_structs, 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "at offset 0x40 has length 0"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_overrunning_struct(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 u;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	u = tb_drhd(&tb, 0, 1, 0xfed91000);
	((struct acpi_dmar_header *)(tb.b + u))->length = 200;
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_structs, 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "16 bytes left"), 1);
	vtd_dmar_free(t);

	/* Trailing bytes too short for a structure header. */
	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_raw(&tb, "\0\0", 2);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_structs, 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "2 trailing bytes"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_struct_shorter_than_its_type(struct kunit *test)
{
	struct acpi_dmar_hardware_unit u = {
		.header = { ACPI_DMAR_TYPE_HARDWARE_UNIT, 8 }, .address = 0xfed90000,
	};
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_raw(&tb, &u, 8);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 2);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[1].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR,
					  "DRHD at offset 0x30: length 8 is shorter than the 16 bytes"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_unknown_type_is_skipped(struct kunit *test)
{
	u8 odd[12] = { 0x2a, 0, 12, 0 };
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_raw(&tb, odd, sizeof(odd));
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 2);
	KUNIT_EXPECT_EQ(test, t->structs[0].type, 0x2a);
	KUNIT_EXPECT_STREQ(test, vtd_dmar_type_name(t->structs[0].type), "unknown");
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_NOTE, "type 42"), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, NULL), 0);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 1);
	vtd_dmar_free(t);
}

/* ---- device scopes ------------------------------------------------------ */

static void vtd_dmar_bad_scopes_break_their_unit(struct kunit *test)
{
	struct acpi_dmar_device_scope d = { .entry_type = 1, .length = 4 };
	struct vtd_dmar_table *t;
	struct acpi_dmar_header *h;
	struct tbuf tb;
	u32 u;

	/* A scope whose length is shorter than the scope header. */
	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_raw(&tb, &d, sizeof(d));
	((struct acpi_dmar_header *)(tb.b + u))->length += sizeof(d);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "length 4, shorter than its header"), 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 1);
	vtd_dmar_free(t);

	/* A scope that runs past its structure. */
	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	h = (void *)(tb.b + u);
	tb.b[u + 16 + 1] = 30;	/* scope length */
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, h->length, 24);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "overruns the structure"), 1);
	vtd_dmar_free(t);

	/* Trailing bytes after the last scope, and an odd path. */
	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_raw(&tb, "\1\3\0", 3);
	((struct acpi_dmar_header *)(tb.b + u))->length += 3;
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "3 trailing bytes"), 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 0);
	vtd_dmar_free(t);

	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb.b[u + 16 + 1] = 7;
	tb_raw(&tb, "\0", 1);
	((struct acpi_dmar_header *)(tb.b + u))->length += 1;
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "odd path length"), 1);
	vtd_dmar_free(t);

	/* A PCI scope with no path at all. */
	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_BRIDGE, 0, 0, 0, NULL);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "has no path"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_unknown_scope_type_is_kept(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 u;

	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, u, 9, 0, 0, 1, hop_2_0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_FALSE(test, t->structs[0].broken);
	KUNIT_EXPECT_EQ(test, t->structs[0].nr_scopes, 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_NOTE, "unknown type 9"), 1);
	vtd_dmar_free(t);
}

/* ---- per-type checks ---------------------------------------------------- */

static void vtd_dmar_bad_register_bases(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, 0, 0, 0);
	tb_drhd(&tb, 0, 0, 0xfed90800);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed91000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_TRUE(test, t->structs[0].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[1].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[2].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "register base address is 0"), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "0xfed90800 is not 4 KiB aligned"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_bad_rmrrs(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 r;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	r = tb_rmrr(&tb, 0, 0x80000000, 0x7fffffff);
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	r = tb_rmrr(&tb, 0, 0x80000800, 0x80000fff);
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	r = tb_rmrr(&tb, 0, 0x80000000, 0x80000ffe);
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	r = tb_rmrr(&tb, 0, 0x80000000, 0x80000fff);
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_rmrr(&tb, 0, 0x90000000, 0x90000fff);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 6);
	KUNIT_EXPECT_TRUE(test, t->structs[1].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[2].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[3].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[4].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[5].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "is above limit"), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "not 4 KiB aligned"), 2);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_WARN, "applies to no device"), 1);
	vtd_dmar_free(t);
}

static void vtd_dmar_units_that_clash(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 a, b;

	tb_init(&tb, 38, 0);
	a = tb_drhd(&tb, 0, 0, 0xfed90000);
	tb_scope(&tb, a, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	b = tb_drhd(&tb, 0, 0, 0xfed91000);
	tb_scope(&tb, b, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_3_0);
	tb_scope(&tb, b, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed92000);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed93000);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 1, 0xfed94000);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 2, 0xfed94000);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 6);
	KUNIT_EXPECT_FALSE(test, t->structs[0].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[1].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[2].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[3].broken);
	KUNIT_EXPECT_FALSE(test, t->structs[4].broken);
	KUNIT_EXPECT_TRUE(test, t->structs[5].broken);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "claims a device also claimed by the DRHD at offset 0x30"), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "second INCLUDE_PCI_ALL"), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "same register base"), 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 3);
	vtd_dmar_free(t);
}

static void vtd_dmar_findings_overflow_is_counted(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	int i;

	tb_init(&tb, 38, 0);
	for (i = 0; i < VTD_DMAR_MAX_FINDINGS + 10; i++)
		tb_drhd(&tb, 0, 0, 0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, t->nr_findings, VTD_DMAR_MAX_FINDINGS);
	KUNIT_EXPECT_EQ(test, t->nr_lost_findings, 10);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 0);
	vtd_dmar_free(t);
}

static void vtd_dmar_rhsa_andd_satc(struct kunit *test)
{
	struct acpi_dmar_rhsa rhsa = {
		.header = { ACPI_DMAR_TYPE_HARDWARE_AFFINITY, sizeof(rhsa) },
		.base_address = 0xfed90000, .proximity_domain = 3,
	};
	struct acpi_dmar_rhsa stray = {
		.header = { ACPI_DMAR_TYPE_HARDWARE_AFFINITY, sizeof(stray) },
		.base_address = 0xdead000,
	};
	u8 andd[8 + 8] = { ACPI_DMAR_TYPE_NAMESPACE, 0, 16, 0, 0, 0, 0, 7,
			   '\\', '_', 'S', 'B', '.', 'X', 0, 0 };
	struct acpi_dmar_satc satc = {
		.header = { ACPI_DMAR_TYPE_SATC, sizeof(satc) }, .flags = 1, .segment = 0,
	};
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 s;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed90000);
	tb_raw(&tb, &rhsa, sizeof(rhsa));
	tb_raw(&tb, &stray, sizeof(stray));
	tb_raw(&tb, andd, sizeof(andd));
	s = tb_raw(&tb, &satc, sizeof(satc));
	tb_scope(&tb, s, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 5);
	KUNIT_EXPECT_EQ(test, t->structs[1].rhsa.proximity_domain, 3);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_WARN, "0xdead000, which is no unit"), 1);
	KUNIT_EXPECT_EQ(test, t->structs[3].andd.device_number, 7);
	KUNIT_EXPECT_STREQ(test, t->structs[3].andd.name, "\\_SB.X");
	KUNIT_EXPECT_EQ(test, t->structs[4].atsr.flags, 1);
	KUNIT_EXPECT_EQ(test, t->structs[4].nr_scopes, 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, NULL), 0);
	vtd_dmar_free(t);
}

/* ---- scope resolution on a faked topology ------------------------------ */

static void vtd_dmar_scope_resolution(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 gfx, pch, r;
	u8 bus, devfn;

	tb_init(&tb, 38, 0);
	tb_drhd(&tb, ACPI_DMAR_INCLUDE_ALL, 0, 0xfed91000);		/* [0] */
	gfx = tb_drhd(&tb, 0, 0, 0xfed90000);				/* [1] */
	tb_scope(&tb, gfx, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	pch = tb_drhd(&tb, 0, 0, 0xfed92000);				/* [2] */
	tb_scope(&tb, pch, ACPI_DMAR_SCOPE_TYPE_BRIDGE, 0, 0, 2, hop_1c_0_then_0_0);
	tb_scope(&tb, pch, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 8, 0xf0, 1, (u8[]){ 0x1f, 0 });
	tb_scope(&tb, pch, ACPI_DMAR_SCOPE_TYPE_HPET, 0, 0xf0, 1, (u8[]){ 0x0f, 0 });
	r = tb_rmrr(&tb, 0, 0x7c000000, 0x7fffffff);			/* [3] */
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	r = tb_rmrr(&tb, 0, 0x6c000000, 0x6c00ffff);			/* [4] */
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_BRIDGE, 0, 0, 2, hop_1c_0_then_0_0);
	tb_scope(&tb, r, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 1, hop_2_0);
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_ASSERT_EQ(test, t->nr_findings, 0);

	/* Multi-hop path: 00:1c.0 -> bus 3, device 00.0 there. */
	KUNIT_ASSERT_EQ(test, vtd_dmar_scope_target(&t->scopes[1], 0, &fake_topo, &bus, &devfn), 0);
	KUNIT_EXPECT_EQ(test, bus, 3);
	KUNIT_EXPECT_EQ(test, devfn, PCI_DEVFN(0, 0));

	/* Explicit scopes beat INCLUDE_PCI_ALL, which comes first in the table. */
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 0, PCI_DEVFN(2, 0)), 1);
	/* The bridge itself and everything below it. */
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 3, PCI_DEVFN(0, 0)), 2);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 4, PCI_DEVFN(5, 1)), 2);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 5, PCI_DEVFN(0, 0)), 2);
	/* The root port above the bridge scope is not in it. */
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 0, PCI_DEVFN(0x1c, 0)), 0);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 6, PCI_DEVFN(0, 0)), 0);
	/* No unit on segment 1. */
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 1, 0, PCI_DEVFN(2, 0)), -ENODEV);

	KUNIT_EXPECT_EQ(test, vtd_dmar_next_rmrr(t, &fake_topo, 0, 0, PCI_DEVFN(2, 0), 0), 3);
	KUNIT_EXPECT_EQ(test, vtd_dmar_next_rmrr(t, &fake_topo, 0, 0, PCI_DEVFN(2, 0), 4), 4);
	KUNIT_EXPECT_EQ(test, vtd_dmar_next_rmrr(t, &fake_topo, 0, 0, PCI_DEVFN(2, 0), 5), -ENOENT);
	KUNIT_EXPECT_EQ(test, vtd_dmar_next_rmrr(t, &fake_topo, 0, 4, PCI_DEVFN(1, 0), 0), 4);
	KUNIT_EXPECT_EQ(test, vtd_dmar_next_rmrr(t, &fake_topo, 0, 0, PCI_DEVFN(3, 0), 0), -ENOENT);

	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_nonpci(t, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 8), 2);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_nonpci(t, ACPI_DMAR_SCOPE_TYPE_HPET, 0), 2);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_nonpci(t, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 0), -ENODEV);
	vtd_dmar_free(t);
}

static void vtd_dmar_missing_hop_matches_nothing(struct kunit *test)
{
	struct vtd_dmar_table *t;
	struct tbuf tb;
	u32 u;
	u8 bus, devfn;

	tb_init(&tb, 38, 0);
	u = tb_drhd(&tb, 0, 0, 0xfed90000);
	/* 00:1d.0 is not a bridge in the topology: the path leads nowhere. */
	tb_scope(&tb, u, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, 2, (u8[]){ 0x1d, 0, 0, 0 });
	tb_finish(&tb);
	t = tb_parse(test, &tb, 0);
	KUNIT_EXPECT_EQ(test, vtd_dmar_scope_target(&t->scopes[0], 0, &fake_topo, &bus, &devfn), -ENODEV);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 0, PCI_DEVFN(0, 0)), -ENODEV);
	vtd_dmar_free(t);
}

/* ---- real firmware tables ----------------------------------------------- */

static const struct vtd_sample *sample(struct kunit *test, const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vtd_samples); i++)
		if (!strcmp(vtd_samples[i].name, name))
			return &vtd_samples[i];
	KUNIT_ASSERT_TRUE(test, false);
	return NULL;
}

static struct vtd_dmar_table *parse_sample(struct kunit *test, const char *name)
{
	const struct vtd_sample *s = sample(test, name);
	struct vtd_dmar_table *t;

	KUNIT_ASSERT_EQ(test, vtd_dmar_parse(s->data, s->len, &t), 0);
	return t;
}

static void vtd_dmar_real_zero_base_unit(struct kunit *test)
{
	struct vtd_dmar_table *t = parse_sample(test, "Notebook_188EB681251A");

	KUNIT_EXPECT_STREQ(test, t->oem_id, "LENOVO");
	KUNIT_ASSERT_EQ(test, t->nr_structs, 4);
	KUNIT_EXPECT_EQ(test, t->structs[1].drhd.address, 0xfed84000);
	KUNIT_EXPECT_EQ(test, t->scopes[1].type, ACPI_DMAR_SCOPE_TYPE_BRIDGE);
	KUNIT_EXPECT_TRUE(test, t->structs[2].broken);
	KUNIT_EXPECT_EQ(test, t->structs[2].offset, 96);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, "DRHD at offset 0x60: register base address is 0"), 1);
	KUNIT_EXPECT_EQ(test, vtd_dmar_nr_usable_units(t), 2);
	KUNIT_EXPECT_EQ(test, t->structs[3].rmrr.base, 0x7c000000);
	KUNIT_EXPECT_EQ(test, t->structs[3].rmrr.limit, 0x807fffff);
	vtd_dmar_free(t);
}

static void vtd_dmar_real_satc_sidp(struct kunit *test)
{
	struct vtd_dmar_table *t = parse_sample(test, "Tablet_E9FB50149AEE");

	KUNIT_EXPECT_EQ(test, t->haw, 42);
	KUNIT_ASSERT_EQ(test, t->nr_structs, 4);
	KUNIT_EXPECT_EQ(test, t->structs[2].type, ACPI_DMAR_TYPE_SATC);
	KUNIT_EXPECT_EQ(test, t->structs[2].atsr.flags, 1);
	KUNIT_EXPECT_EQ(test, t->structs[2].nr_scopes, 2);
	KUNIT_EXPECT_STREQ(test, vtd_dmar_type_name(t->structs[3].type), "SIDP");
	KUNIT_EXPECT_EQ(test, t->structs[3].offset, 128);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, NULL), 0);
	vtd_dmar_free(t);
}

static void vtd_dmar_real_server(struct kunit *test)
{
	struct vtd_dmar_table *t = parse_sample(test, "Server_60DCEE46526A");
	const struct vtd_dmar_scope *sc;

	KUNIT_EXPECT_STREQ(test, t->oem_id, "HP");
	KUNIT_ASSERT_EQ(test, t->nr_structs, 5);
	KUNIT_EXPECT_EQ(test, t->structs[2].length, 86);
	KUNIT_EXPECT_EQ(test, t->structs[2].nr_scopes, 7);
	sc = &t->scopes[t->structs[2].first_scope + 4];
	KUNIT_EXPECT_EQ(test, sc->nr_hops, 2);
	KUNIT_EXPECT_EQ(test, sc->path[0].device, 28);
	KUNIT_EXPECT_EQ(test, sc->path[0].function, 4);
	KUNIT_EXPECT_EQ(test, t->structs[4].type, ACPI_DMAR_TYPE_ROOT_ATS);
	KUNIT_EXPECT_EQ(test, t->structs[4].nr_scopes, 7);
	/* 00:1c.4 is a root port to bus 3 in this topology: 03:00.2 has RMRRs [2] and [3]. */
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_pci(t, &fake_topo, 0, 3, PCI_DEVFN(0, 2)), 0);
	vtd_dmar_free(t);
}

static void vtd_dmar_real_affinity_and_names(struct kunit *test)
{
	struct vtd_dmar_table *t = parse_sample(test, "Desktop_0AD635180FE5");

	KUNIT_ASSERT_EQ(test, t->nr_structs, 5);
	KUNIT_EXPECT_EQ(test, t->structs[4].rhsa.address, 0xfbffc000);
	KUNIT_EXPECT_EQ(test, vtd_dmar_unit_for_nonpci(t, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 2), 1);
	KUNIT_EXPECT_EQ(test, nr_findings(t, VTD_DMAR_ERR, NULL) + nr_findings(t, VTD_DMAR_WARN, NULL), 0);
	vtd_dmar_free(t);

	t = parse_sample(test, "Notebook_15480D2846BF");
	KUNIT_ASSERT_EQ(test, t->nr_structs, 6);
	KUNIT_EXPECT_STREQ(test, t->structs[4].andd.name, "\\_SB.PCI0.I2C0");
	KUNIT_EXPECT_EQ(test, t->structs[5].andd.device_number, 2);
	vtd_dmar_free(t);
}

/* Every prefix of every real table parses without reading past it. */
static void vtd_dmar_real_truncations(struct kunit *test)
{
	struct vtd_dmar_table *full, *t;
	size_t i, len;
	u32 j;
	u8 *copy;

	for (i = 0; i < ARRAY_SIZE(vtd_samples); i++) {
		KUNIT_ASSERT_EQ(test, vtd_dmar_parse(vtd_samples[i].data, vtd_samples[i].len, &full), 0);
		for (len = 0; len < vtd_samples[i].len; len++) {
			/* An exact-size copy, so KASAN/ASan see any over-read. */
			copy = kmemdup(vtd_samples[i].data, len ? len : 1, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, copy);
			KUNIT_EXPECT_EQ(test, vtd_dmar_parse(copy, len, &t), len < 48 ? -EINVAL : 0);
			/* Structures wholly inside the prefix decode as in the full table. */
			for (j = 0; t && j < t->nr_structs; j++)
				if (t->structs[j].offset + t->structs[j].length <= len)
					KUNIT_EXPECT_EQ(test, t->structs[j].nr_scopes,
							full->structs[j].nr_scopes);
			vtd_dmar_free(t);
			kfree(copy);
		}
		vtd_dmar_free(full);
	}
}

static struct kunit_case vtd_dmar_cases[] = {
	KUNIT_CASE(vtd_dmar_parses_header_and_unit),
	KUNIT_CASE(vtd_dmar_rejects_non_tables),
	KUNIT_CASE(vtd_dmar_empty_arrays),
	KUNIT_CASE(vtd_dmar_checksum_is_a_warning),
	KUNIT_CASE(vtd_dmar_header_longer_than_buffer),
	KUNIT_CASE(vtd_dmar_zero_length_ends_walk),
	KUNIT_CASE(vtd_dmar_overrunning_struct),
	KUNIT_CASE(vtd_dmar_struct_shorter_than_its_type),
	KUNIT_CASE(vtd_dmar_unknown_type_is_skipped),
	KUNIT_CASE(vtd_dmar_bad_scopes_break_their_unit),
	KUNIT_CASE(vtd_dmar_unknown_scope_type_is_kept),
	KUNIT_CASE(vtd_dmar_bad_register_bases),
	KUNIT_CASE(vtd_dmar_bad_rmrrs),
	KUNIT_CASE(vtd_dmar_units_that_clash),
	KUNIT_CASE(vtd_dmar_findings_overflow_is_counted),
	KUNIT_CASE(vtd_dmar_rhsa_andd_satc),
	KUNIT_CASE(vtd_dmar_scope_resolution),
	KUNIT_CASE(vtd_dmar_missing_hop_matches_nothing),
	KUNIT_CASE(vtd_dmar_real_zero_base_unit),
	KUNIT_CASE(vtd_dmar_real_satc_sidp),
	KUNIT_CASE(vtd_dmar_real_server),
	KUNIT_CASE(vtd_dmar_real_affinity_and_names),
	KUNIT_CASE(vtd_dmar_real_truncations),
	{}
};

static struct kunit_suite vtd_dmar_suite = {
	.name = "vtd_dmar",
	.test_cases = vtd_dmar_cases,
};

kunit_test_suite(vtd_dmar_suite);
