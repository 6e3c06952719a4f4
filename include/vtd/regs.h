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
#define  VTD_RTADDR_RTT		BIT_ULL(11)	/* 1: scalable-mode root table */
#define  VTD_RTADDR_RTA		GENMASK_ULL(63, 12)

#define VTD_CCMD_REG		0x28	/* Context Command, 11.4.7 */
#define  VTD_CCMD_ICC		BIT_ULL(63)	/* invalidate; hardware clears it when done */
#define  VTD_CCMD_CIRG		GENMASK_ULL(62, 61)	/* requested granularity, VTD_CC_* */
#define  VTD_CCMD_CAIG		GENMASK_ULL(60, 59)	/* actual granularity */
#define  VTD_CCMD_FM		GENMASK_ULL(33, 32)	/* function mask */
#define  VTD_CCMD_SID		GENMASK_ULL(31, 16)
#define  VTD_CCMD_DID		GENMASK_ULL(15, 0)
#define VTD_FSTS_REG		0x34	/* Fault Status, 11.4.9.1 */
#define  VTD_FSTS_PFO		BIT(0)	/* primary fault overflow */
#define  VTD_FSTS_PPF		BIT(1)	/* primary pending fault */
#define  VTD_FSTS_IQE		BIT(4)	/* invalidation queue error */
#define  VTD_FSTS_ICE		BIT(5)	/* invalidation completion error */
#define  VTD_FSTS_ITE		BIT(6)	/* invalidation time-out error */
#define  VTD_FSTS_FRI		GENMASK(15, 8)	/* fault record index */
#define VTD_FECTL_REG		0x38	/* Fault Event Control, 11.4.9.2 */
#define  VTD_FECTL_IM		BIT(31)	/* interrupt mask */
#define  VTD_FECTL_IP		BIT(30)	/* interrupt pending */
#define VTD_FEDATA_REG		0x3c	/* Fault Event Data: the MSI data */
#define VTD_FEADDR_REG		0x40	/* Fault Event Address: the MSI address */
#define VTD_FEUADDR_REG		0x44	/* Fault Event Upper Address */

#define VTD_PMEN_REG		0x64	/* Protected Memory Enable, 11.4.13 */
#define  VTD_PMEN_EPM		BIT(31)
#define  VTD_PMEN_PRS		BIT(0)

#define VTD_IQH_REG		0x80	/* Invalidation Queue Head, 11.4.10.1 */
#define VTD_IQT_REG		0x88	/* Invalidation Queue Tail */
#define  VTD_IQ_QI		GENMASK_ULL(18, 4)	/* descriptor index (128-bit) */
#define VTD_IQA_REG		0x90	/* Invalidation Queue Address */
#define  VTD_IQA_IQA		GENMASK_ULL(63, 12)
#define  VTD_IQA_DW		BIT_ULL(11)	/* 256-bit descriptors */
#define  VTD_IQA_QS		GENMASK_ULL(2, 0)	/* 2^QS pages */
#define VTD_ICS_REG		0x9c	/* Invalidation Completion Status */
#define  VTD_ICS_IWC		BIT(0)

/*
 * Register-based IOTLB invalidation (11.4.8): two registers at the offset
 * ECAP.IRO names, Invalidate Address first.
 */
#define VTD_IVA_OFF		0x0
#define  VTD_IVA_ADDR		GENMASK_ULL(63, 12)
#define  VTD_IVA_IH		BIT_ULL(6)	/* invalidation hint: leaves only */
#define  VTD_IVA_AM		GENMASK_ULL(5, 0)	/* address mask: 2^AM pages */
#define VTD_IOTLB_OFF		0x8
#define  VTD_IOTLB_IVT		BIT_ULL(63)	/* invalidate; hardware clears it when done */
#define  VTD_IOTLB_IIRG		GENMASK_ULL(61, 60)	/* requested granularity, VTD_IOTLB_G_* */
#define  VTD_IOTLB_IAIG		GENMASK_ULL(58, 57)	/* actual granularity */
#define  VTD_IOTLB_DR		BIT_ULL(49)	/* drain reads */
#define  VTD_IOTLB_DW		BIT_ULL(48)	/* drain writes */
#define  VTD_IOTLB_DID		GENMASK_ULL(47, 32)

/* Granularities, for the registers and the queued descriptors alike. */
#define VTD_CC_GLOBAL		1
#define VTD_CC_DOMAIN		2
#define VTD_CC_DEVICE		3
#define VTD_IOTLB_G_GLOBAL	1
#define VTD_IOTLB_G_DOMAIN	2
#define VTD_IOTLB_G_PAGE	3

/* One fault-recording register is 16 bytes (11.4.14); one page maps the basics. */
#define VTD_FRCD_SIZE		16
#define  VTD_FRCD_LO_FI		GENMASK_ULL(63, 12)	/* faulting page address */
#define  VTD_FRCD_HI_F		BIT_ULL(63)	/* fault; write 1 to clear */
#define  VTD_FRCD_HI_T		BIT_ULL(62)	/* 1: read, 0: write */
#define  VTD_FRCD_HI_AT		GENMASK_ULL(61, 60)
#define  VTD_FRCD_HI_FR		GENMASK_ULL(39, 32)	/* fault reason */
#define  VTD_FRCD_HI_SID	GENMASK_ULL(15, 0)	/* source id: bus, devfn */
#define VTD_REG_MIN_SIZE	0x1000

#endif /* VTD_REGS_H */
