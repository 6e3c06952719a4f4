// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the entry and command encoders of include/vtd/entries.h.
 * Expected values are assembled by hand from the specification's layouts
 * (bit positions cited), not from the masks under test.
 */
#include <kunit/test.h>

#include "vtd/entries.h"

/* Root entry, 9.1: P bit 0, context-table pointer bits 63:12. */
static void vtd_entries_root(struct kunit *test)
{
	struct vtd_root_entry r = vtd_make_root(0x123456789000ULL);

	KUNIT_EXPECT_EQ(test, r.lo, 0x123456789001ULL);
	KUNIT_EXPECT_EQ(test, r.hi, 0);
}

/*
 * Context entry, 9.3: lo P bit 0, FPD bit 1, TT bits 3:2, SLPTPTR 63:12;
 * hi AW bits 2:0 (1: 39-bit, 2: 48, 3: 57), DID bits 23:8.
 */
static void vtd_entries_context(struct kunit *test)
{
	struct vtd_context_entry c;

	c = vtd_make_context(0x1234, VTD_CTX_TT_TRANSLATE, 4, 0xabcdef000ULL);
	KUNIT_EXPECT_EQ(test, c.lo, 0xabcdef000ULL | 1);
	KUNIT_EXPECT_EQ(test, c.hi, (0x1234ULL << 8) | 2);
	c = vtd_make_context(1, VTD_CTX_TT_PASS, 3, 0);
	KUNIT_EXPECT_EQ(test, c.lo, (2ULL << 2) | 1);
	KUNIT_EXPECT_EQ(test, c.hi, (1ULL << 8) | 1);
	c = vtd_make_context(0xffff, VTD_CTX_TT_TRANSLATE, 5, 0xfffffffff000ULL);
	KUNIT_EXPECT_EQ(test, c.lo, 0xfffffffff001ULL);
	KUNIT_EXPECT_EQ(test, c.hi, 0xffff03ULL);
}

/*
 * Context-cache invalidate descriptor, 6.5.2.1: type 3:0 = 1, G 5:4,
 * DID 31:16, SID 47:32, FM 49:48.
 */
static void vtd_entries_qi_context(struct kunit *test)
{
	struct vtd_inv g = { .type = VTD_QI_TYPE_CC, .g = VTD_CC_GLOBAL };
	struct vtd_inv d = { .type = VTD_QI_TYPE_CC, .g = VTD_CC_DEVICE, .did = 5, .sid = 0x0108 };
	struct vtd_qi_desc q;

	q = vtd_qi_encode(&g);
	KUNIT_EXPECT_EQ(test, q.qw0, 0x11);
	KUNIT_EXPECT_EQ(test, q.qw1, 0);
	q = vtd_qi_encode(&d);
	KUNIT_EXPECT_EQ(test, q.qw0, 1 | (3 << 4) | (5ULL << 16) | (0x0108ULL << 32));
	KUNIT_EXPECT_EQ(test, q.qw1, 0);
}

/*
 * IOTLB invalidate descriptor, 6.5.2.3: type = 2, G 5:4, DW bit 6, DR bit 7,
 * DID 31:16; qw1 AM 5:0, IH bit 6, ADDR 63:12.
 */
static void vtd_entries_qi_iotlb(struct kunit *test)
{
	struct vtd_inv psi = { .type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_PAGE, .did = 7,
			       .addr = 0x12345000, .am = 3, .ih = true };
	struct vtd_inv dsi = { .type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_DOMAIN, .did = 0xbeef,
			       .drain = true, .addr = 0x5000 };
	struct vtd_qi_desc q;

	q = vtd_qi_encode(&psi);
	KUNIT_EXPECT_EQ(test, q.qw0, 2 | (3 << 4) | (7ULL << 16));
	KUNIT_EXPECT_EQ(test, q.qw1, 0x12345000ULL | (1 << 6) | 3);
	q = vtd_qi_encode(&dsi);
	KUNIT_EXPECT_EQ(test, q.qw0, 2 | (2 << 4) | (1 << 6) | (1 << 7) | (0xbeefULL << 16));
	KUNIT_EXPECT_EQ(test, q.qw1, 0);	/* no address outside page granularity */
}

/*
 * Invalidation wait descriptor, 6.5.2.8: type = 5, IF bit 4, SW bit 5,
 * FN bit 6, status data 63:32; qw1 status address 63:2.
 */
static void vtd_entries_qi_wait(struct kunit *test)
{
	struct vtd_qi_desc q = vtd_qi_wait(0xcafe, 0x7654321c);

	KUNIT_EXPECT_EQ(test, q.qw0, 5 | (1 << 5) | (1 << 6) | (0xcafeULL << 32));
	KUNIT_EXPECT_EQ(test, q.qw1, 0x7654321cULL);
}

/*
 * Context Command register, 11.4.7: ICC bit 63, CIRG 62:61, SID 31:16,
 * DID 15:0. IOTLB Invalidate register, 11.4.8.1: IVT bit 63, IIRG 61:60,
 * DR 49, DW 48, DID 47:32; Invalidate Address, 11.4.8.2: ADDR 63:12, IH 6,
 * AM 5:0.
 */
static void vtd_entries_registers(struct kunit *test)
{
	struct vtd_inv cc = { .type = VTD_QI_TYPE_CC, .g = VTD_CC_DEVICE, .did = 9, .sid = 0x10 };
	struct vtd_inv psi = { .type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_PAGE, .did = 3,
			       .addr = 0x40000000, .am = 9, .drain = true };
	u64 iva;

	KUNIT_EXPECT_EQ(test, vtd_ccmd_encode(&cc),
			(1ULL << 63) | (3ULL << 61) | (0x10ULL << 16) | 9);
	KUNIT_EXPECT_EQ(test, vtd_iotlb_reg_encode(&psi, &iva),
			(1ULL << 63) | (3ULL << 60) | (1ULL << 49) | (1ULL << 48) | (3ULL << 32));
	KUNIT_EXPECT_EQ(test, iva, 0x40000000ULL | 9);
}

/* The smallest aligned 2^AM-page block holding both ends, found by search. */
static unsigned int vtd_psi_span_ref(u64 first, u64 last, u64 *addr)
{
	unsigned int am;

	for (am = 0; am < 52; am++)
		if ((first >> 12 >> am) == (last >> 12 >> am))
			break;
	*addr = (first >> 12 >> am) << am << 12;
	return am;
}

static void vtd_entries_psi_span(struct kunit *test)
{
	u64 s = 0x2545f4914f6cdd1dULL, first, last, a, b;
	int i;

	KUNIT_EXPECT_EQ(test, vtd_psi_span(0x5000, 0x5fff, &a), 0);
	KUNIT_EXPECT_EQ(test, a, 0x5000);
	KUNIT_EXPECT_EQ(test, vtd_psi_span(0x5000, 0x6fff, &a), 2);	/* 0x4000-0x7fff */
	KUNIT_EXPECT_EQ(test, a, 0x4000);
	KUNIT_EXPECT_EQ(test, vtd_psi_span(0x200000, 0x3fffff, &a), 9);
	KUNIT_EXPECT_EQ(test, a, 0x200000);
	for (i = 0; i < 10000; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		first = s & ((1ULL << 48) - 1);
		last = first + ((s >> 48) << (s & 31));
		if (last < first)
			continue;
		KUNIT_EXPECT_EQ(test, vtd_psi_span(first, last, &a), vtd_psi_span_ref(first, last, &b));
		KUNIT_EXPECT_EQ(test, a, b);
	}
}

static struct kunit_case vtd_entries_cases[] = {
	KUNIT_CASE(vtd_entries_root),
	KUNIT_CASE(vtd_entries_context),
	KUNIT_CASE(vtd_entries_qi_context),
	KUNIT_CASE(vtd_entries_qi_iotlb),
	KUNIT_CASE(vtd_entries_qi_wait),
	KUNIT_CASE(vtd_entries_registers),
	KUNIT_CASE(vtd_entries_psi_span),
	{}
};

static struct kunit_suite vtd_entries_suite = {
	.name = "vtd_entries",
	.test_cases = vtd_entries_cases,
};

kunit_test_suite(vtd_entries_suite);
