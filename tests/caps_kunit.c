// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the register field definitions and the capability decoder,
 * on register values read from QEMU 7.2's emulated unit and on hand-built
 * values that set one field at a time.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>

#include "vtd/caps.h"

/* QEMU 7.2 intel-iommu, default properties (aw-bits=39), read with HMP xp. */
#define QEMU_VER	0x10
#define QEMU_CAP	0x00d2008c22260206ULL
#define QEMU_ECAP	0xf00f4aULL

static void vtd_caps_qemu_default(struct kunit *test)
{
	struct vtd_caps c;

	vtd_caps_decode(QEMU_VER, QEMU_CAP, QEMU_ECAP, &c);
	KUNIT_EXPECT_EQ(test, c.ver_major, 1);
	KUNIT_EXPECT_EQ(test, c.ver_minor, 0);
	KUNIT_EXPECT_EQ(test, c.mgaw, 39);
	KUNIT_EXPECT_EQ(test, c.sagaw, VTD_SAGAW_3LEVEL);
	KUNIT_EXPECT_EQ(test, c.nr_domains, 65536);
	KUNIT_EXPECT_EQ(test, c.nr_fault_regs, 1);
	KUNIT_EXPECT_EQ(test, c.fault_reg_offset, 0x220);
	KUNIT_EXPECT_EQ(test, c.iotlb_reg_offset, 0xf0);
	KUNIT_EXPECT_EQ(test, c.sllps, 0x3);
	KUNIT_EXPECT_TRUE(test, c.psi);
	KUNIT_EXPECT_EQ(test, c.psi_max_mask, 18);
	KUNIT_EXPECT_FALSE(test, c.caching_mode);
	KUNIT_EXPECT_FALSE(test, c.rwbf);
	KUNIT_EXPECT_FALSE(test, c.coherent);
	KUNIT_EXPECT_TRUE(test, c.qi);
	KUNIT_EXPECT_TRUE(test, c.ir);
	KUNIT_EXPECT_TRUE(test, c.pt);
	KUNIT_EXPECT_FALSE(test, c.sc);
	KUNIT_EXPECT_FALSE(test, c.smts);
	KUNIT_EXPECT_EQ(test, vtd_caps_reg_span(&c), 0x1000);
	KUNIT_EXPECT_TRUE(test, QEMU_CAP & VTD_CAP_DWD);
	KUNIT_EXPECT_TRUE(test, QEMU_CAP & VTD_CAP_DRD);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VTD_ECAP_MHMV, QEMU_ECAP), 0xf);
}

/* Each field lands where the spec puts it: set it alone and decode. */
static void vtd_caps_one_field_at_a_time(struct kunit *test)
{
	struct vtd_caps c;

	vtd_caps_decode(0x61, FIELD_PREP(VTD_CAP_SAGAW, 0xe) | FIELD_PREP(VTD_CAP_MGAW, 56), 0, &c);
	KUNIT_EXPECT_EQ(test, c.ver_major, 6);
	KUNIT_EXPECT_EQ(test, c.ver_minor, 1);
	KUNIT_EXPECT_EQ(test, c.mgaw, 57);
	KUNIT_EXPECT_EQ(test, c.sagaw, VTD_SAGAW_3LEVEL | VTD_SAGAW_4LEVEL | VTD_SAGAW_5LEVEL);
	KUNIT_EXPECT_EQ(test, c.nr_domains, 16);
	KUNIT_EXPECT_FALSE(test, c.psi);
	KUNIT_EXPECT_EQ(test, c.psi_max_mask, 0);

	/* MGAW 48 rules out 5-level even if SAGAW claims it. */
	vtd_caps_decode(0x10, FIELD_PREP(VTD_CAP_SAGAW, 0xe) | FIELD_PREP(VTD_CAP_MGAW, 47), 0, &c);
	KUNIT_EXPECT_EQ(test, c.sagaw, VTD_SAGAW_3LEVEL | VTD_SAGAW_4LEVEL);

	vtd_caps_decode(0x10, BIT_ULL(7) | BIT_ULL(4), BIT_ULL(0) | BIT_ULL(7) | BIT_ULL(43), &c);
	KUNIT_EXPECT_TRUE(test, c.caching_mode);
	KUNIT_EXPECT_TRUE(test, c.rwbf);
	KUNIT_EXPECT_TRUE(test, c.coherent);
	KUNIT_EXPECT_TRUE(test, c.sc);
	KUNIT_EXPECT_TRUE(test, c.smts);
	KUNIT_EXPECT_FALSE(test, c.qi);

	/* 8 fault registers at 0x2000 push the register span to 3 pages. */
	vtd_caps_decode(0x10, FIELD_PREP(VTD_CAP_NFR, 7) | FIELD_PREP(VTD_CAP_FRO, 0x200) |
			FIELD_PREP(VTD_CAP_ND, 2), FIELD_PREP(VTD_ECAP_IRO, 0x50), &c);
	KUNIT_EXPECT_EQ(test, c.nr_fault_regs, 8);
	KUNIT_EXPECT_EQ(test, c.fault_reg_offset, 0x2000);
	KUNIT_EXPECT_EQ(test, c.iotlb_reg_offset, 0x500);
	KUNIT_EXPECT_EQ(test, c.nr_domains, 256);
	KUNIT_EXPECT_EQ(test, vtd_caps_reg_span(&c), 0x3000);
}

/* Field masks match the bit positions of spec 11.4.2-5. */
static void vtd_regs_field_positions(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, VTD_CAP_SAGAW, 0x1f00ULL);
	KUNIT_EXPECT_EQ(test, VTD_CAP_MGAW, 0x3f0000ULL);
	KUNIT_EXPECT_EQ(test, VTD_CAP_FRO, 0x3ff000000ULL);
	KUNIT_EXPECT_EQ(test, VTD_CAP_SLLPS, 0x3c00000000ULL);
	KUNIT_EXPECT_EQ(test, VTD_CAP_NFR, 0xff0000000000ULL);
	KUNIT_EXPECT_EQ(test, VTD_CAP_MAMV, 0x3f000000000000ULL);
	KUNIT_EXPECT_EQ(test, VTD_ECAP_IRO, 0x3ff00ULL);
	KUNIT_EXPECT_EQ(test, VTD_GCMD_TE, 0x80000000U);
	KUNIT_EXPECT_EQ(test, VTD_GCMD_QIE | VTD_GCMD_IRE, 0x06000000U);
	KUNIT_EXPECT_EQ(test, VTD_FSTS_FRI, 0xff00U);
}

static struct kunit_case vtd_caps_cases[] = {
	KUNIT_CASE(vtd_caps_qemu_default),
	KUNIT_CASE(vtd_caps_one_field_at_a_time),
	KUNIT_CASE(vtd_regs_field_positions),
	{}
};

static struct kunit_suite vtd_caps_suite = {
	.name = "vtd_caps",
	.test_cases = vtd_caps_cases,
};

kunit_test_suite(vtd_caps_suite);

MODULE_DESCRIPTION("KUnit tests for the vtd VT-d driver");
MODULE_LICENSE("GPL");
