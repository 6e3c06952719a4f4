// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IOMMU core's view of vtd: probing the PCI functions in the units'
 * scopes, their groups, the identity, blocked and paging domains, attach,
 * map/unmap and the IOTLB flushes that make an unmap final, reserved regions,
 * and registration of each unit.
 */
#define pr_fmt(fmt) "vtd: " fmt

#include <linux/dma-map-ops.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <asm/cacheflush.h>

#include "vtd/vtd.h"

/* The interrupt window: DMA writes there are MSIs, not memory (spec 3.15). */
#define VTD_MSI_BASE		0xfee00000ULL
#define VTD_MSI_SIZE		0x100000ULL

static const struct iommu_ops vtd_ops;
static const struct iommu_domain_ops vtd_paging_ops;
static const struct iommu_domain_ops vtd_paging_ops_sync_map;

/* Units that may cache not-present entries, or buffer writes, need a map flush. */
static bool vtd_unit_needs_sync_map(const struct vtd_unit *unit)
{
	return unit->caps.caching_mode || unit->caps.rwbf;
}

/* ---- table memory, accounted as the in-tree iommu-pages helpers do ----------- */

static void vtd_table_account(struct page *page, int n)
{
	mod_node_page_state(page_pgdat(page), NR_IOMMU_PAGES, n);
	mod_lruvec_page_state(page, NR_SECONDARY_PAGETABLE, n);
}

static void *vtd_table_alloc(void *ctx, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp | __GFP_ZERO, 0);

	if (!page)
		return NULL;
	vtd_table_account(page, 1);
	return page_address(page);
}

/* Also how the IOMMU core frees a flush queue's pages: keep them in step. */
static void vtd_table_free(void *ctx, void *table)
{
	struct page *page = virt_to_page(table);

	vtd_table_account(page, -1);
	put_page(page);
}

static struct list_head *vtd_table_link(void *table)
{
	return &virt_to_page(table)->lru;
}

static void *vtd_link_table(struct list_head *link)
{
	return page_address(list_entry(link, struct page, lru));
}

/* Tables every unit walks coherently need no write-back. */
static const struct vtd_pt_env vtd_pt_env_coherent = {
	.alloc_table = vtd_table_alloc,
	.free_table = vtd_table_free,
	.table_link = vtd_table_link,
	.link_table = vtd_link_table,
};

const struct vtd_pt_env vtd_pt_kernel_env = {
	.alloc_table = vtd_table_alloc,
	.free_table = vtd_table_free,
	.table_link = vtd_table_link,
	.link_table = vtd_link_table,
	.flush = clflush_cache_range,
};

static const struct vtd_pt_env *vtd_pt_env(void)
{
	unsigned int i;

	for (i = 0; i < vtd_nr_units; i++)
		if (!vtd_units[i].caps.coherent)
			return &vtd_pt_kernel_env;
	return &vtd_pt_env_coherent;
}

/* ---- domain ids and attach bookkeeping ---------------------------------------- */

static struct vtd_domain *to_vtd_domain(struct iommu_domain *d)
{
	return container_of(d, struct vtd_domain, domain);
}

/* A domain id for @dom on @unit, shared by every device attached through it. */
static int vtd_domain_get_did(struct vtd_domain *dom, struct vtd_unit *unit)
{
	int did;

	mutex_lock(&dom->mutex);
	if (!dom->refs[unit->idx]) {
		did = ida_alloc_range(&unit->dids, VTD_FIRST_DID, unit->caps.nr_domains - 1,
				      GFP_KERNEL);
		if (did < 0) {
			mutex_unlock(&dom->mutex);
			pr_err("%s: out of domain ids\n", unit->name);
			return did;
		}
		WRITE_ONCE(dom->did[unit->idx], did);
	}
	dom->refs[unit->idx]++;
	did = dom->did[unit->idx];
	mutex_unlock(&dom->mutex);
	return did;
}

static void vtd_domain_put_did(struct vtd_domain *dom, struct vtd_unit *unit)
{
	mutex_lock(&dom->mutex);
	if (!WARN_ON_ONCE(!dom->refs[unit->idx]) && !--dom->refs[unit->idx]) {
		ida_free(&unit->dids, dom->did[unit->idx]);
		WRITE_ONCE(dom->did[unit->idx], 0);
	}
	mutex_unlock(&dom->mutex);
}

/* Record the device's new domain; drop what it held on the old one. */
static void vtd_dev_set_domain(struct vtd_dev *vdev, struct iommu_domain *d)
{
	struct iommu_domain *old = vdev->domain;

	WRITE_ONCE(vdev->domain, d);
	if (old && old->type & __IOMMU_DOMAIN_PAGING)
		vtd_domain_put_did(to_vtd_domain(old), vdev->unit);
}

/* ---- identity and blocked domains ---------------------------------------------- */

static int vtd_identity_map_ram(struct resource *res, void *arg)
{
	struct vtd_pt *pt = arg;
	u64 first = ALIGN_DOWN(res->start, VTD_PAGE_SIZE), end = ALIGN(res->end + 1, VTD_PAGE_SIZE);
	u64 mapped;
	int ret;

	ret = vtd_pt_map(pt, first, first, end - first, VTD_PT_READ | VTD_PT_WRITE,
			 GFP_KERNEL, &mapped, NULL);
	if (ret == -ERANGE) {
		pr_warn("RAM at %#llx-%#llx is beyond the unit's width: not in the identity map\n",
			first, end - 1);
		ret = 0;
	}
	return ret == -EADDRINUSE ? 0 : ret;
}

/* A 1:1 table of all RAM, for identity domains on units without ECAP.PT. */
static struct vtd_pt *vtd_identity_table(struct vtd_unit *unit)
{
	struct vtd_pt_cfg cfg = { .levels = unit->levels, .sllps = unit->caps.sllps };
	struct vtd_pt *pt;

	mutex_lock(&unit->ctx_lock);
	pt = unit->identity_pt;
	if (pt)
		goto out;
	pt = kzalloc(sizeof(*pt), GFP_KERNEL);
	if (!pt || vtd_pt_init(pt, &cfg, vtd_pt_env(), NULL, GFP_KERNEL)) {
		kfree(pt);
		pt = NULL;
		goto out;
	}
	if (walk_iomem_res_desc(IORES_DESC_NONE, IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY,
				0, -1, pt, vtd_identity_map_ram) < 0) {
		vtd_pt_destroy(pt);
		kfree(pt);
		pt = NULL;
		goto out;
	}
	unit->identity_pt = pt;
out:
	mutex_unlock(&unit->ctx_lock);
	return pt;
}

static bool vtd_use_pass_through = true;
module_param_named(pass_through, vtd_use_pass_through, bool, 0444);
MODULE_PARM_DESC(pass_through,
		 "identity domains use context pass-through where the unit has it (default), else a 1:1 table");

static int vtd_attach_identity(struct iommu_domain *d, struct device *dev)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);
	struct vtd_unit *unit = vdev->unit;
	struct vtd_pt *pt = NULL;
	int ret;

	if (!vtd_use_pass_through || !unit->caps.pt) {
		pt = vtd_identity_table(unit);
		if (!pt)
			return -ENOMEM;
	}
	ret = vtd_ctx_set(unit, to_pci_dev(dev), VTD_IDENTITY_DID,
			  pt ? VTD_CTX_TT_TRANSLATE : VTD_CTX_TT_PASS, pt ? pt->top_pa : 0);
	if (ret)
		return ret;
	vtd_dev_set_domain(vdev, d);
	return 0;
}

static int vtd_attach_blocked(struct iommu_domain *d, struct device *dev)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);

	vtd_ctx_clear(vdev->unit, to_pci_dev(dev));
	vtd_dev_set_domain(vdev, d);
	return 0;
}

static struct iommu_domain vtd_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &(const struct iommu_domain_ops) { .attach_dev = vtd_attach_identity },
};

static struct iommu_domain vtd_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &(const struct iommu_domain_ops) { .attach_dev = vtd_attach_blocked },
};

/* ---- paging domains --------------------------------------------------------------- */

static struct iommu_domain *vtd_domain_alloc_paging(struct device *dev)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);
	struct vtd_unit *unit = vdev->unit;
	struct vtd_pt_cfg cfg = {
		.levels = unit->levels, .sllps = unit->caps.sllps, .snoop = unit->caps.sc,
	};
	struct vtd_domain *dom = kzalloc(sizeof(*dom), GFP_KERNEL);
	int ret;

	if (!dom)
		return ERR_PTR(-ENOMEM);
	mutex_init(&dom->mutex);
	ret = vtd_pt_init(&dom->pt, &cfg, vtd_pt_env(), NULL, GFP_KERNEL);
	if (ret) {
		kfree(dom);
		return ERR_PTR(ret);
	}
	dom->domain.ops = vtd_unit_needs_sync_map(unit) ? &vtd_paging_ops_sync_map :
							  &vtd_paging_ops;
	dom->domain.pgsize_bitmap = vtd_pt_pgsizes(&cfg);
	dom->domain.geometry.aperture_end =
		(1ULL << min_t(unsigned int, vtd_pt_width(&dom->pt), unit->caps.mgaw)) - 1;
	dom->domain.geometry.force_aperture = true;
	return &dom->domain;
}

static void vtd_domain_free(struct iommu_domain *d)
{
	struct vtd_domain *dom = to_vtd_domain(d);

	/* The fault handler may still be looking at it (under RCU). */
	synchronize_rcu();
	vtd_pt_destroy(&dom->pt);
	kfree(dom);
}

static int vtd_attach_paging(struct iommu_domain *d, struct device *dev)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);
	struct vtd_domain *dom = to_vtd_domain(d);
	struct vtd_unit *unit = vdev->unit;
	int did, ret;

	if (dom->pt.cfg.levels != unit->levels || dom->pt.cfg.sllps & ~unit->caps.sllps ||
	    (vtd_unit_needs_sync_map(unit) && !d->ops->iotlb_sync_map))
		return -EINVAL;	/* built for a unit of another kind */
	did = vtd_domain_get_did(dom, unit);
	if (did < 0)
		return did;
	ret = vtd_ctx_set(unit, to_pci_dev(dev), did, VTD_CTX_TT_TRANSLATE, dom->pt.top_pa);
	if (ret) {
		vtd_domain_put_did(dom, unit);
		return ret;
	}
	vtd_dev_set_domain(vdev, d);
	return 0;
}

/* The IOMMU API's permission bits are the page table's own. */
static_assert(IOMMU_READ == VTD_PT_READ && IOMMU_WRITE == VTD_PT_WRITE &&
	      IOMMU_CACHE == VTD_PT_SNOOP);

static size_t vtd_unmap_pages(struct iommu_domain *d, unsigned long iova, size_t pgsize,
			      size_t pgcount, struct iommu_iotlb_gather *gather)
{
	u64 done = vtd_pt_unmap(&to_vtd_domain(d)->pt, iova, (u64)pgsize * pgcount,
				&gather->freelist);

	/* Under a flush queue the core flushes everything later; no range needed. */
	if (done && !iommu_iotlb_gather_queued(gather))
		iommu_iotlb_gather_add_range(gather, iova, done);
	return done;
}

/*
 * Invalidate [first, last] on every unit the domain is attached through.
 * Returns false if some unit did not confirm: its IOTLB may still translate.
 */
static bool vtd_domain_flush(struct vtd_domain *dom, u64 first, u64 last, bool ih)
{
	unsigned int i;
	bool ok = true;
	u16 did;

	for (i = 0; i < vtd_nr_units; i++) {
		did = READ_ONCE(dom->did[i]);
		if (!did)
			continue;
		if (first == 0 && last == U64_MAX)
			ok &= !vtd_inv_iotlb_domain(&vtd_units[i], did);
		else
			ok &= !vtd_inv_iotlb_range(&vtd_units[i], did, first, last, ih);
	}
	return ok;
}

/*
 * Invalidate [@first, @last], then free @tables (unlinked by an unmap, or
 * replaced by a superpage). A unit that did not confirm may still walk
 * them: they are leaked rather than reused. The IH hint goes with an
 * empty list: no table changed, the paging-structure caches may stay.
 */
static void vtd_domain_flush_free(struct vtd_domain *dom, u64 first, u64 last,
				  struct list_head *tables)
{
	if (!vtd_domain_flush(dom, first, last, list_empty(tables))) {
		pr_err_ratelimited("IOTLB flush failed; keeping the tables it covered\n");
		INIT_LIST_HEAD(tables);
		return;
	}
	vtd_pt_free_list(&dom->pt, tables);
}

/*
 * A map with superpages may put one where an empty table was: invalidate
 * the range before the table is freed, since the unit may still walk it.
 * Out of line, so that the common 4 KiB map stays a short function.
 */
static noinline int vtd_map_superpages(struct vtd_domain *dom, u64 iova, u64 pa, u64 len,
				       unsigned int prot, gfp_t gfp, u64 *done)
{
	LIST_HEAD(replaced);
	int ret;

	ret = vtd_pt_map(&dom->pt, iova, pa, len, prot, gfp, done, &replaced);
	if (!list_empty(&replaced))
		vtd_domain_flush_free(dom, iova, iova + len - 1, &replaced);
	return ret;
}

static int vtd_map_pages(struct iommu_domain *d, unsigned long iova, phys_addr_t paddr,
			 size_t pgsize, size_t pgcount, int prot, gfp_t gfp, size_t *mapped)
{
	struct vtd_domain *dom = to_vtd_domain(d);
	u64 len = (u64)pgsize * pgcount, done;
	int ret;

	prot &= VTD_PT_READ | VTD_PT_WRITE | VTD_PT_SNOOP;
	if (pgsize == VTD_PAGE_SIZE)
		ret = vtd_pt_map(&dom->pt, iova, paddr, len, prot, gfp, &done, NULL);
	else
		ret = vtd_map_superpages(dom, iova, paddr, len, prot, gfp, &done);
	*mapped = done;
	return ret;
}

static void vtd_iotlb_sync(struct iommu_domain *d, struct iommu_iotlb_gather *gather)
{
	struct vtd_domain *dom = to_vtd_domain(d);

	if (gather->start <= gather->end)
		vtd_domain_flush_free(dom, gather->start, gather->end, &gather->freelist);
	else
		vtd_pt_free_list(&dom->pt, &gather->freelist);
}

static void vtd_flush_iotlb_all(struct iommu_domain *d)
{
	vtd_domain_flush(to_vtd_domain(d), 0, U64_MAX, false);
}

/* New entries need a flush only where not-present entries may be cached. */
static int vtd_iotlb_sync_map(struct iommu_domain *d, unsigned long iova, size_t size)
{
	struct vtd_domain *dom = to_vtd_domain(d);
	unsigned int i;
	int ret = 0;
	u16 did;

	for (i = 0; i < vtd_nr_units; i++) {
		did = READ_ONCE(dom->did[i]);
		if (!did)
			continue;
		if (vtd_units[i].caps.caching_mode)
			ret = ret ?: vtd_inv_iotlb_range(&vtd_units[i], did, iova,
							 iova + size - 1, false);
		else
			vtd_write_buffer_flush(&vtd_units[i]);
	}
	return ret;
}

static phys_addr_t vtd_iova_to_phys(struct iommu_domain *d, dma_addr_t iova)
{
	return vtd_pt_iova_to_phys(&to_vtd_domain(d)->pt, iova, NULL);
}

/* Domains on units that need no flush after a map skip that call entirely. */
static const struct iommu_domain_ops vtd_paging_ops = {
	.attach_dev = vtd_attach_paging,
	.map_pages = vtd_map_pages,
	.unmap_pages = vtd_unmap_pages,
	.flush_iotlb_all = vtd_flush_iotlb_all,
	.iotlb_sync = vtd_iotlb_sync,
	.iova_to_phys = vtd_iova_to_phys,
	.free = vtd_domain_free,
};

static const struct iommu_domain_ops vtd_paging_ops_sync_map = {
	.attach_dev = vtd_attach_paging,
	.map_pages = vtd_map_pages,
	.unmap_pages = vtd_unmap_pages,
	.flush_iotlb_all = vtd_flush_iotlb_all,
	.iotlb_sync_map = vtd_iotlb_sync_map,
	.iotlb_sync = vtd_iotlb_sync,
	.iova_to_phys = vtd_iova_to_phys,
	.free = vtd_domain_free,
};

/* ---- devices ------------------------------------------------------------------------ */

/*
 * Faults name the requester id the unit saw, which for a function behind a
 * PCIe-to-PCI bridge (or with an alias quirk) is an alias: the unit's device
 * table maps those ids to the function too, so its faults reach its driver
 * and counters. An alias several functions share (all behind one bridge,
 * in one group) goes to one of them, and on its release to another.
 */
static int vtd_dev_claim_sid(u16 sid, void *arg)
{
	struct vtd_dev *vdev = arg;
	int ret;

	if (sid == vdev->sid)
		return 0;
	ret = xa_insert(&vdev->unit->devs, sid, vdev, GFP_KERNEL);
	return ret == -EBUSY ? 0 : ret;	/* busy: another function has it */
}

struct vtd_sid_search {
	u16 sid;
	bool found;
};

static int vtd_sid_is(u16 sid, void *arg)
{
	struct vtd_sid_search *s = arg;

	s->found = sid == s->sid;
	return s->found;
}

/* Another function on @except's unit whose DMA also arrives as @sid, or NULL. */
static struct vtd_dev *vtd_sid_other_user(struct vtd_dev *except, u16 sid)
{
	struct vtd_sid_search s = { .sid = sid };
	struct vtd_dev *vdev;
	unsigned long idx;

	lockdep_assert_held(&except->unit->ctx_lock);
	xa_for_each(&except->unit->devs, idx, vdev) {
		if (vdev == except || idx != vdev->sid)
			continue;
		vtd_walk_requester_ids(to_pci_dev(vdev->dev), vtd_sid_is, &s);
		if (s.found)
			return vdev;
	}
	return NULL;
}

/*
 * A released function gives up each of its requester ids: the context
 * entry is cleared unless another function still arrives under that id
 * (behind the same bridge, in the same group and domain, with no attach to
 * come); the device table hands the id to that function or drops it.
 */
static int vtd_dev_release_sid(u16 sid, void *arg)
{
	struct vtd_dev *vdev = arg, *other = vtd_sid_other_user(vdev, sid);

	if (!other)
		vtd_ctx_clear_id(vdev->unit, sid);	/* a failed invalidation is logged */
	xa_cmpxchg(&vdev->unit->devs, sid, vdev, other, GFP_KERNEL);
	return 0;
}

static struct iommu_device *vtd_probe_device(struct device *dev)
{
	struct vtd_unit *unit = NULL;
	struct pci_dev *pdev;
	struct vtd_dev *vdev;
	unsigned int i;
	int drhd, ret;

	if (!dev_is_pci(dev))
		return ERR_PTR(-ENODEV);
	pdev = to_pci_dev(dev);
	drhd = vtd_dmar_unit_for_pci(vtd_table, &vtd_live_topology, pci_domain_nr(pdev->bus),
				     pdev->bus->number, pdev->devfn);
	for (i = 0; i < vtd_nr_units; i++)
		if (vtd_units[i].drhd == drhd && vtd_units[i].registered)
			unit = &vtd_units[i];
	if (!unit)
		return ERR_PTR(-ENODEV);
	vdev = kzalloc(sizeof(*vdev), GFP_KERNEL);
	if (!vdev)
		return ERR_PTR(-ENOMEM);
	vdev->dev = dev;
	vdev->unit = unit;
	vdev->sid = pci_dev_id(pdev);
	ret = xa_insert(&unit->devs, vdev->sid, vdev, GFP_KERNEL);
	if (ret) {
		kfree(vdev);
		return ERR_PTR(ret);
	}
	if (vtd_walk_requester_ids(pdev, vtd_dev_claim_sid, vdev))
		dev_warn(dev, "vtd: faults under its DMA aliases will not name it\n");
	dev_iommu_priv_set(dev, vdev);
	return &unit->iommu;
}

static void vtd_release_device(struct device *dev)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);

	mutex_lock(&vdev->unit->ctx_lock);
	vtd_walk_requester_ids(to_pci_dev(dev), vtd_dev_release_sid, vdev);
	mutex_unlock(&vdev->unit->ctx_lock);
	vtd_dev_set_domain(vdev, NULL);
	dev_iommu_priv_set(dev, NULL);
	kfree_rcu(vdev, rcu);
}

/*
 * A device whose driver was bound before vtd came keeps its DMA addresses
 * valid only with an identity domain. Once unbound, the core may choose.
 */
static int vtd_def_domain_type(struct device *dev)
{
	return READ_ONCE(dev->driver) ? IOMMU_DOMAIN_IDENTITY : 0;
}

static bool vtd_capable(struct device *dev, enum iommu_cap cap)
{
	struct vtd_dev *vdev = dev_iommu_priv_get(dev);

	switch (cap) {
	case IOMMU_CAP_CACHE_COHERENCY:
		return true;	/* PCIe DMA snoops CPU caches on x86 */
	case IOMMU_CAP_DEFERRED_FLUSH:
		/* Under caching mode every unmap is a hypervisor exit anyway. */
		return !vdev->unit->caps.caching_mode;
	default:
		return false;
	}
}

/* Exported by dma-iommu.c, declared in its private header: PCI host windows. */
void iommu_dma_get_resv_regions(struct device *dev, struct list_head *list);

/* RMRRs of USB and graphics devices only serve firmware: a domain may drop them. */
static bool vtd_rmrr_relaxable(struct pci_dev *pdev)
{
	return (pdev->class >> 16) == PCI_BASE_CLASS_DISPLAY ||
	       (pdev->class >> 8) == PCI_CLASS_SERIAL_USB;
}

static void vtd_get_resv_regions(struct device *dev, struct list_head *head)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	const struct vtd_dmar_struct *s;
	struct iommu_resv_region *r;
	int i = -1;

	while ((i = vtd_dmar_next_rmrr(vtd_table, &vtd_live_topology, pci_domain_nr(pdev->bus),
				       pdev->bus->number, pdev->devfn, i + 1)) >= 0) {
		s = &vtd_table->structs[i];
		r = iommu_alloc_resv_region(s->rmrr.base, s->rmrr.limit - s->rmrr.base + 1,
					    IOMMU_READ | IOMMU_WRITE,
					    vtd_rmrr_relaxable(pdev) ? IOMMU_RESV_DIRECT_RELAXABLE :
					    IOMMU_RESV_DIRECT, GFP_KERNEL);
		if (r)
			list_add_tail(&r->list, head);
	}
	r = iommu_alloc_resv_region(VTD_MSI_BASE, VTD_MSI_SIZE, 0, IOMMU_RESV_MSI, GFP_KERNEL);
	if (r)
		list_add_tail(&r->list, head);
	iommu_dma_get_resv_regions(dev, head);
}

static const struct iommu_ops vtd_ops = {
	.owner = THIS_MODULE,
	.capable = vtd_capable,
	.domain_alloc_paging = vtd_domain_alloc_paging,
	.probe_device = vtd_probe_device,
	.release_device = vtd_release_device,
	.device_group = pci_device_group,
	.get_resv_regions = vtd_get_resv_regions,
	.def_domain_type = vtd_def_domain_type,
	.identity_domain = &vtd_identity_domain,
	.blocked_domain = &vtd_blocked_domain,
	.default_domain_ops = &vtd_paging_ops,
	.pgsize_bitmap = SZ_4K,	/* per domain: 2M and 1G where the unit has them */
};

/* ---- sysfs: /sys/class/iommu/vtdN/vtd/ -------------------------------------------- */

static struct vtd_unit *dev_to_vtd_unit(struct device *dev)
{
	return container_of(dev_to_iommu_device(dev), struct vtd_unit, iommu);
}

#define VTD_ATTR(name, fmt, ...)							\
static ssize_t name##_show(struct device *dev, struct device_attribute *attr, char *buf)	\
{											\
	struct vtd_unit *unit = dev_to_vtd_unit(dev);					\
											\
	return sysfs_emit(buf, fmt "\n", __VA_ARGS__);					\
}											\
static DEVICE_ATTR_RO(name)

VTD_ATTR(version, "%u.%u", unit->caps.ver_major, unit->caps.ver_minor);
VTD_ATTR(cap, "%#llx", unit->cap);
VTD_ATTR(ecap, "%#llx", unit->ecap);
VTD_ATTR(invalidation, "%s", unit->use_qi ? "queued" : "register");
VTD_ATTR(faults, "%lld", atomic64_read(&unit->stats.faults));
VTD_ATTR(fault_overflows, "%lld", atomic64_read(&unit->stats.overflows));
VTD_ATTR(invalidation_errors, "%lld", atomic64_read(&unit->stats.inv_errors));

static struct attribute *vtd_unit_attrs[] = {
	&dev_attr_version.attr,
	&dev_attr_cap.attr,
	&dev_attr_ecap.attr,
	&dev_attr_invalidation.attr,
	&dev_attr_faults.attr,
	&dev_attr_fault_overflows.attr,
	&dev_attr_invalidation_errors.attr,
	NULL,
};

static const struct attribute_group vtd_unit_group = {
	.name = "vtd",
	.attrs = vtd_unit_attrs,
};

static const struct attribute_group *vtd_unit_groups[] = {
	&vtd_unit_group,
	NULL,
};

/**
 * vtd_iommu_register() - give a unit to the IOMMU core
 * @unit: a unit with its root table in place
 *
 * The core then probes every device and attaches its default domain, so
 * the context entries are written before translation is turned on.
 *
 * Context: process context.
 * Return: 0 or a negative errno from the core.
 */
int vtd_iommu_register(struct vtd_unit *unit)
{
	int ret;

	ret = iommu_device_sysfs_add(&unit->iommu, NULL, vtd_unit_groups, "%s", unit->name);
	if (ret)
		return ret;
	unit->registered = true;
	ret = iommu_device_register(&unit->iommu, &vtd_ops, NULL);
	if (ret) {
		unit->registered = false;
		iommu_device_sysfs_remove(&unit->iommu);
		pr_err("%s: the IOMMU core refused the unit (%d)\n", unit->name, ret);
	}
	return ret;
}

/**
 * vtd_iommu_unregister() - take a unit back from the IOMMU core
 * @unit: a registered unit; its devices are released
 *
 * Context: process context.
 */
void vtd_iommu_unregister(struct vtd_unit *unit)
{
	if (!unit->registered)
		return;
	iommu_device_unregister(&unit->iommu);
	iommu_device_sysfs_remove(&unit->iommu);
	unit->registered = false;
}

/**
 * vtd_iommu_busy() - is a device under the unit using translation?
 * @unit: the unit
 * @why: set to the first such device and its domain type
 * @len: size of @why
 *
 * A device with a driver bound (a kernel driver or vfio-pci) and a domain
 * other than identity would lose its DMA if the unit went away.
 *
 * Context: process context.
 * Return: true if one does.
 */
bool vtd_iommu_busy(struct vtd_unit *unit, char *why, size_t len)
{
	struct vtd_dev *vdev;
	unsigned long sid;
	bool busy = false;

	xa_lock(&unit->devs);
	xa_for_each(&unit->devs, sid, vdev) {
		struct iommu_domain *d = READ_ONCE(vdev->domain);

		if (sid != vdev->sid)
			continue;	/* an alias: the function comes under its own id */
		if (READ_ONCE(vdev->dev->driver) && d && d->type != IOMMU_DOMAIN_IDENTITY) {
			snprintf(why, len, "%s (driver %s) uses a %s domain", dev_name(vdev->dev),
				 vdev->dev->driver->name,
				 d->type == IOMMU_DOMAIN_BLOCKED ? "blocked" : "translating");
			busy = true;
			break;
		}
	}
	xa_unlock(&unit->devs);
	return busy;
}

/**
 * vtd_iommu_adopt_bound() - account for drivers bound before vtd came
 * @unit: a registered unit
 *
 * The driver core tells the IOMMU core that a driver uses its device's
 * default domain when it binds (the bus's dma_configure step); a driver
 * bound before vtd was loaded never did, and its unbind would then find
 * the group's count at zero. Replaying that step keeps the count right.
 *
 * Context: process context; takes each bound device's lock.
 */
void vtd_iommu_adopt_bound(struct vtd_unit *unit)
{
	struct vtd_dev *vdev;
	unsigned long sid;
	int ret;

	xa_for_each(&unit->devs, sid, vdev) {
		struct device *dev = vdev->dev;

		if (sid != vdev->sid)
			continue;
		device_lock(dev);
		if (dev->driver && dev->bus->dma_configure) {
			ret = dev->bus->dma_configure(dev);
			if (ret)
				dev_warn(dev, "vtd: driver bound before vtd not accounted (%d)\n", ret);
			else
				dev_info(dev, "vtd: driver %s bound before vtd: identity domain\n",
					 dev->driver->name);
		}
		device_unlock(dev);
	}
}

/**
 * vtd_iommu_disown_bound() - undo vtd_iommu_adopt_bound() before release
 * @unit: a registered unit whose devices with drivers use identity domains
 *
 * Once the unit is unregistered the devices have no group, and the driver
 * core's own cleanup at unbind does nothing.
 *
 * Context: process context; takes each bound device's lock.
 */
void vtd_iommu_disown_bound(struct vtd_unit *unit)
{
	struct vtd_dev *vdev;
	unsigned long sid;

	xa_for_each(&unit->devs, sid, vdev) {
		struct device *dev = vdev->dev;

		if (sid != vdev->sid)
			continue;
		device_lock(dev);
		if (dev->driver && dev->bus->dma_cleanup)
			dev->bus->dma_cleanup(dev);
		device_unlock(dev);
	}
}
