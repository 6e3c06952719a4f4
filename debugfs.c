// SPDX-License-Identifier: GPL-2.0-only
/*
 * debugfs: error injection, so that the paths real hardware takes only when
 * something is wrong can be tested. /sys/kernel/debug/vtd/<unit>/
 *
 *   inject_rejected_descriptor  (write) queue an invalidation descriptor of
 *	a type the spec does not define; the unit rejects it with an
 *	invalidation queue error, which vtd recovers from as from any other.
 *	The write fails with what the submission returned (EIO).
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>

#include "vtd/vtd.h"

static struct dentry *vtd_debugfs_root;

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
