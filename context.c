// SPDX-License-Identifier: GPL-2.0-only
/*
 * Root and context tables, legacy mode (spec 3.4.2, 9.1, 9.3): a root entry
 * per bus points at a context table; a context entry per device/function
 * names its domain id and page table, or pass-through.
 *
 * A PCI function's DMA may arrive with another requester id (a DMA alias):
 * quirked functions use other devfns, and a PCIe-to-PCI bridge takes over
 * the requester id of everything behind it. Each such id gets the same
 * context entry. The kernel's pci_for_each_dma_alias() is not exported to
 * modules, so the walk is written here (PCIe-to-PCI bridge spec 2.3).
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/io.h>
#include <linux/pci.h>

#include "vtd/vtd.h"

static int vtd_ctx_write_one(struct vtd_unit *unit, u8 bus, u8 devfn, void *arg);
static int vtd_ctx_clear_one(struct vtd_unit *unit, u8 bus, u8 devfn, void *arg);

/**
 * vtd_walk_requester_ids() - a PCI function's requester id and its aliases
 * @pdev: the function
 * @fn: called with each id (bus << 8 | devfn), the function's own first;
 *	a nonzero return stops the walk
 * @arg: passed to @fn
 *
 * Aliases: the devfns of the function's dma_alias_mask quirk, and for each
 * bridge on the way up, the id it puts on what it forwards (the walk of
 * pci_for_each_dma_alias(), which is not exported). An id may repeat.
 *
 * Context: any.
 * Return: 0, or what @fn returned.
 */
int vtd_walk_requester_ids(struct pci_dev *pdev, int (*fn)(u16 sid, void *arg), void *arg)
{
	struct pci_bus *bus;
	struct pci_dev *br;
	unsigned int devfn;
	int ret;

	ret = fn(pci_dev_id(pdev), arg);
	if (ret)
		return ret;
	if (pdev->dma_alias_mask) {
		for_each_set_bit(devfn, pdev->dma_alias_mask, VTD_NR_CONTEXT_ENTRIES) {
			ret = fn(PCI_DEVID(pdev->bus->number, devfn), arg);
			if (ret)
				return ret;
		}
	}
	for (bus = pdev->bus; !pci_is_root_bus(bus); bus = bus->parent) {
		br = bus->self;
		if (!br)
			continue;
		if (br->dev_flags & PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT)
			break;
		if (pci_is_pcie(br)) {
			if (pci_pcie_type(br) == PCI_EXP_TYPE_PCI_BRIDGE)
				ret = fn(PCI_DEVID(br->subordinate->number, 0), arg);
			else if (pci_pcie_type(br) == PCI_EXP_TYPE_PCIE_BRIDGE)
				ret = fn(pci_dev_id(br), arg);
		} else if (br->dev_flags & PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS) {
			ret = fn(PCI_DEVID(br->subordinate->number, 0), arg);
		} else {
			ret = fn(pci_dev_id(br), arg);
		}
		if (ret)
			return ret;
	}
	return 0;
}

struct vtd_ctx_walk {
	struct vtd_unit *unit;
	struct vtd_context_entry *want;
};

static int vtd_ctx_one(u16 sid, void *arg)
{
	struct vtd_ctx_walk *c = arg;

	if (c->want)
		return vtd_ctx_write_one(c->unit, PCI_BUS_NUM(sid), sid & 0xff, c->want);
	return vtd_ctx_clear_one(c->unit, PCI_BUS_NUM(sid), sid & 0xff, NULL);
}

/*
 * For the function's own requester id and every alias of it: write @want
 * there, or clear the entry if @want is NULL.
 */
static int vtd_ctx_aliases(struct vtd_unit *unit, struct pci_dev *pdev,
			   struct vtd_context_entry *want)
{
	struct vtd_ctx_walk c = { .unit = unit, .want = want };

	return vtd_walk_requester_ids(pdev, vtd_ctx_one, &c);
}

/* The context table for @bus; allocated (and linked) on first use if @alloc. */
static struct vtd_context_entry *vtd_ctx_table(struct vtd_unit *unit, u8 bus, bool alloc)
{
	struct vtd_root_entry *re = &unit->root[bus];
	struct vtd_root_entry new;
	void *table;

	lockdep_assert_held(&unit->ctx_lock);
	if (re->lo & VTD_ROOT_LO_P)
		return phys_to_virt(FIELD_GET(VTD_ROOT_LO_CTP, re->lo) << VTD_PAGE_SHIFT);
	if (!alloc)
		return NULL;
	table = vtd_pt_kernel_env.alloc_table(unit, GFP_KERNEL);
	if (!table)
		return NULL;
	vtd_flush_cpu_cache(unit, table, VTD_PAGE_SIZE);
	new = vtd_make_root(virt_to_phys(table));
	WRITE_ONCE(re->hi, new.hi);
	dma_wmb();
	WRITE_ONCE(re->lo, new.lo);
	vtd_flush_cpu_cache(unit, re, sizeof(*re));
	return table;
}

/*
 * Clear a present entry: present bit first, then the rest (spec 6.5.3.3).
 * An invalidation that fails is reported here, for every caller.
 */
static int vtd_ctx_clear_one(struct vtd_unit *unit, u8 bus, u8 devfn, void *arg)
{
	struct vtd_context_entry *table = vtd_ctx_table(unit, bus, false), *ce;
	u16 did;
	int ret;

	if (!table || !(table[devfn].lo & VTD_CTX_LO_P))
		return 0;
	ce = &table[devfn];
	did = FIELD_GET(VTD_CTX_HI_DID, ce->hi);
	WRITE_ONCE(ce->lo, 0);
	dma_wmb();
	WRITE_ONCE(ce->hi, 0);
	vtd_flush_cpu_cache(unit, ce, sizeof(*ce));
	ret = vtd_inv_context_device(unit, did, PCI_DEVID(bus, devfn), did);
	if (ret)
		pr_err("%s: context entry %02x:%02x.%d cleared but not invalidated (%d)\n",
		       unit->name, bus, PCI_SLOT(devfn), PCI_FUNC(devfn), ret);
	return ret;
}

/* Write an entry: everything else first, then the qword with the present bit. */
static int vtd_ctx_write_one(struct vtd_unit *unit, u8 bus, u8 devfn, void *arg)
{
	const struct vtd_context_entry *want = arg;
	struct vtd_context_entry *table = vtd_ctx_table(unit, bus, true), *ce;
	u16 did = FIELD_GET(VTD_CTX_HI_DID, want->hi);
	int ret;

	if (!table)
		return -ENOMEM;
	ce = &table[devfn];
	if (ce->lo == want->lo && ce->hi == want->hi)
		return 0;
	/* A present entry cannot be rewritten in place: it is 128 bits wide. */
	ret = vtd_ctx_clear_one(unit, bus, devfn, NULL);
	if (ret)
		return ret;
	WRITE_ONCE(ce->hi, want->hi);
	dma_wmb();
	WRITE_ONCE(ce->lo, want->lo);
	vtd_flush_cpu_cache(unit, ce, sizeof(*ce));
	/* Caching mode: the unit may hold the not-present entry, under DID 0. */
	if (unit->caps.caching_mode)
		return vtd_inv_context_device(unit, 0, PCI_DEVID(bus, devfn), did);
	vtd_write_buffer_flush(unit);
	return 0;
}

/**
 * vtd_ctx_set() - point a function's context entries (its own and its
 * aliases') at a domain
 * @unit: the unit whose scope holds it
 * @pdev: the function
 * @did: the domain id
 * @tt: VTD_CTX_TT_TRANSLATE or VTD_CTX_TT_PASS
 * @table: the domain's top-level table (0 for pass-through)
 *
 * An entry already present is cleared and invalidated first.
 *
 * Context: process context; takes the unit's ctx_lock.
 * Return: 0, -ENOMEM, or an invalidation error.
 */
int vtd_ctx_set(struct vtd_unit *unit, struct pci_dev *pdev, u16 did, u8 tt, u64 table)
{
	struct vtd_context_entry want = vtd_make_context(did, tt, unit->levels, table);
	int ret;

	mutex_lock(&unit->ctx_lock);
	ret = vtd_ctx_aliases(unit, pdev, &want);
	mutex_unlock(&unit->ctx_lock);
	return ret;
}

/**
 * vtd_ctx_clear() - make a function's context entries not present
 * @unit: the unit whose scope holds it
 * @pdev: the function
 *
 * Its DMA then faults (context entry not present) and is blocked.
 *
 * Context: process context; takes the unit's ctx_lock.
 */
void vtd_ctx_clear(struct vtd_unit *unit, struct pci_dev *pdev)
{
	mutex_lock(&unit->ctx_lock);
	vtd_ctx_aliases(unit, pdev, NULL);	/* a failed invalidation is logged */
	mutex_unlock(&unit->ctx_lock);
}

/**
 * vtd_ctx_clear_id() - make the context entry of one requester id not present
 * @unit: the unit
 * @sid: the requester id (bus << 8 | devfn)
 *
 * For a function's release, which clears only the ids no other function
 * still uses (an alias shared behind a bridge stays).
 *
 * Context: process context; the caller holds the unit's ctx_lock.
 * Return: 0, or the invalidation's error (already logged).
 */
int vtd_ctx_clear_id(struct vtd_unit *unit, u16 sid)
{
	lockdep_assert_held(&unit->ctx_lock);
	return vtd_ctx_clear_one(unit, PCI_BUS_NUM(sid), sid & 0xff, NULL);
}

/**
 * vtd_ctx_walk_present() - each present context entry of a unit, in order
 * @unit: the unit
 * @fn: called with the requester id and a copy of the entry
 * @arg: passed to @fn
 *
 * Context: process context; takes the unit's ctx_lock, held across @fn.
 */
void vtd_ctx_walk_present(struct vtd_unit *unit,
			  void (*fn)(u16 sid, struct vtd_context_entry ce, void *arg), void *arg)
{
	struct vtd_context_entry *table;
	unsigned int bus, devfn;

	mutex_lock(&unit->ctx_lock);
	for (bus = 0; bus < VTD_NR_ROOT_ENTRIES; bus++) {
		table = vtd_ctx_table(unit, bus, false);
		for (devfn = 0; table && devfn < VTD_NR_CONTEXT_ENTRIES; devfn++)
			if (READ_ONCE(table[devfn].lo) & VTD_CTX_LO_P)
				fn(PCI_DEVID(bus, devfn), table[devfn], arg);
	}
	mutex_unlock(&unit->ctx_lock);
}

/**
 * vtd_ctx_free_tables() - free every context table
 * @unit: a unit with translation off
 *
 * Context: process context.
 */
void vtd_ctx_free_tables(struct vtd_unit *unit)
{
	struct vtd_context_entry *table;
	unsigned int bus;

	mutex_lock(&unit->ctx_lock);
	for (bus = 0; bus < VTD_NR_ROOT_ENTRIES; bus++) {
		table = vtd_ctx_table(unit, bus, false);
		if (!table)
			continue;
		unit->root[bus].lo = 0;
		vtd_pt_kernel_env.free_table(unit, table);
	}
	mutex_unlock(&unit->ctx_lock);
}
