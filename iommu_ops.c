// SPDX-License-Identifier: GPL-2.0-only
/*
 * vtd module entry: find the DMAR table, validate it, and bring up every
 * usable unit; on unload, give the units back.
 *
 * The IOMMU-core glue (struct iommu_ops, domains, attach) arrives here with
 * the DMA-remapping core; until then the module claims and describes the
 * units without enabling translation.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/acpi.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "vtd/vtd.h"

#if IS_ENABLED(CONFIG_INTEL_IOMMU)
/* Exported by drivers/iommu/intel/iommu.c; set when it took the units. */
extern int intel_iommu_enabled;
#endif

static struct vtd_dmar_table *vtd_table;
static struct vtd_unit *vtd_units;
static unsigned int vtd_nr_units;

static void vtd_log_findings(const struct vtd_dmar_table *t)
{
	const struct vtd_dmar_finding *f;

	for (f = t->findings; f < t->findings + t->nr_findings; f++) {
		if (f->severity == VTD_DMAR_ERR)
			pr_err("DMAR: %s\n", f->msg);
		else if (f->severity == VTD_DMAR_WARN)
			pr_warn("DMAR: %s\n", f->msg);
		else
			pr_info("DMAR: %s\n", f->msg);
	}
	if (t->nr_lost_findings)
		pr_warn("DMAR: %u more findings not shown\n", t->nr_lost_findings);
}

/* Copy and parse the firmware's DMAR table; the ACPI mapping is put at once. */
static int vtd_load_table(struct vtd_dmar_table **out)
{
	struct acpi_table_header *hdr;
	acpi_status status;
	char flags[64];
	int ret;

	status = acpi_get_table(ACPI_SIG_DMAR, 0, &hdr);
	if (ACPI_FAILURE(status)) {
		pr_err("no ACPI DMAR table: firmware reports no VT-d unit\n");
		return -ENODEV;
	}
	ret = vtd_dmar_parse(hdr, hdr->length, out);
	acpi_put_table(hdr);
	if (*out)
		vtd_log_findings(*out);
	if (ret)
		return ret;
	pr_info("DMAR: revision %u, OEM \"%s\", host address width %u, flags %#x%s\n",
		(*out)->revision, (*out)->oem_id, (*out)->haw, (*out)->flags,
		vtd_dmar_flags_str((*out)->flags, flags, sizeof(flags)));
	return 0;
}

/* The live PCI hierarchy, as scope resolution asks for it. */
static bool vtd_pci_bridge_buses(void *ctx, u16 seg, u8 bus, u8 devfn, u8 *sec, u8 *sub)
{
	struct pci_dev *pdev = pci_get_domain_bus_and_slot(seg, bus, devfn);
	bool found = pdev && pdev->subordinate;

	if (found) {
		*sec = pdev->subordinate->number;
		*sub = pdev->subordinate->busn_res.end;
	}
	pci_dev_put(pdev);
	return found;
}

static const struct vtd_pci_topology vtd_live_topology = {
	.bridge_buses = vtd_pci_bridge_buses,
};

/* Say how many PCI functions each unit covers, and name those no unit does. */
static void vtd_log_coverage(const struct vtd_dmar_table *t)
{
	struct pci_dev *pdev = NULL;
	unsigned int i;
	int drhd;

	for_each_pci_dev(pdev) {
		drhd = vtd_dmar_unit_for_pci(t, &vtd_live_topology, pci_domain_nr(pdev->bus),
					     pdev->bus->number, pdev->devfn);
		for (i = 0; i < vtd_nr_units; i++)
			if (vtd_units[i].drhd == drhd)
				vtd_units[i].nr_pci_devs++;
		if (drhd < 0)
			pci_info(pdev, "vtd: no remapping unit covers this device\n");
	}
	for (i = 0; i < vtd_nr_units; i++)
		pr_info("%s: %u PCI device(s) in scope\n", vtd_units[i].name,
			vtd_units[i].nr_pci_devs);
}

static void vtd_units_down(void)
{
	while (vtd_nr_units)
		vtd_unit_unmap(&vtd_units[--vtd_nr_units]);
	kfree(vtd_units);
	vtd_units = NULL;
}

/* Claim every usable unit; any failure gives back the ones already claimed. */
static int vtd_units_up(const struct vtd_dmar_table *t)
{
	u32 i, usable = vtd_dmar_nr_usable_units(t);
	struct vtd_unit *unit;
	int ret;

	if (!usable) {
		pr_err("DMAR: no usable remapping unit in the table\n");
		return -EINVAL;
	}
	vtd_units = kcalloc(usable, sizeof(*vtd_units), GFP_KERNEL);
	if (!vtd_units)
		return -ENOMEM;
	for (i = 0; i < t->nr_structs; i++) {
		if (t->structs[i].type != ACPI_DMAR_TYPE_HARDWARE_UNIT ||
		    t->structs[i].broken)
			continue;
		unit = &vtd_units[vtd_nr_units];
		unit->idx = vtd_nr_units;
		unit->drhd = i;
		snprintf(unit->name, sizeof(unit->name), "vtd%u", unit->idx);
		ret = vtd_unit_map(unit, &t->structs[i]);
		if (ret) {
			vtd_units_down();
			return ret;
		}
		vtd_nr_units++;
		vtd_unit_log(unit, t);
	}
	return 0;
}

static int __init vtd_init(void)
{
	int ret;

#if IS_ENABLED(CONFIG_INTEL_IOMMU)
	if (intel_iommu_enabled) {
		pr_err("the in-tree intel-iommu driver owns the units; boot with intel_iommu=off intremap=off to use vtd\n");
		return -EBUSY;
	}
#endif
	ret = vtd_load_table(&vtd_table);
	if (ret)
		goto err;
	ret = vtd_units_up(vtd_table);
	if (ret)
		goto err;
	vtd_log_coverage(vtd_table);
	pr_info("%u unit(s) ready; translation is not enabled yet\n", vtd_nr_units);
	return 0;
err:
	vtd_dmar_free(vtd_table);
	vtd_table = NULL;
	return ret;
}

static void __exit vtd_exit(void)
{
	vtd_units_down();
	vtd_dmar_free(vtd_table);
	vtd_table = NULL;
	pr_info("unloaded\n");
}

module_init(vtd_init);
module_exit(vtd_exit);

MODULE_DESCRIPTION("Intel VT-d (DMAR) IOMMU driver");
MODULE_LICENSE("GPL");
