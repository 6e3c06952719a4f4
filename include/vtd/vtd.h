/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vtd's private driver structures and the prototypes shared between files.
 *
 * Field tags say what protects a field: (c) constant once the unit is up,
 * (r) the unit's reg_lock, (x) the unit's ctx_lock, (q) the queue's lock,
 * (d) the domain's lock, (g) the IOMMU group's mutex (held by the core
 * around attach and probe).
 */
#ifndef VTD_VTD_H
#define VTD_VTD_H

#include <linux/iommu.h>
#include <linux/mutex.h>
#include <linux/idr.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "vtd/caps.h"
#include "vtd/dmar_tables.h"
#include "vtd/entries.h"
#include "vtd/pgtable.h"

#define VTD_MAX_UNITS		32
#define VTD_IDENTITY_DID	1	/* DID 0 is reserved (caching mode) */
#define VTD_FIRST_DID		2

/**
 * struct vtd_qi - a unit's invalidation queue (spec 6.5.2)
 * @ring: (q) one page of 128-bit descriptors
 * @ring_pa: (c) its physical address
 * @status: (q) the word wait descriptors write; one per unit is enough
 *	because submissions are serialised
 * @status_pa: (c) its physical address
 * @lock: serialises submissions
 * @tail: (q) next free slot
 * @seq: (q) the value the next wait descriptor writes
 */
struct vtd_qi {
	struct vtd_qi_desc *ring;
	u64 ring_pa;
	u32 *status;
	u64 status_pa;
	raw_spinlock_t lock;
	unsigned int tail;
	u32 seq;
};

/**
 * struct vtd_fault_stats - what a unit's fault handler saw
 * @faults: primary faults drained
 * @overflows: times the fault log overflowed (records were lost)
 * @inv_errors: invalidation queue errors (IQE, ITE, ICE)
 */
struct vtd_fault_stats {
	atomic64_t faults;
	atomic64_t overflows;
	atomic64_t inv_errors;
};

/**
 * struct vtd_unit - one DMA-remapping hardware unit (one DRHD)
 * @idx: (c) unit number, as in "vtd0"
 * @drhd: (c) index of its DRHD in the parsed table
 * @segment: (c) PCI segment
 * @reg_phys: (c) register base
 * @reg_size: (c) bytes of MMIO claimed
 * @regs: (c) mapped registers
 * @ver: (c) VER_REG
 * @cap: (c) CAP_REG
 * @ecap: (c) ECAP_REG
 * @caps: (c) what @cap and @ecap mean
 * @name: (c) "vtd0", ...
 * @nr_pci_devs: PCI functions its scopes cover, counted at load
 * @levels: (c) page-table depth for domains on this unit
 * @reg_lock: serialises GCMD updates, register invalidation and fault registers
 * @gcmd: (r) the GCMD bits software has turned on (GCMD reads as 0)
 * @root: (x) the root table
 * @root_pa: (c) its physical address
 * @ctx_lock: serialises context-table updates and removals from @devs
 * @dids: domain ids in use
 * @use_qi: (c) invalidation goes through @qi, not the registers
 * @qi: the invalidation queue
 * @irq: (c) the fault event interrupt, 0 if none
 * @stats: fault counters
 * @devs: the devices vtd translates for, by source id (their own, and
 *	aliases: one function for each); a device in it stays while
 *	@ctx_lock is held
 * @identity_pt: (x) 1:1 table for identity domains where ECAP.PT is absent
 * @iommu: the IOMMU core's handle
 * @registered: (c) @iommu is registered
 * @enabled: (c) translation is on
 */
struct vtd_unit {
	unsigned int idx;
	int drhd;
	u16 segment;
	u64 reg_phys;
	u32 reg_size;
	void __iomem *regs;
	u32 ver;
	u64 cap;
	u64 ecap;
	struct vtd_caps caps;
	char name[16];
	unsigned int nr_pci_devs;
	u8 levels;

	raw_spinlock_t reg_lock;
	u32 gcmd;
	struct vtd_root_entry *root;
	u64 root_pa;
	struct mutex ctx_lock;
	struct ida dids;

	bool use_qi;
	struct vtd_qi qi;

	int irq;
	struct vtd_fault_stats stats;

	struct xarray devs;
	struct vtd_pt *identity_pt;
	struct iommu_device iommu;
	bool registered;
	bool enabled;
};

/**
 * struct vtd_domain - a paging domain: one page table, any number of units
 * @domain: the IOMMU core's view
 * @pt: the page table
 * @mutex: serialises attach and detach bookkeeping
 * @did: (d) domain id on each unit the domain is attached to, 0 if none;
 *	read without the mutex by the flush paths
 * @refs: (d) devices attached through each unit
 */
struct vtd_domain {
	struct iommu_domain domain;
	struct vtd_pt pt;
	struct mutex mutex;
	u16 did[VTD_MAX_UNITS];
	unsigned int refs[VTD_MAX_UNITS];
};

/**
 * struct vtd_dev - vtd's state for one PCI function it translates for
 * @dev: (c) the device
 * @unit: (c) the unit whose scope holds it
 * @domain: (g) the domain attached, NULL before the first attach; the
 *	fault handler reads it under RCU
 * @sid: (c) its source id, bus << 8 | devfn
 * @faults: faults recorded against it
 * @rcu: frees it after the fault handler is done with it
 */
struct vtd_dev {
	struct device *dev;
	struct vtd_unit *unit;
	struct iommu_domain *domain;
	u16 sid;
	atomic64_t faults;
	struct rcu_head rcu;
};

extern const struct vtd_dmar_table *vtd_table;
extern struct vtd_unit *vtd_units;
extern unsigned int vtd_nr_units;
extern const struct vtd_pci_topology vtd_live_topology;

/* dmar.c: registers, root table, translation on and off */
int vtd_unit_map(struct vtd_unit *unit, const struct vtd_dmar_struct *drhd);
void vtd_unit_unmap(struct vtd_unit *unit);
void vtd_unit_log(const struct vtd_unit *unit, const struct vtd_dmar_table *t);
int vtd_unit_set_root(struct vtd_unit *unit);
int vtd_unit_enable(struct vtd_unit *unit);
int vtd_unit_disable(struct vtd_unit *unit);
void vtd_unit_free_tables(struct vtd_unit *unit);
int __must_check vtd_gcmd_update(struct vtd_unit *unit, u32 set, u32 clear);
void vtd_flush_cpu_cache(const struct vtd_unit *unit, void *addr, size_t len);

/* invalidate.c: queued and register-based invalidation */
int vtd_inv_init(struct vtd_unit *unit, bool use_qi);
void vtd_inv_fini(struct vtd_unit *unit);
int __must_check vtd_inv_run(struct vtd_unit *unit, const struct vtd_inv *inv, unsigned int n);
int vtd_inv_iotlb_range(struct vtd_unit *unit, u16 did, u64 first, u64 last, bool ih);
int vtd_inv_iotlb_domain(struct vtd_unit *unit, u16 did);
int vtd_inv_context_device(struct vtd_unit *unit, u16 cc_did, u16 sid, u16 did);
int vtd_inv_all(struct vtd_unit *unit);
int vtd_inv_inject_rejected(struct vtd_unit *unit);
void vtd_write_buffer_flush(struct vtd_unit *unit);

/* debugfs.c: error injection */
void vtd_debugfs_init(void);
void vtd_debugfs_exit(void);

/* fault.c: the fault event interrupt */
int vtd_fault_init(struct vtd_unit *unit);
void vtd_fault_fini(struct vtd_unit *unit);
int vtd_fault_domain_init(void);
void vtd_fault_domain_fini(void);
const char *vtd_fault_reason_str(u8 reason);

/* context.c: root and context tables */
int vtd_walk_requester_ids(struct pci_dev *pdev, int (*fn)(u16 sid, void *arg), void *arg);
int vtd_ctx_set(struct vtd_unit *unit, struct pci_dev *pdev, u16 did, u8 tt, u64 table);
void vtd_ctx_clear(struct vtd_unit *unit, struct pci_dev *pdev);
int vtd_ctx_clear_id(struct vtd_unit *unit, u16 sid);
void vtd_ctx_walk_present(struct vtd_unit *unit,
			  void (*fn)(u16 sid, struct vtd_context_entry ce, void *arg), void *arg);
void vtd_ctx_free_tables(struct vtd_unit *unit);

/* iommu_ops.c: the IOMMU core's view */
int vtd_iommu_register(struct vtd_unit *unit);
void vtd_iommu_unregister(struct vtd_unit *unit);
bool vtd_iommu_busy(struct vtd_unit *unit, char *why, size_t len);
void vtd_iommu_adopt_bound(struct vtd_unit *unit);
void vtd_iommu_disown_bound(struct vtd_unit *unit);
extern const struct vtd_pt_env vtd_pt_kernel_env;

#endif /* VTD_VTD_H */
