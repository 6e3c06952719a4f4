// SPDX-License-Identifier: GPL-2.0-only
/*
 * vtd module entry: find the DMAR table, validate it, bring up every usable
 * unit and hand it to the IOMMU core; on release, take everything back.
 *
 * Bring-up order, per unit: registers mapped and checked idle, invalidation
 * started, fault interrupt live, empty root table set; then every unit is
 * registered (the core attaches each device's default domain, writing its
 * context entries); then translation is turned on. Release runs backwards.
 *
 * Each device the core probes pins the module, so "rmmod vtd" works only
 * after "echo 0 > /sys/module/vtd/parameters/active" has released the
 * units, which is refused while a device with a driver uses a translating
 * or blocked domain (Documentation/design.rst).
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/acpi.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "vtd/vtd.h"

#if IS_ENABLED(CONFIG_INTEL_IOMMU)
/* Exported by drivers/iommu/intel/iommu.c; set when it took the units. */
extern int intel_iommu_enabled;
#endif

const struct vtd_dmar_table *vtd_table;
struct vtd_unit *vtd_units;
unsigned int vtd_nr_units;

static struct vtd_dmar_table *vtd_parsed;
static DEFINE_MUTEX(vtd_lock);
static bool vtd_active;

static bool vtd_want_qi = true;
module_param_named(qi, vtd_want_qi, bool, 0444);
MODULE_PARM_DESC(qi, "use queued invalidation where the unit has it (default); 0: registers");

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

const struct vtd_pci_topology vtd_live_topology = {
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

/* Undo vtd_unit_start() for one unit; safe on a partly started unit. */
static void vtd_unit_stop(struct vtd_unit *unit)
{
	vtd_fault_fini(unit);
	vtd_inv_fini(unit);
	vtd_unit_free_tables(unit);
	vtd_unit_unmap(unit);
}

static void vtd_units_down(void)
{
	while (vtd_nr_units)
		vtd_unit_stop(&vtd_units[--vtd_nr_units]);
	kfree(vtd_units);
	vtd_units = NULL;
	vtd_fault_domain_fini();
}

/* Registers, invalidation, fault interrupt, root table: all but translation. */
static int vtd_unit_start(struct vtd_unit *unit, const struct vtd_dmar_struct *drhd)
{
	int ret;

	ret = vtd_unit_map(unit, drhd);
	if (ret)
		return ret;
	ret = vtd_inv_init(unit, vtd_want_qi);
	if (!ret)
		ret = vtd_fault_init(unit);
	if (!ret)
		ret = vtd_unit_set_root(unit);
	if (ret)
		vtd_unit_stop(unit);
	return ret;
}

/* Start every usable unit; any failure stops the ones already started. */
static int vtd_units_up(const struct vtd_dmar_table *t)
{
	u32 i, usable = vtd_dmar_nr_usable_units(t);
	struct vtd_unit *unit;
	int ret;

	if (!usable) {
		pr_err("DMAR: no usable remapping unit in the table\n");
		return -EINVAL;
	}
	if (usable > VTD_MAX_UNITS) {
		pr_err("DMAR: %u units; vtd drives at most %u\n", usable, VTD_MAX_UNITS);
		return -EINVAL;
	}
	ret = vtd_fault_domain_init();
	if (ret)
		return ret;
	vtd_units = kcalloc(usable, sizeof(*vtd_units), GFP_KERNEL);
	if (!vtd_units) {
		vtd_fault_domain_fini();
		return -ENOMEM;
	}
	for (i = 0; i < t->nr_structs; i++) {
		if (t->structs[i].type != ACPI_DMAR_TYPE_HARDWARE_UNIT ||
		    t->structs[i].broken)
			continue;
		unit = &vtd_units[vtd_nr_units];
		unit->idx = vtd_nr_units;
		unit->drhd = i;
		snprintf(unit->name, sizeof(unit->name), "vtd%u", unit->idx);
		ret = vtd_unit_start(unit, &t->structs[i]);
		if (ret) {
			vtd_units_down();
			return ret;
		}
		vtd_nr_units++;
		vtd_unit_log(unit, t);
	}
	return 0;
}

/* Translation off everywhere, then the units taken back from the core. */
static int vtd_release(void)
{
	unsigned int i;
	char why[160];
	int ret;

	for (i = 0; i < vtd_nr_units; i++) {
		if (vtd_iommu_busy(&vtd_units[i], why, sizeof(why))) {
			pr_err("%s: not released: %s; unbind its driver first\n",
			       vtd_units[i].name, why);
			return -EBUSY;
		}
	}
	vtd_debugfs_exit();
	for (i = 0; i < vtd_nr_units; i++) {
		ret = vtd_unit_disable(&vtd_units[i]);
		if (ret)
			return ret;
	}
	for (i = 0; i < vtd_nr_units; i++) {
		vtd_iommu_disown_bound(&vtd_units[i]);
		vtd_iommu_unregister(&vtd_units[i]);
	}
	vtd_units_down();
	vtd_active = false;
	pr_info("released: translation off, every table freed\n");
	return 0;
}

/* Register every unit with the core, then turn translation on. */
static int vtd_go_live(void)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < vtd_nr_units && !ret; i++)
		ret = vtd_iommu_register(&vtd_units[i]);
	for (i = 0; i < vtd_nr_units && !ret; i++)
		ret = vtd_unit_enable(&vtd_units[i]);
	if (ret) {
		for (i = 0; i < vtd_nr_units; i++) {
			vtd_unit_disable(&vtd_units[i]);
			vtd_iommu_unregister(&vtd_units[i]);
		}
		return ret;
	}
	for (i = 0; i < vtd_nr_units; i++)
		vtd_iommu_adopt_bound(&vtd_units[i]);
	return 0;
}

static int vtd_active_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	mutex_lock(&vtd_lock);
	if (on && !vtd_active)
		ret = -EINVAL;	/* once released, reload the module */
	else if (!on && vtd_active)
		ret = vtd_release();
	mutex_unlock(&vtd_lock);
	return ret;
}

static int vtd_active_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(vtd_active) ? 'Y' : 'N');
}

static const struct kernel_param_ops vtd_active_ops = {
	.set = vtd_active_set,
	.get = vtd_active_get,
};
module_param_cb(active, &vtd_active_ops, NULL, 0644);
MODULE_PARM_DESC(active, "Y while vtd translates; write 0 to release the units before rmmod");

static int __init vtd_init(void)
{
	int ret;

#if IS_ENABLED(CONFIG_INTEL_IOMMU)
	if (intel_iommu_enabled) {
		pr_err("the in-tree intel-iommu driver owns the units; boot with intel_iommu=off intremap=off to use vtd\n");
		return -EBUSY;
	}
#endif
	ret = vtd_load_table(&vtd_parsed);
	if (ret)
		goto err;
	vtd_table = vtd_parsed;
	ret = vtd_units_up(vtd_table);
	if (ret)
		goto err;
	vtd_log_coverage(vtd_table);
	mutex_lock(&vtd_lock);
	ret = vtd_go_live();
	if (!ret) {
		vtd_active = true;
		vtd_debugfs_init();
	}
	mutex_unlock(&vtd_lock);
	if (ret) {
		vtd_units_down();
		goto err;
	}
	pr_info("%u unit(s) translating; invalidation %s\n", vtd_nr_units,
		vtd_units[0].use_qi ? "queued" : "by register");
	return 0;
err:
	vtd_dmar_free(vtd_parsed);
	vtd_parsed = NULL;
	vtd_table = NULL;
	return ret;
}

static void __exit vtd_exit(void)
{
	mutex_lock(&vtd_lock);
	if (vtd_active && vtd_release())
		pr_err("units could not be released cleanly\n");
	mutex_unlock(&vtd_lock);
	vtd_dmar_free(vtd_parsed);
	vtd_parsed = NULL;
	vtd_table = NULL;
	pr_info("unloaded\n");
}

module_init(vtd_init);
module_exit(vtd_exit);

MODULE_DESCRIPTION("Intel VT-d (DMAR) IOMMU driver");
MODULE_LICENSE("GPL");
