/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VT-d remapping-unit registers (spec chapter 11.4): offsets, with their
 * fields beneath as masks. Read and write fields only with FIELD_GET and
 * FIELD_PREP. No structs, no functions.
 */
#ifndef VTD_REGS_H
#define VTD_REGS_H

#include <linux/bits.h>

#define VTD_VER_REG		0x00	/* Version, 11.4.1 */
#define  VTD_VER_MAX		GENMASK(7, 4)
#define  VTD_VER_MIN		GENMASK(3, 0)

#define VTD_CAP_REG		0x08	/* Capability, 11.4.2 */
#define  VTD_CAP_ND		GENMASK_ULL(2, 0)	/* domains: 2^(4 + 2 * ND) */
#define  VTD_CAP_AFL		BIT_ULL(3)
#define  VTD_CAP_RWBF		BIT_ULL(4)	/* write-buffer flush required */
#define  VTD_CAP_PLMR		BIT_ULL(5)
#define  VTD_CAP_PHMR		BIT_ULL(6)
#define  VTD_CAP_CM		BIT_ULL(7)	/* caching mode */
#define  VTD_CAP_SAGAW		GENMASK_ULL(12, 8)	/* bit 1: 3-level, 2: 4, 3: 5 */
#define  VTD_CAP_MGAW		GENMASK_ULL(21, 16)	/* max guest address width - 1 */
#define  VTD_CAP_ZLR		BIT_ULL(22)
#define  VTD_CAP_FRO		GENMASK_ULL(33, 24)	/* fault-recording offset / 16 */
#define  VTD_CAP_SLLPS		GENMASK_ULL(37, 34)	/* bit 0: 2 MiB, 1: 1 GiB */
#define  VTD_CAP_PSI		BIT_ULL(39)	/* page-selective invalidation */
#define  VTD_CAP_NFR		GENMASK_ULL(47, 40)	/* fault-recording registers - 1 */
#define  VTD_CAP_MAMV		GENMASK_ULL(53, 48)	/* max PSI address mask */
#define  VTD_CAP_DWD		BIT_ULL(54)
#define  VTD_CAP_DRD		BIT_ULL(55)
#define  VTD_CAP_FL1GP		BIT_ULL(56)
#define  VTD_CAP_PI		BIT_ULL(59)
#define  VTD_CAP_FL5LP		BIT_ULL(60)

#define VTD_ECAP_REG		0x10	/* Extended Capability, 11.4.3 */
#define  VTD_ECAP_C		BIT_ULL(0)	/* page walks snoop the CPU caches */
#define  VTD_ECAP_QI		BIT_ULL(1)	/* queued invalidation */
#define  VTD_ECAP_DT		BIT_ULL(2)	/* device TLB */
#define  VTD_ECAP_IR		BIT_ULL(3)	/* interrupt remapping */
#define  VTD_ECAP_EIM		BIT_ULL(4)	/* extended (x2APIC) interrupt mode */
#define  VTD_ECAP_PT		BIT_ULL(6)	/* pass-through */
#define  VTD_ECAP_SC		BIT_ULL(7)	/* snoop control */
#define  VTD_ECAP_IRO		GENMASK_ULL(17, 8)	/* IOTLB register offset / 16 */
#define  VTD_ECAP_MHMV		GENMASK_ULL(23, 20)
#define  VTD_ECAP_NEST		BIT_ULL(26)
#define  VTD_ECAP_PRS		BIT_ULL(29)
#define  VTD_ECAP_PASID		BIT_ULL(40)
#define  VTD_ECAP_SMTS		BIT_ULL(43)	/* scalable mode */
#define  VTD_ECAP_SLTS		BIT_ULL(46)
#define  VTD_ECAP_FLTS		BIT_ULL(47)

#define VTD_GCMD_REG		0x18	/* Global Command, 11.4.4 */
#define VTD_GSTS_REG		0x1c	/* Global Status, 11.4.5: same bit positions */
#define  VTD_GCMD_TE		BIT(31)	/* translation enable */
#define  VTD_GCMD_SRTP		BIT(30)	/* set root table pointer */
#define  VTD_GCMD_WBF		BIT(27)	/* write-buffer flush */
#define  VTD_GCMD_QIE		BIT(26)	/* queued invalidation enable */
#define  VTD_GCMD_IRE		BIT(25)	/* interrupt remapping enable */
#define  VTD_GCMD_SIRTP		BIT(24)	/* set interrupt remapping table pointer */
#define  VTD_GCMD_CFI		BIT(23)	/* compatibility format interrupts */

#define VTD_RTADDR_REG		0x20	/* Root Table Address, 11.4.6 */
#define VTD_FSTS_REG		0x34	/* Fault Status, 11.4.9.1 */
#define  VTD_FSTS_PFO		BIT(0)	/* primary fault overflow */
#define  VTD_FSTS_PPF		BIT(1)	/* primary pending fault */
#define  VTD_FSTS_IQE		BIT(4)	/* invalidation queue error */
#define  VTD_FSTS_ICE		BIT(5)	/* invalidation completion error */
#define  VTD_FSTS_ITE		BIT(6)	/* invalidation time-out error */
#define  VTD_FSTS_FRI		GENMASK(15, 8)	/* fault record index */
#define VTD_FECTL_REG		0x38	/* Fault Event Control, 11.4.9.2 */
#define  VTD_FECTL_IM		BIT(31)	/* interrupt mask */

/* One fault-recording register is 16 bytes (11.4.14); one page maps the basics. */
#define VTD_FRCD_SIZE		16
#define VTD_REG_MIN_SIZE	0x1000

#endif /* VTD_REGS_H */
