// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fault reporting (spec 7.3): the unit's fault event interrupt, draining the
 * primary fault records, and reporting each one: a rate-limited log line,
 * per-unit and per-device counters, and report_iommu_fault() for domains
 * whose owner (a VFIO user, say) asked to hear about faults.
 *
 * The in-tree dmar_alloc_hwirq() is not exported, so the interrupt comes
 * from a small irq domain of vtd's own stacked on the x86 vector domain:
 * the vector domain picks the vector and CPU, and this domain's chip writes
 * the resulting MSI message into the unit's fault event registers.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <asm/hw_irq.h>
#include <asm/irqdomain.h>

#include "vtd/vtd.h"

/* Records drained per pass, and passes per interrupt. */
#define VTD_FAULT_BATCH		16
#define VTD_FAULT_MAX_PASSES	16

static struct irq_domain *vtd_fault_domain;

/* Fault reasons, legacy mode (spec appendix A). */
static const char *const vtd_fault_reasons[] = {
	[0x1] = "root entry not present",
	[0x2] = "context entry not present",
	[0x3] = "context entry invalid",
	[0x4] = "address beyond the domain's width",
	[0x5] = "write to a page not mapped writable",
	[0x6] = "read from a page not mapped readable",
	[0x7] = "paging entry could not be read",
	[0x8] = "root table could not be read",
	[0x9] = "context table could not be read",
	[0xa] = "reserved bits set in root entry",
	[0xb] = "reserved bits set in context entry",
	[0xc] = "reserved bits set in paging entry",
	[0xd] = "translation type blocked by context entry",
};

/**
 * vtd_fault_reason_str() - a fault reason in words
 * @reason: the FR field of a fault record
 *
 * Return: a description; "unknown reason" for codes vtd does not know.
 */
const char *vtd_fault_reason_str(u8 reason)
{
	if (reason < ARRAY_SIZE(vtd_fault_reasons) && vtd_fault_reasons[reason])
		return vtd_fault_reasons[reason];
	if (reason >= 0x20 && reason <= 0x26)
		return "interrupt remapping fault";
	return "unknown reason";
}

struct vtd_fault_rec {
	u64 lo;
	u64 hi;
};

static void vtd_fault_report(struct vtd_unit *unit, const struct vtd_fault_rec *r)
{
	u16 sid = FIELD_GET(VTD_FRCD_HI_SID, r->hi);
	u8 reason = FIELD_GET(VTD_FRCD_HI_FR, r->hi);
	bool read = r->hi & VTD_FRCD_HI_T;
	u64 addr = r->lo & VTD_FRCD_LO_FI;
	struct vtd_dev *vdev;

	atomic64_inc(&unit->stats.faults);
	rcu_read_lock();
	vdev = xa_load(&unit->devs, sid);
	if (vdev) {
		atomic64_inc(&vdev->faults);
		dev_err_ratelimited(vdev->dev, "%s: DMA %s fault at %#llx: %s (reason %#x)\n",
				    unit->name, read ? "read" : "write", addr,
				    vtd_fault_reason_str(reason), reason);
		if (vdev->domain && (vdev->domain->type & __IOMMU_DOMAIN_PAGING))
			report_iommu_fault(vdev->domain, vdev->dev, addr,
					   read ? IOMMU_FAULT_READ : IOMMU_FAULT_WRITE);
	} else {
		pr_err_ratelimited("%s: DMA %s fault from %04x:%02x:%02x.%d (no device vtd knows) at %#llx: %s (reason %#x)\n",
				   unit->name, read ? "read" : "write", unit->segment,
				   PCI_BUS_NUM(sid), PCI_SLOT(sid & 0xff), PCI_FUNC(sid & 0xff),
				   addr, vtd_fault_reason_str(reason), reason);
	}
	rcu_read_unlock();
}

/* Copy out and clear up to VTD_FAULT_BATCH records; returns how many. */
static unsigned int vtd_fault_drain(struct vtd_unit *unit, struct vtd_fault_rec *recs)
{
	unsigned int n = 0, idx;
	unsigned long flags;
	void __iomem *frcd;
	u32 fsts;

	raw_spin_lock_irqsave(&unit->reg_lock, flags);
	fsts = readl(unit->regs + VTD_FSTS_REG);
	if (fsts & VTD_FSTS_PFO) {
		atomic64_inc(&unit->stats.overflows);
		pr_err_ratelimited("%s: fault log overflowed: faults were lost\n", unit->name);
	}
	idx = FIELD_GET(VTD_FSTS_FRI, fsts);
	while ((fsts & VTD_FSTS_PPF) && n < VTD_FAULT_BATCH) {
		frcd = unit->regs + unit->caps.fault_reg_offset +
		       (idx % unit->caps.nr_fault_regs) * VTD_FRCD_SIZE;
		recs[n].hi = readq(frcd + 8);
		if (!(recs[n].hi & VTD_FRCD_HI_F))
			break;
		recs[n].lo = readq(frcd);
		writel(upper_32_bits(VTD_FRCD_HI_F), frcd + 12);	/* write 1 to clear F */
		n++;
		idx++;
	}
	/*
	 * Write FSTS even with nothing to clear: the unit re-arms the fault
	 * event (clears FECTL.IP) once software has serviced every record.
	 */
	writel(VTD_FSTS_PFO | VTD_FSTS_PPF, unit->regs + VTD_FSTS_REG);
	raw_spin_unlock_irqrestore(&unit->reg_lock, flags);
	return n;
}

static irqreturn_t vtd_fault_thread(int irq, void *data)
{
	struct vtd_fault_rec recs[VTD_FAULT_BATCH];
	struct vtd_unit *unit = data;
	unsigned int n, i, pass;

	for (pass = 0; pass < VTD_FAULT_MAX_PASSES; pass++) {
		n = vtd_fault_drain(unit, recs);
		for (i = 0; i < n; i++)
			vtd_fault_report(unit, &recs[i]);
		if (n < VTD_FAULT_BATCH)
			break;
	}
	return IRQ_HANDLED;
}

/* ---- the interrupt: an irq domain on top of the x86 vector domain ---------- */

static void vtd_fault_write_msg(struct irq_data *d)
{
	struct vtd_unit *unit = irq_data_get_irq_chip_data(d);
	struct irq_data *parent = d->parent_data;
	struct msi_msg msg = {};

	parent->chip->irq_compose_msi_msg(parent, &msg);
	writel(msg.data, unit->regs + VTD_FEDATA_REG);
	writel(msg.address_lo, unit->regs + VTD_FEADDR_REG);
	writel(msg.address_hi, unit->regs + VTD_FEUADDR_REG);
}

static void vtd_fault_set_mask(struct irq_data *d, bool mask)
{
	struct vtd_unit *unit = irq_data_get_irq_chip_data(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&unit->reg_lock, flags);
	writel(mask ? VTD_FECTL_IM : 0, unit->regs + VTD_FECTL_REG);
	readl(unit->regs + VTD_FECTL_REG);
	raw_spin_unlock_irqrestore(&unit->reg_lock, flags);
}

static void vtd_fault_mask(struct irq_data *d)
{
	vtd_fault_set_mask(d, true);
}

static void vtd_fault_unmask(struct irq_data *d)
{
	vtd_fault_set_mask(d, false);
}

static int vtd_fault_set_affinity(struct irq_data *d, const struct cpumask *mask, bool force)
{
	struct irq_data *parent = d->parent_data;
	int ret = parent->chip->irq_set_affinity(parent, mask, force);

	if (ret >= 0 && ret != IRQ_SET_MASK_OK_DONE)
		vtd_fault_write_msg(d);
	return ret;
}

static struct irq_chip vtd_fault_chip = {
	.name			= "VTD-FAULT",
	.irq_mask		= vtd_fault_mask,
	.irq_unmask		= vtd_fault_unmask,
	.irq_ack		= irq_chip_ack_parent,
	.irq_retrigger		= irq_chip_retrigger_hierarchy,
	.irq_set_affinity	= vtd_fault_set_affinity,
	.flags			= IRQCHIP_SKIP_SET_WAKE | IRQCHIP_AFFINITY_PRE_STARTUP,
};

static int vtd_fault_domain_alloc(struct irq_domain *domain, unsigned int virq,
				  unsigned int nr, void *arg)
{
	struct irq_alloc_info *info = arg;
	int ret;

	if (nr != 1)
		return -EINVAL;
	ret = irq_domain_alloc_irqs_parent(domain, virq, nr, arg);
	if (ret)
		return ret;
	irq_domain_set_info(domain, virq, info->hwirq, &vtd_fault_chip, info->data,
			    handle_edge_irq, NULL, "edge");
	return 0;
}

static int vtd_fault_domain_activate(struct irq_domain *domain, struct irq_data *d, bool reserve)
{
	vtd_fault_write_msg(d);
	return 0;
}

static const struct irq_domain_ops vtd_fault_domain_ops = {
	.alloc		= vtd_fault_domain_alloc,
	.free		= irq_domain_free_irqs_common,
	.activate	= vtd_fault_domain_activate,
};

/**
 * vtd_fault_domain_init() - the irq domain the units' fault interrupts come from
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int vtd_fault_domain_init(void)
{
	struct fwnode_handle *fn = irq_domain_alloc_named_fwnode("VTD-FAULT");

	if (!fn)
		return -ENOMEM;
	vtd_fault_domain = irq_domain_create_hierarchy(x86_vector_domain, 0, VTD_MAX_UNITS, fn,
						       &vtd_fault_domain_ops, NULL);
	if (!vtd_fault_domain) {
		irq_domain_free_fwnode(fn);
		return -ENOMEM;
	}
	return 0;
}

/**
 * vtd_fault_domain_fini() - remove the fault irq domain (its irqs freed)
 *
 * Context: process context.
 */
void vtd_fault_domain_fini(void)
{
	struct fwnode_handle *fn;

	if (!vtd_fault_domain)
		return;
	fn = vtd_fault_domain->fwnode;
	irq_domain_remove(vtd_fault_domain);
	irq_domain_free_fwnode(fn);
	vtd_fault_domain = NULL;
}

/**
 * vtd_fault_init() - allocate and request the unit's fault interrupt
 * @unit: a mapped unit
 *
 * Faults already recorded (by firmware, say) are drained and reported once
 * the interrupt is live.
 *
 * Context: process context.
 * Return: 0, or a negative errno from the irq core.
 */
int vtd_fault_init(struct vtd_unit *unit)
{
	struct irq_alloc_info info = {
		.type = X86_IRQ_ALLOC_TYPE_DMAR, .hwirq = unit->idx, .data = unit,
	};
	int irq, ret;

	irq = __irq_domain_alloc_irqs(vtd_fault_domain, -1, 1, NUMA_NO_NODE, &info, false, NULL);
	if (irq < 0) {
		pr_err("%s: no interrupt for fault events (%d)\n", unit->name, irq);
		return irq;
	}
	ret = request_threaded_irq(irq, NULL, vtd_fault_thread, IRQF_ONESHOT, unit->name, unit);
	if (ret) {
		pr_err("%s: cannot request fault interrupt %d (%d)\n", unit->name, irq, ret);
		irq_dispose_mapping(irq);
		return ret;
	}
	unit->irq = irq;
	vtd_fault_thread(irq, unit);
	return 0;
}

/**
 * vtd_fault_fini() - mask and free the unit's fault interrupt
 * @unit: the unit
 *
 * Context: process context.
 */
void vtd_fault_fini(struct vtd_unit *unit)
{
	if (!unit->irq)
		return;
	free_irq(unit->irq, unit);
	irq_dispose_mapping(unit->irq);
	writel(VTD_FECTL_IM, unit->regs + VTD_FECTL_REG);
	unit->irq = 0;
}
