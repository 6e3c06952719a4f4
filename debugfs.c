// SPDX-License-Identifier: GPL-2.0-only
/*
 * debugfs: what the unit is given to walk, and error injection, so that the
 * paths real hardware takes only when something is wrong can be tested.
 * /sys/kernel/debug/vtd/<unit>/
 *
 *   contexts  (read) the present context entries, one per line:
 *	"BB:DD.F did N translate table 0x... levels L" or "... pass-through"
 *   inject_rejected_descriptor  (write) queue an invalidation descriptor of
 *	a type the spec does not define; the unit rejects it with an
 *	invalidation queue error, which vtd recovers from as from any other.
 *	The write fails with what the submission returned (EIO).
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/pci.h>
#include <linux/seq_file.h>

#include "vtd/vtd.h"

static struct dentry *vtd_debugfs_root;

static void vtd_context_show_one(u16 sid, struct vtd_context_entry ce, void *arg)
{
	struct seq_file *m = arg;

	seq_printf(m, "%02x:%02x.%d did %lu ", PCI_BUS_NUM(sid), PCI_SLOT(sid), PCI_FUNC(sid),
		   (unsigned long)FIELD_GET(VTD_CTX_HI_DID, ce.hi));
	if (FIELD_GET(VTD_CTX_LO_TT, ce.lo) == VTD_CTX_TT_PASS)
		seq_puts(m, "pass-through\n");
	else
		seq_printf(m, "translate table %#llx levels %lu\n",
			   FIELD_GET(VTD_CTX_LO_SLPTPTR, ce.lo) << VTD_PAGE_SHIFT,
			   (unsigned long)FIELD_GET(VTD_CTX_HI_AW, ce.hi) + 2);
}

static int vtd_contexts_show(struct seq_file *m, void *unused)
{
	vtd_ctx_walk_present(m->private, vtd_context_show_one, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vtd_contexts);

static ssize_t vtd_inject_rejected_write(struct file *file, const char __user *buf,
					 size_t len, loff_t *pos)
{
	struct vtd_unit *unit = file->private_data;
	int ret;

	pr_info("%s: injecting a descriptor the unit must reject\n", unit->name);
	ret = vtd_inv_inject_rejected(unit);
	return ret ?: len;
}

static const struct file_operations vtd_inject_rejected_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = vtd_inject_rejected_write,
	.llseek = noop_llseek,
};

/**
 * vtd_debugfs_init() - create /sys/kernel/debug/vtd/<unit>/ for every unit
 *
 * debugfs is optional: a failure here is not an error.
 *
 * Context: process.
 */
void vtd_debugfs_init(void)
{
	struct dentry *dir;
	unsigned int i;

	vtd_debugfs_root = debugfs_create_dir("vtd", NULL);
	for (i = 0; i < vtd_nr_units; i++) {
		dir = debugfs_create_dir(vtd_units[i].name, vtd_debugfs_root);
		debugfs_create_file("contexts", 0400, dir, &vtd_units[i], &vtd_contexts_fops);
		if (vtd_units[i].use_qi)
			debugfs_create_file("inject_rejected_descriptor", 0200, dir, &vtd_units[i],
					    &vtd_inject_rejected_fops);
	}
}

/**
 * vtd_debugfs_exit() - remove what vtd_debugfs_init() created
 *
 * Waits for writes in progress to finish.
 *
 * Context: process.
 */
void vtd_debugfs_exit(void)
{
	debugfs_remove_recursive(vtd_debugfs_root);
	vtd_debugfs_root = NULL;
}
