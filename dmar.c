// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-unit hardware: claiming and mapping a unit's registers, reading what it
 * can do, and refusing a unit that someone else already drives.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/printk.h>

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
