// SPDX-License-Identifier: GPL-2.0-only
/*
 * Invalidation of the unit's caches (spec 6.5): the context cache and the
 * IOTLB. Queued invalidation first (6.5.2): descriptors are written to a
 * ring, one invalidation-wait descriptor with a status write closes each
 * batch, and the submitter polls that status word for a bounded time.
 * Register-based invalidation (6.5.1) where the unit has no queue or the
 * queue is turned off with the module parameter qi=0.
 *
 * Every wait is bounded: a unit that does not answer gives -ETIMEDOUT, an
 * error the unit reports (IQE, ITE, ICE) gives -EIO; in both cases the
 * queue is reset so that later submissions work.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/delay.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/slab.h>

#include "vtd/vtd.h"

#define VTD_QI_SLOTS		(VTD_PAGE_SIZE / sizeof(struct vtd_qi_desc))
#define VTD_QI_BATCH		32	/* invalidations per wait descriptor */
#define VTD_INV_TIMEOUT_US	1000000
#define VTD_QI_ERRORS		(VTD_FSTS_IQE | VTD_FSTS_ITE | VTD_FSTS_ICE)

/* ---- queued invalidation ------------------------------------------------------ */

static void vtd_qi_start(struct vtd_unit *unit)
{
	unit->qi.tail = 0;
	writeq(0, unit->regs + VTD_IQT_REG);
	writeq(unit->qi.ring_pa, unit->regs + VTD_IQA_REG);	/* QS 0: one page, DW 0: 128-bit */
}

/*
 * The unit rejected the descriptor at the queue's head (IQE, spec 6.5.2.10):
 * name it, put a wait descriptor that changes nothing in its place (its
 * status write repeats the last value already completed), and clear IQE.
 * The unit then goes on from the head.
 */
static void vtd_qi_skip_rejected(struct vtd_unit *unit)
{
	struct vtd_qi *qi = &unit->qi;
	unsigned int slot = FIELD_GET(VTD_IQ_QI, readq(unit->regs + VTD_IQH_REG)) % VTD_QI_SLOTS;

	atomic64_inc(&unit->stats.inv_errors);
	pr_err("%s: invalidation queue error: descriptor %u (%#llx %#llx) rejected\n",
	       unit->name, slot, qi->ring[slot].qw0, qi->ring[slot].qw1);
	qi->ring[slot] = vtd_qi_wait(qi->seq - 1, qi->status_pa);
	writel(VTD_FSTS_IQE, unit->regs + VTD_FSTS_REG);
	/*
	 * The unit goes on once IQE is clear; writing the unchanged tail
	 * again also wakes units that look at the queue only on a tail write
	 * (QEMU's does).
	 */
	writeq(FIELD_PREP(VTD_IQ_QI, qi->tail), unit->regs + VTD_IQT_REG);
}

/*
 * The unit stopped on a time-out or completion error, or never answered:
 * say why, then restart the queue from slot 0 (turning QIE off resets the
 * head, spec 6.5.2).
 */
static int vtd_qi_restart(struct vtd_unit *unit, u32 fsts, int err)
{
	atomic64_inc(&unit->stats.inv_errors);
	if (fsts & VTD_FSTS_ITE)
		pr_err("%s: invalidation time-out error (device TLB)\n", unit->name);
	else if (fsts & VTD_FSTS_ICE)
		pr_err("%s: invalidation completion error\n", unit->name);
	else
		pr_err("%s: invalidation not completed within %u ms (tail %u)\n",
		       unit->name, VTD_INV_TIMEOUT_US / 1000, unit->qi.tail);
	writel(fsts & VTD_QI_ERRORS, unit->regs + VTD_FSTS_REG);
	if (vtd_gcmd_update(unit, 0, VTD_GCMD_QIE))
		return err;
	vtd_qi_start(unit);
	if (vtd_gcmd_update(unit, VTD_GCMD_QIE, 0))
		pr_err("%s: invalidation queue could not be restarted\n", unit->name);
	return err;
}

static void vtd_qi_put(struct vtd_qi *qi, struct vtd_qi_desc d)
{
	qi->ring[qi->tail] = d;
	qi->tail = (qi->tail + 1) % VTD_QI_SLOTS;
}

/*
 * Poll for the status write of wait number @seq: 0, -EIO (error in @fsts)
 * or -ETIMEDOUT. The 1 us delay is what bounds the wait: with none, the
 * atomic poll helpers count the timeout in loop iterations, not time.
 */
static int vtd_qi_poll(struct vtd_unit *unit, u32 seq, u32 *fsts)
{
	u32 done;
	int ret;

	*fsts = 0;
	ret = read_poll_timeout_atomic(READ_ONCE, done,
				       done == seq ||
				       ((*fsts = readl(unit->regs + VTD_FSTS_REG)) & VTD_QI_ERRORS),
				       1, VTD_INV_TIMEOUT_US, false, *unit->qi.status);
	if (ret)
		return ret;
	return done == seq ? 0 : -EIO;
}

/*
 * Queue up to VTD_QI_BATCH invalidations and a wait; poll for the status
 * write. A rejected descriptor is skipped and the rest of the batch still
 * runs; the caller learns of it as -EIO.
 */
static int vtd_qi_submit(struct vtd_unit *unit, const struct vtd_inv *inv, unsigned int n)
{
	struct vtd_qi *qi = &unit->qi;
	unsigned int i, skipped = 0;
	unsigned long flags;
	u32 fsts;
	int ret;

	raw_spin_lock_irqsave(&qi->lock, flags);
	for (i = 0; i < n; i++)
		vtd_qi_put(qi, vtd_qi_encode(&inv[i]));
	qi->seq++;
	vtd_qi_put(qi, vtd_qi_wait(qi->seq, qi->status_pa));
	writeq(FIELD_PREP(VTD_IQ_QI, qi->tail), unit->regs + VTD_IQT_REG);
	while ((ret = vtd_qi_poll(unit, qi->seq, &fsts)) == -EIO &&
	       (fsts & VTD_FSTS_IQE) && skipped++ <= n)
		vtd_qi_skip_rejected(unit);
	if (ret)
		ret = vtd_qi_restart(unit, fsts & VTD_QI_ERRORS, ret);
	else if (skipped)
		ret = -EIO;
	raw_spin_unlock_irqrestore(&qi->lock, flags);
	return ret;
}

/**
 * vtd_inv_inject_rejected() - submit a descriptor the unit must reject
 * @unit: the unit, with queued invalidation on
 *
 * For testing the error path (debugfs): type 0 is no invalidation the spec
 * defines, so the unit reports an invalidation queue error, which
 * vtd_qi_submit() handles as it would any other.
 *
 * Context: process.
 * Return: what the submission returned: -EIO when the unit rejected it,
 * -EOPNOTSUPP without queued invalidation.
 */
int vtd_inv_inject_rejected(struct vtd_unit *unit)
{
	struct vtd_inv bad = { .type = VTD_QI_TYPE_NONE };

	if (!unit->use_qi)
		return -EOPNOTSUPP;
	return vtd_qi_submit(unit, &bad, 1);
}

/* ---- register-based invalidation -------------------------------------------- */

static int vtd_reg_inv_one(struct vtd_unit *unit, const struct vtd_inv *inv)
{
	void __iomem *iotlb = unit->regs + unit->caps.iotlb_reg_offset;
	void __iomem *busy;
	u64 val, iva, bit;
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&unit->reg_lock, flags);
	if (inv->type == VTD_QI_TYPE_CC) {
		busy = unit->regs + VTD_CCMD_REG;
		bit = VTD_CCMD_ICC;
		writeq(vtd_ccmd_encode(inv), busy);
	} else {
		busy = iotlb + VTD_IOTLB_OFF;
		bit = VTD_IOTLB_IVT;
		val = vtd_iotlb_reg_encode(inv, &iva);
		if (inv->g == VTD_IOTLB_G_PAGE)
			writeq(iva, iotlb + VTD_IVA_OFF);
		writeq(val, busy);
	}
	ret = readq_poll_timeout_atomic(busy, val, !(val & bit), 1, VTD_INV_TIMEOUT_US);
	raw_spin_unlock_irqrestore(&unit->reg_lock, flags);
	if (ret)
		pr_err("%s: register-based invalidation not completed within %u ms\n",
		       unit->name, VTD_INV_TIMEOUT_US / 1000);
	return ret;
}

/* ---- interface ---------------------------------------------------------------- */

/**
 * vtd_inv_run() - perform invalidations and wait until they are done
 * @unit: the unit
 * @inv: the invalidations, in order
 * @n: how many
 *
 * Context: any; spins with interrupts off while the unit works.
 * Return: 0, -ETIMEDOUT or -EIO (the unit reported an error). On error the
 * caches may still hold stale entries; the queue itself is usable again.
 */
int vtd_inv_run(struct vtd_unit *unit, const struct vtd_inv *inv, unsigned int n)
{
	unsigned int i, chunk;
	int ret = 0;

	for (i = 0; i < n && !ret; i += chunk) {
		chunk = min(n - i, (unsigned int)VTD_QI_BATCH);
		if (unit->use_qi) {
			ret = vtd_qi_submit(unit, inv + i, chunk);
		} else {
			unsigned int j;

			for (j = 0; j < chunk && !ret; j++)
				ret = vtd_reg_inv_one(unit, &inv[i + j]);
		}
	}
	return ret;
}

/**
 * vtd_inv_iotlb_range() - forget the translations of a range in one domain
 * @unit: the unit
 * @did: the domain id
 * @first: first address
 * @last: last address (inclusive)
 * @ih: only leaf entries changed (no table was freed): the unit may keep
 *	its paging-structure caches
 *
 * One page-selective invalidation of the smallest aligned block holding the
 * range; domain-selective if the unit has no PSI or the block exceeds MAMV.
 *
 * Context: any.
 * Return: as vtd_inv_run().
 */
int vtd_inv_iotlb_range(struct vtd_unit *unit, u16 did, u64 first, u64 last, bool ih)
{
	struct vtd_inv inv = {
		.type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_PAGE, .did = did, .ih = ih,
		.drain = unit->cap & (VTD_CAP_DRD | VTD_CAP_DWD),
	};

	inv.am = vtd_psi_span(first, last, &inv.addr);
	if (!unit->caps.psi || inv.am > unit->caps.psi_max_mask)
		return vtd_inv_iotlb_domain(unit, did);
	return vtd_inv_run(unit, &inv, 1);
}

/**
 * vtd_inv_iotlb_domain() - forget every translation of one domain
 * @unit: the unit
 * @did: the domain id
 *
 * Context: any.
 * Return: as vtd_inv_run().
 */
int vtd_inv_iotlb_domain(struct vtd_unit *unit, u16 did)
{
	struct vtd_inv inv = {
		.type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_DOMAIN, .did = did,
		.drain = unit->cap & (VTD_CAP_DRD | VTD_CAP_DWD),
	};

	return vtd_inv_run(unit, &inv, 1);
}

/**
 * vtd_inv_context_device() - forget a device's context entry, then a
 * domain's translations
 * @unit: the unit
 * @cc_did: the domain id the context cache may hold the entry under
 * @sid: the source id (bus << 8 | devfn)
 * @did: the domain whose IOTLB entries go
 *
 * Context: any.
 * Return: as vtd_inv_run().
 */
int vtd_inv_context_device(struct vtd_unit *unit, u16 cc_did, u16 sid, u16 did)
{
	struct vtd_inv inv[2] = {
		{ .type = VTD_QI_TYPE_CC, .g = VTD_CC_DEVICE, .did = cc_did, .sid = sid },
		{ .type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_DOMAIN, .did = did },
	};

	return vtd_inv_run(unit, inv, 2);
}

/**
 * vtd_inv_all() - forget every cached context entry and translation
 * @unit: the unit
 *
 * Context: any.
 * Return: as vtd_inv_run().
 */
int vtd_inv_all(struct vtd_unit *unit)
{
	struct vtd_inv inv[2] = {
		{ .type = VTD_QI_TYPE_CC, .g = VTD_CC_GLOBAL },
		{ .type = VTD_QI_TYPE_IOTLB, .g = VTD_IOTLB_G_GLOBAL },
	};

	return vtd_inv_run(unit, inv, 2);
}

/**
 * vtd_write_buffer_flush() - drain the unit's write buffer (CAP.RWBF units)
 * @unit: the unit
 *
 * Context: any.
 */
void vtd_write_buffer_flush(struct vtd_unit *unit)
{
	if (unit->caps.rwbf && vtd_gcmd_update(unit, VTD_GCMD_WBF, 0))
		pr_err("%s: write-buffer flush not acknowledged\n", unit->name);
}

/**
 * vtd_inv_init() - choose and start the invalidation interface
 * @unit: a mapped, idle unit
 * @want_qi: use the queue if the unit has one
 *
 * Context: process context.
 * Return: 0, -ENOMEM, or -ETIMEDOUT if the queue would not start.
 */
int vtd_inv_init(struct vtd_unit *unit, bool want_qi)
{
	struct vtd_qi *qi = &unit->qi;
	int ret;

	raw_spin_lock_init(&qi->lock);
	unit->use_qi = want_qi && unit->caps.qi;
	if (!unit->use_qi)
		return 0;
	qi->ring = vtd_pt_kernel_env.alloc_table(unit, GFP_KERNEL);
	qi->status = kzalloc(sizeof(*qi->status), GFP_KERNEL);
	if (!qi->ring || !qi->status) {
		ret = -ENOMEM;
		goto err;
	}
	qi->ring_pa = virt_to_phys(qi->ring);
	qi->status_pa = virt_to_phys(qi->status);
	vtd_qi_start(unit);
	ret = vtd_gcmd_update(unit, VTD_GCMD_QIE, 0);
	if (ret)
		goto err;
	return 0;
err:
	if (qi->ring)
		vtd_pt_kernel_env.free_table(unit, qi->ring);
	kfree(qi->status);
	qi->ring = NULL;
	qi->status = NULL;
	unit->use_qi = false;
	return ret;
}

/**
 * vtd_inv_fini() - stop the invalidation queue and free it
 * @unit: the unit
 *
 * Context: process context.
 */
void vtd_inv_fini(struct vtd_unit *unit)
{
	if (!unit->use_qi)
		return;
	if (vtd_gcmd_update(unit, 0, VTD_GCMD_QIE)) {
		pr_err("%s: invalidation queue would not stop; leaving its memory\n", unit->name);
		return;
	}
	unit->use_qi = false;
	vtd_pt_kernel_env.free_table(unit, unit->qi.ring);
	kfree(unit->qi.status);
	unit->qi.ring = NULL;
	unit->qi.status = NULL;
}
