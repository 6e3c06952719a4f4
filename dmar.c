// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-unit hardware: claiming and mapping a unit's registers, reading what it
 * can do, refusing a unit that someone else already drives, the global
 * command handshake, the root table, and translation on and off.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/iopoll.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <asm/cacheflush.h>

#include "vtd/vtd.h"

/* Claim and map @size bytes of registers at @unit->reg_phys. */
static int vtd_unit_claim(struct vtd_unit *unit, u32 size)
{
	if (!request_mem_region(unit->reg_phys, size, unit->name)) {
		pr_err("%s: registers at %#llx are busy: another driver owns this unit (is the in-tree intel-iommu on? boot with intel_iommu=off intremap=off)\n",
		       unit->name, unit->reg_phys);
		return -EBUSY;
	}
	unit->regs = ioremap(unit->reg_phys, size);
	if (!unit->regs) {
		release_mem_region(unit->reg_phys, size);
		pr_err("%s: cannot map registers at %#llx\n", unit->name, unit->reg_phys);
		return -ENOMEM;
	}
	unit->reg_size = size;
	return 0;
}

static void vtd_unit_release(struct vtd_unit *unit)
{
	if (!unit->regs)
		return;
	iounmap(unit->regs);
	release_mem_region(unit->reg_phys, unit->reg_size);
	unit->regs = NULL;
}

/*
 * A unit with translation, queued invalidation or interrupt remapping
 * already on belongs to someone (firmware, a kexec'd kernel, the in-tree
 * driver): its tables are live, so it is not ours to reprogram.
 */
static int vtd_unit_check_idle(const struct vtd_unit *unit)
{
	u32 gsts = readl(unit->regs + VTD_GSTS_REG);

	if (!(gsts & (VTD_GCMD_TE | VTD_GCMD_QIE | VTD_GCMD_IRE)))
		return 0;
	pr_err("%s: already in use (GSTS %#x:%s%s%s), by firmware, a previous kernel or the in-tree driver; boot with intel_iommu=off intremap=off\n",
	       unit->name, gsts,
	       gsts & VTD_GCMD_TE ? " translation" : "",
	       gsts & VTD_GCMD_QIE ? " queued-invalidation" : "",
	       gsts & VTD_GCMD_IRE ? " interrupt-remapping" : "");
	return -EBUSY;
}

/*
 * The depth for the unit's domains: the shallowest one that covers the
 * unit's address width (fewer levels, shorter walks), else the deepest.
 */
static u8 vtd_unit_levels(const struct vtd_caps *c)
{
	unsigned int bit, best = 0;

	for (bit = 1; bit <= 3; bit++) {
		if (!(c->sagaw & BIT(bit)))
			continue;
		best = bit;
		if (vtd_sagaw_width(bit) >= c->mgaw)
			break;
	}
	return best ? best + 2 : 0;
}

/**
 * vtd_unit_map() - claim a unit's registers and read its capabilities
 * @unit: the unit; @idx and @name set by the caller
 * @drhd: its DRHD
 *
 * Maps one page (or the DRHD's declared size), reads VER/CAP/ECAP, then
 * widens the mapping if the fault-recording or IOTLB registers lie beyond.
 *
 * Context: process context.
 * Return: 0, -EBUSY if another driver owns the unit, -ENOMEM, or -ENODEV
 * if the registers read as all ones (nothing there).
 */
int vtd_unit_map(struct vtd_unit *unit, const struct vtd_dmar_struct *drhd)
{
	u32 size = VTD_REG_MIN_SIZE << min_t(u8, drhd->drhd.size, 4);
	u32 span;
	int ret;

	raw_spin_lock_init(&unit->reg_lock);
	mutex_init(&unit->ctx_lock);
	ida_init(&unit->dids);
	xa_init(&unit->devs);
	unit->segment = drhd->drhd.segment;
	unit->reg_phys = drhd->drhd.address;
	ret = vtd_unit_claim(unit, size);
	if (ret)
		return ret;
	unit->ver = readl(unit->regs + VTD_VER_REG);
	unit->cap = lo_hi_readq(unit->regs + VTD_CAP_REG);
	unit->ecap = lo_hi_readq(unit->regs + VTD_ECAP_REG);
	if (unit->ver == ~0U || unit->cap == ~0ULL || unit->ecap == ~0ULL) {
		pr_err("%s: registers at %#llx read as all ones; no unit there\n",
		       unit->name, unit->reg_phys);
		ret = -ENODEV;
		goto err;
	}
	vtd_caps_decode(unit->ver, unit->cap, unit->ecap, &unit->caps);
	unit->levels = vtd_unit_levels(&unit->caps);
	if (!unit->levels) {
		pr_err("%s: no second-level table depth within its %u-bit width (CAP %#llx)\n",
		       unit->name, unit->caps.mgaw, unit->cap);
		ret = -ENODEV;
		goto err;
	}

	span = vtd_caps_reg_span(&unit->caps);
	if (span > size) {
		vtd_unit_release(unit);
		ret = vtd_unit_claim(unit, span);
		if (ret)
			return ret;
	}
	ret = vtd_unit_check_idle(unit);
	if (ret)
		goto err;
	return 0;
err:
	vtd_unit_release(unit);
	return ret;
}

/**
 * vtd_unit_unmap() - give back a unit's registers
 * @unit: a unit vtd_unit_map() succeeded on (or one with no mapping)
 */
void vtd_unit_unmap(struct vtd_unit *unit)
{
	vtd_unit_release(unit);
}

/**
 * vtd_unit_log() - one line saying what the unit is, can do and covers
 * @unit: a mapped unit
 * @t: the table holding its DRHD
 */
void vtd_unit_log(const struct vtd_unit *unit, const struct vtd_dmar_table *t)
{
	const struct vtd_dmar_struct *s = &t->structs[unit->drhd];
	const struct vtd_caps *c = &unit->caps;
	const struct vtd_dmar_scope *sc;
	char buf[512], one[64];
	size_t n = 0;

	if (s->drhd.flags & ACPI_DMAR_INCLUDE_ALL)
		n += scnprintf(buf + n, sizeof(buf) - n, " all PCI devices of the segment;");
	vtd_dmar_for_each_scope(t, s, sc)
		n += scnprintf(buf + n, sizeof(buf) - n, " %s;",
			       vtd_dmar_scope_str(sc, one, sizeof(one)));
	if (!n)
		n = scnprintf(buf, sizeof(buf), " nothing;");
	if (buf[n - 1] == ';')
		buf[n - 1] = '\0';
	pr_info("%s: DRHD at %#llx segment %u flags %#x: VER %u.%u, %u-bit max, levels%s%s%s, %u domains, %u fault reg(s), superpages%s%s%s,%s%s%s%s%s%s%s%s; covers%s\n",
		unit->name, unit->reg_phys, unit->segment, s->drhd.flags,
		c->ver_major, c->ver_minor, c->mgaw,
		c->sagaw & VTD_SAGAW_3LEVEL ? " 3" : "",
		c->sagaw & VTD_SAGAW_4LEVEL ? " 4" : "",
		c->sagaw & VTD_SAGAW_5LEVEL ? " 5" : "",
		c->nr_domains, c->nr_fault_regs,
		c->sllps ? "" : " none", c->sllps & 1 ? " 2M" : "", c->sllps & 2 ? " 1G" : "",
		c->qi ? " QI" : "", c->ir ? " IR" : "", c->pt ? " PT" : "",
		c->psi ? " PSI" : "", c->caching_mode ? " CM" : "",
		c->rwbf ? " RWBF" : "", c->smts ? " SM" : "",
		c->coherent ? " coherent" : " non-coherent", buf);
}

/* How long the unit may take to acknowledge a global command. */
#define VTD_GCMD_TIMEOUT_US	100000

/* GCMD bits that stay set (the others are one-shot commands). */
#define VTD_GCMD_PERSISTENT	(VTD_GCMD_TE | VTD_GCMD_QIE | VTD_GCMD_IRE | VTD_GCMD_CFI)

static bool vtd_gsts_done(u32 sts, u32 cmd, u32 set)
{
	if ((sts & VTD_GCMD_PERSISTENT) != (cmd & VTD_GCMD_PERSISTENT))
		return false;
	if ((set & VTD_GCMD_SRTP) && !(sts & VTD_GCMD_SRTP))	/* RTPS: pointer latched */
		return false;
	if ((set & VTD_GCMD_WBF) && (sts & VTD_GCMD_WBF))	/* WBFS: flush running */
		return false;
	return true;
}

/**
 * vtd_gcmd_update() - issue a global command and wait for its status
 * @unit: the unit
 * @set: GCMD bits to set (enables, or one-shot commands such as SRTP)
 * @clear: enables to turn off
 *
 * GCMD is write-only and every write restates all the enables (spec
 * 11.4.4), so the unit's shadow supplies the bits not being changed.
 *
 * Context: any; takes the unit's reg_lock.
 * Return: 0, or -ETIMEDOUT if the unit did not acknowledge in 100 ms.
 */
int vtd_gcmd_update(struct vtd_unit *unit, u32 set, u32 clear)
{
	u32 cmd, sts;
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&unit->reg_lock, flags);
	cmd = (unit->gcmd | set) & ~clear;
	writel(cmd, unit->regs + VTD_GCMD_REG);
	ret = readl_poll_timeout_atomic(unit->regs + VTD_GSTS_REG, sts,
					vtd_gsts_done(sts, cmd, set), 1, VTD_GCMD_TIMEOUT_US);
	if (!ret)
		unit->gcmd = cmd & VTD_GCMD_PERSISTENT;
	raw_spin_unlock_irqrestore(&unit->reg_lock, flags);
	if (ret)
		pr_err("%s: global command %#x not acknowledged (GSTS %#x)\n",
		       unit->name, cmd, sts);
	return ret;
}

/**
 * vtd_flush_cpu_cache() - make a table update visible to a non-snooping unit
 * @unit: the unit that walks the memory
 * @addr: first byte written
 * @len: bytes
 *
 * Context: any.
 */
void vtd_flush_cpu_cache(const struct vtd_unit *unit, void *addr, size_t len)
{
	if (!unit->caps.coherent)
		clflush_cache_range(addr, len);
}

/* Protected memory regions block DMA to their ranges; vtd does not use them. */
static int vtd_disable_pmr(struct vtd_unit *unit)
{
	u32 sts;

	if (!(unit->cap & (VTD_CAP_PLMR | VTD_CAP_PHMR)))
		return 0;
	if (!(readl(unit->regs + VTD_PMEN_REG) & VTD_PMEN_EPM))
		return 0;
	writel(0, unit->regs + VTD_PMEN_REG);
	return readl_poll_timeout_atomic(unit->regs + VTD_PMEN_REG, sts,
					 !(sts & VTD_PMEN_PRS), 1, VTD_GCMD_TIMEOUT_US);
}

/**
 * vtd_unit_set_root() - give the unit an empty root table
 * @unit: a mapped unit with its invalidation set up
 *
 * Translation stays off: the core attaches domains (context entries) next,
 * then vtd_unit_enable() turns translation on.
 *
 * Context: process context.
 * Return: 0, -ENOMEM, -ETIMEDOUT or an invalidation error.
 */
int vtd_unit_set_root(struct vtd_unit *unit)
{
	int ret;

	if (!unit->root) {
		unit->root = vtd_pt_kernel_env.alloc_table(unit, GFP_KERNEL);
		if (!unit->root)
			return -ENOMEM;
		vtd_flush_cpu_cache(unit, unit->root, VTD_PAGE_SIZE);
		unit->root_pa = virt_to_phys(unit->root);
	}
	lo_hi_writeq(unit->root_pa, unit->regs + VTD_RTADDR_REG);
	ret = vtd_gcmd_update(unit, VTD_GCMD_SRTP, 0);
	if (ret)
		return ret;
	return vtd_inv_all(unit);
}

/**
 * vtd_unit_enable() - translation on
 * @unit: a unit with its root table set
 *
 * From here a device without a context entry has its DMA blocked and
 * reported.
 *
 * Context: process context.
 * Return: 0, -ETIMEDOUT, or an error turning protected memory off.
 */
int vtd_unit_enable(struct vtd_unit *unit)
{
	int ret;

	ret = vtd_disable_pmr(unit);
	if (ret) {
		pr_err("%s: protected memory regions stay enabled\n", unit->name);
		return ret;
	}
	ret = vtd_inv_all(unit);
	if (ret)
		return ret;
	ret = vtd_gcmd_update(unit, VTD_GCMD_TE, 0);
	if (ret)
		return ret;
	unit->enabled = true;
	return 0;
}

/**
 * vtd_unit_disable() - translation off
 * @unit: the unit; no device may depend on translation any more
 *
 * Context: process context.
 * Return: 0, or -ETIMEDOUT (translation is still on).
 */
int vtd_unit_disable(struct vtd_unit *unit)
{
	int ret;

	if (!unit->enabled)
		return 0;
	ret = vtd_gcmd_update(unit, 0, VTD_GCMD_TE);
	if (ret) {
		pr_err("%s: translation could not be turned off; keeping its tables\n",
		       unit->name);
		return ret;
	}
	unit->enabled = false;
	return 0;
}

/**
 * vtd_unit_free_tables() - free the root and context tables and the 1:1 table
 * @unit: a unit with translation off
 *
 * Context: process context.
 */
void vtd_unit_free_tables(struct vtd_unit *unit)
{
	if (unit->enabled || !unit->root)
		return;
	vtd_ctx_free_tables(unit);
	vtd_pt_kernel_env.free_table(unit, unit->root);
	unit->root = NULL;
	if (unit->identity_pt) {
		vtd_pt_destroy(unit->identity_pt);
		kfree(unit->identity_pt);
		unit->identity_pt = NULL;
	}
}
