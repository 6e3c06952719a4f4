// SPDX-License-Identifier: GPL-2.0-only
/*
 * ACPI DMAR table parsing, validation and device-scope resolution
 * (VT-d spec chapter 8).
 *
 * Firmware is treated as hostile: every length is checked against both the
 * table and the enclosing structure before anything is read, a structure that
 * fails validation is kept in the model but marked broken, and each finding
 * names the structure, its byte offset and what is wrong. Pure code: no MMIO,
 * no ACPI calls, no struct device (include/vtd/dmar_tables.h).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "vtd/dmar_tables.h"

/**
 * struct vtd_dmar_type_info - how to read one structure type
 * @name: the spec's abbreviation
 * @fixed_len: bytes before the device scopes (or the ANDD name)
 * @has_scopes: device scopes follow the fixed part
 * @decode: copies and checks the fixed fields
 */
struct vtd_dmar_type_info {
	const char *name;
	u16 fixed_len;
	bool has_scopes;
	void (*decode)(struct vtd_dmar_table *t, struct vtd_dmar_struct *s,
		       const void *raw);
};

static __printf(4, 5) void vtd_dmar_report(struct vtd_dmar_table *t,
					   enum vtd_dmar_severity sev,
					   u32 offset, const char *fmt, ...)
{
	struct vtd_dmar_finding *f;
	va_list ap;

	if (t->nr_findings >= VTD_DMAR_MAX_FINDINGS) {
		t->nr_lost_findings++;
		return;
	}
	f = &t->findings[t->nr_findings++];
	f->severity = sev;
	f->offset = offset;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
}

/* A finding about structure @s: "DRHD at offset 0x30: <what>". */
#define vtd_dmar_flag(t, s, sev, fmt, ...)					\
	vtd_dmar_report(t, sev, (s)->offset, "%s at offset %#x: " fmt,		\
			vtd_dmar_type_name((s)->type), (s)->offset, ##__VA_ARGS__)

/* Mark @s unusable and say why. */
#define vtd_dmar_drop(t, s, fmt, ...) do {					\
	(s)->broken = true;							\
	vtd_dmar_flag(t, s, VTD_DMAR_ERR, fmt "; ignored", ##__VA_ARGS__);	\
} while (0)

static void vtd_dmar_decode_drhd(struct vtd_dmar_table *t,
				 struct vtd_dmar_struct *s, const void *raw)
{
	const struct acpi_dmar_hardware_unit *u = raw;

	s->drhd.flags = u->flags;
	s->drhd.size = u->size;
	s->drhd.segment = u->segment;
	s->drhd.address = u->address;
	if (!u->address)
		vtd_dmar_drop(t, s, "register base address is 0");
	else if (u->address & (SZ_4K - 1))
		vtd_dmar_drop(t, s, "register base %#llx is not 4 KiB aligned",
			      (unsigned long long)u->address);
}

static void vtd_dmar_decode_rmrr(struct vtd_dmar_table *t,
				 struct vtd_dmar_struct *s, const void *raw)
{
	const struct acpi_dmar_reserved_memory *r = raw;
	u64 base = r->base_address, limit = r->end_address;

	s->rmrr.segment = r->segment;
	s->rmrr.base = base;
	s->rmrr.limit = limit;
	if (base > limit)
		vtd_dmar_drop(t, s, "base %#llx is above limit %#llx",
			      (unsigned long long)base, (unsigned long long)limit);
	else if ((base & (SZ_4K - 1)) || ((limit + 1) & (SZ_4K - 1)))
		vtd_dmar_drop(t, s, "range %#llx-%#llx is not 4 KiB aligned",
			      (unsigned long long)base, (unsigned long long)limit);
}

static void vtd_dmar_decode_atsr(struct vtd_dmar_table *t,
				 struct vtd_dmar_struct *s, const void *raw)
{
	/* ATSR and SATC share this layout: header, flags, reserved, segment. */
	const struct acpi_dmar_atsr *a = raw;

	static_assert(sizeof(struct acpi_dmar_atsr) == sizeof(struct acpi_dmar_satc),
		      "ATSR and SATC share a layout");
	s->atsr.flags = a->flags;
	s->atsr.segment = a->segment;
}

static void vtd_dmar_decode_rhsa(struct vtd_dmar_table *t,
				 struct vtd_dmar_struct *s, const void *raw)
{
	const struct acpi_dmar_rhsa *r = raw;

	s->rhsa.address = r->base_address;
	s->rhsa.proximity_domain = r->proximity_domain;
}

static void vtd_dmar_decode_andd(struct vtd_dmar_table *t,
				 struct vtd_dmar_struct *s, const void *raw)
{
	const struct acpi_dmar_andd *a = raw;
	size_t max = s->length - offsetof(struct acpi_dmar_andd, device_name);

	s->andd.device_number = a->device_number;
	s->andd.name = kmemdup_nul(a->device_name, strnlen(a->device_name, max),
				   GFP_KERNEL);
	if (!s->andd.name)
		vtd_dmar_drop(t, s, "out of memory for the object name");
	else if (!s->andd.name[0])
		vtd_dmar_drop(t, s, "empty ACPI object name");
}

static const struct vtd_dmar_type_info vtd_dmar_types[] = {
	[ACPI_DMAR_TYPE_HARDWARE_UNIT] = { "DRHD",
		sizeof(struct acpi_dmar_hardware_unit), true, vtd_dmar_decode_drhd },
	[ACPI_DMAR_TYPE_RESERVED_MEMORY] = { "RMRR",
		sizeof(struct acpi_dmar_reserved_memory), true, vtd_dmar_decode_rmrr },
	[ACPI_DMAR_TYPE_ROOT_ATS] = { "ATSR",
		sizeof(struct acpi_dmar_atsr), true, vtd_dmar_decode_atsr },
	[ACPI_DMAR_TYPE_HARDWARE_AFFINITY] = { "RHSA",
		sizeof(struct acpi_dmar_rhsa), false, vtd_dmar_decode_rhsa },
	[ACPI_DMAR_TYPE_NAMESPACE] = { "ANDD",
		offsetof(struct acpi_dmar_andd, device_name) + 1, false,
		vtd_dmar_decode_andd },
	[ACPI_DMAR_TYPE_SATC] = { "SATC",
		sizeof(struct acpi_dmar_satc), true, vtd_dmar_decode_atsr },
	[VTD_DMAR_TYPE_SIDP] = { "SIDP", sizeof(struct acpi_dmar_header) },
};

/**
 * vtd_dmar_type_name() - the spec's name for a structure type
 * @type: ACPI_DMAR_TYPE_* or any raw code
 *
 * Return: "DRHD", "RMRR", ..., or "unknown".
 */
const char *vtd_dmar_type_name(u16 type)
{
	if (type < ARRAY_SIZE(vtd_dmar_types) && vtd_dmar_types[type].name)
		return vtd_dmar_types[type].name;
	return "unknown";
}

/* Grow *@arr (of @size-byte elements, *@cap allocated) to hold @n + 1. */
static void *vtd_dmar_grow(void **arr, u32 *cap, u32 n, size_t size)
{
	void *p;

	if (n < *cap)
		return *arr;
	p = krealloc_array(*arr, *cap ? *cap * 2 : 16, size, GFP_KERNEL);
	if (!p)
		return NULL;
	*arr = p;
	*cap = *cap ? *cap * 2 : 16;
	return p;
}

static int vtd_dmar_add_scope(struct vtd_dmar_table *t, u32 *cap,
			      struct vtd_dmar_struct *s, u32 off)
{
	const struct acpi_dmar_device_scope *d = (void *)(t->bytes + off);
	u32 path_len = d->length - sizeof(*d);
	struct vtd_dmar_scope *sc;

	if (!vtd_dmar_grow((void **)&t->scopes, cap, t->nr_scopes, sizeof(*sc)))
		return -ENOMEM;
	sc = &t->scopes[t->nr_scopes++];
	s->nr_scopes++;
	sc->type = d->entry_type;
	sc->enumeration_id = d->enumeration_id;
	sc->bus = d->bus;
	sc->nr_hops = path_len / sizeof(struct acpi_dmar_pci_path);
	sc->offset = off;
	sc->path = (const void *)(d + 1);

	if (path_len % sizeof(struct acpi_dmar_pci_path))
		vtd_dmar_drop(t, s, "device scope at %#x has an odd path length %u",
			      off, path_len);
	switch (sc->type) {
	case ACPI_DMAR_SCOPE_TYPE_ENDPOINT:
	case ACPI_DMAR_SCOPE_TYPE_BRIDGE:
		if (!sc->nr_hops)
			vtd_dmar_drop(t, s, "PCI device scope at %#x has no path", off);
		break;
	case ACPI_DMAR_SCOPE_TYPE_IOAPIC:
	case ACPI_DMAR_SCOPE_TYPE_HPET:
	case ACPI_DMAR_SCOPE_TYPE_NAMESPACE:
		break;
	default:
		vtd_dmar_flag(t, s, VTD_DMAR_NOTE,
			      "device scope at %#x has unknown type %u; not matched",
			      off, sc->type);
	}
	return 0;
}

/* Device scopes of @s from @off up to @end (the structure's end). */
static int vtd_dmar_parse_scopes(struct vtd_dmar_table *t, u32 *cap,
				 struct vtd_dmar_struct *s, u32 off, u32 end)
{
	const struct acpi_dmar_device_scope *d;
	int ret;

	while (off < end) {
		if (end - off < sizeof(*d)) {
			vtd_dmar_drop(t, s, "%u trailing bytes at %#x are shorter than a device scope",
				      end - off, off);
			return 0;
		}
		d = (void *)(t->bytes + off);
		if (d->length < sizeof(*d)) {
			vtd_dmar_drop(t, s, "device scope at %#x has length %u, shorter than its header",
				      off, d->length);
			return 0;
		}
		if (d->length > end - off) {
			vtd_dmar_drop(t, s, "device scope at %#x (length %u) overruns the structure",
				      off, d->length);
			return 0;
		}
		ret = vtd_dmar_add_scope(t, cap, s, off);
		if (ret)
			return ret;
		off += d->length;
	}
	return 0;
}

static int vtd_dmar_add_struct(struct vtd_dmar_table *t, u32 *cap_structs,
			       u32 *cap_scopes, u32 off)
{
	const struct acpi_dmar_header *h = (void *)(t->bytes + off);
	const struct vtd_dmar_type_info *info = NULL;
	struct vtd_dmar_struct *s;

	if (!vtd_dmar_grow((void **)&t->structs, cap_structs, t->nr_structs,
			   sizeof(*s)))
		return -ENOMEM;
	s = &t->structs[t->nr_structs++];
	memset(s, 0, sizeof(*s));
	s->type = h->type;
	s->length = h->length;
	s->offset = off;
	s->first_scope = t->nr_scopes;

	if (h->type < ARRAY_SIZE(vtd_dmar_types) && vtd_dmar_types[h->type].name)
		info = &vtd_dmar_types[h->type];
	if (!info || !info->decode) {
		vtd_dmar_flag(t, s, VTD_DMAR_NOTE, "structure type %u (%u bytes) skipped",
			      h->type, h->length);
		return 0;
	}
	if (h->length < info->fixed_len) {
		vtd_dmar_drop(t, s, "length %u is shorter than the %u bytes it needs",
			      h->length, info->fixed_len);
		return 0;
	}
	info->decode(t, s, h);
	s->decoded = true;
	if (!info->has_scopes)
		return 0;
	return vtd_dmar_parse_scopes(t, cap_scopes, s, off + info->fixed_len,
				     off + h->length);
}

/* Walk the remapping structures; a length that cannot be trusted ends the walk. */
static int vtd_dmar_walk(struct vtd_dmar_table *t)
{
	u32 off = sizeof(struct acpi_table_dmar), cap_structs = 0, cap_scopes = 0;
	const struct acpi_dmar_header *h;
	int ret;

	while (off < t->length) {
		if (t->length - off < sizeof(*h)) {
			vtd_dmar_report(t, VTD_DMAR_ERR, off,
					"%u trailing bytes at offset %#x are shorter than a structure header; ignored",
					t->length - off, off);
			break;
		}
		h = (void *)(t->bytes + off);
		if (h->length < sizeof(*h) || h->length > t->length - off) {
			vtd_dmar_report(t, VTD_DMAR_ERR, off,
					"structure type %u at offset %#x has length %u (%u bytes left in the table); it and the rest of the table are ignored",
					h->type, off, h->length, t->length - off);
			break;
		}
		ret = vtd_dmar_add_struct(t, &cap_structs, &cap_scopes, off);
		if (ret)
			return ret;
		off += h->length;
	}
	return 0;
}

static bool vtd_dmar_is_pci_scope(const struct vtd_dmar_scope *sc)
{
	return sc->type == ACPI_DMAR_SCOPE_TYPE_ENDPOINT ||
	       sc->type == ACPI_DMAR_SCOPE_TYPE_BRIDGE;
}

/* Do two scope entries name the same device (same type class and identity)? */
static bool vtd_dmar_same_device(const struct vtd_dmar_scope *a,
				 const struct vtd_dmar_scope *b)
{
	if (vtd_dmar_is_pci_scope(a) && vtd_dmar_is_pci_scope(b))
		return a->bus == b->bus && a->nr_hops == b->nr_hops &&
		       !memcmp(a->path, b->path, a->nr_hops * sizeof(*a->path));
	if (a->type != b->type)
		return false;
	return (a->type == ACPI_DMAR_SCOPE_TYPE_IOAPIC ||
		a->type == ACPI_DMAR_SCOPE_TYPE_HPET) &&
	       a->enumeration_id == b->enumeration_id;
}

/* Why unit @b cannot coexist with the earlier unit @a, or NULL. */
static const char *vtd_dmar_unit_conflict(const struct vtd_dmar_table *t,
					  const struct vtd_dmar_struct *a,
					  const struct vtd_dmar_struct *b)
{
	const struct vtd_dmar_scope *sa, *sb;

	if (a->drhd.address == b->drhd.address)
		return "same register base as";
	if (a->drhd.segment != b->drhd.segment)
		return NULL;
	if (a->drhd.flags & b->drhd.flags & ACPI_DMAR_INCLUDE_ALL)
		return "second INCLUDE_PCI_ALL unit on the segment of";
	vtd_dmar_for_each_scope(t, b, sb)
		vtd_dmar_for_each_scope(t, a, sa)
			if (vtd_dmar_same_device(sa, sb))
				return "claims a device also claimed by";
	return NULL;
}

/* Checks across structures: units that clash, RHSAs that name no unit. */
static void vtd_dmar_cross_check(struct vtd_dmar_table *t)
{
	struct vtd_dmar_struct *a, *b;
	const char *why;

	if (!t->nr_structs)
		return;		/* t->structs is NULL */
	for (b = t->structs; b < t->structs + t->nr_structs; b++) {
		if (b->broken)
			continue;
		if (b->type == ACPI_DMAR_TYPE_RESERVED_MEMORY && !b->nr_scopes)
			vtd_dmar_flag(t, b, VTD_DMAR_WARN, "applies to no device");
		if (b->type == ACPI_DMAR_TYPE_HARDWARE_AFFINITY) {
			for (a = t->structs; a < t->structs + t->nr_structs; a++)
				if (a->type == ACPI_DMAR_TYPE_HARDWARE_UNIT &&
				    a->drhd.address == b->rhsa.address)
					break;
			if (a == t->structs + t->nr_structs)
				vtd_dmar_flag(t, b, VTD_DMAR_WARN,
					      "names %#llx, which is no unit's register base",
					      (unsigned long long)b->rhsa.address);
		}
		if (b->type != ACPI_DMAR_TYPE_HARDWARE_UNIT)
			continue;
		for (a = t->structs; a < b; a++) {
			if (a->type != ACPI_DMAR_TYPE_HARDWARE_UNIT || a->broken)
				continue;
			why = vtd_dmar_unit_conflict(t, a, b);
			if (why) {
				vtd_dmar_drop(t, b, "%s the DRHD at offset %#x",
					      why, a->offset);
				break;
			}
		}
	}
}

static void vtd_dmar_parse_header(struct vtd_dmar_table *t)
{
	const struct acpi_table_dmar *hdr = (void *)t->bytes;
	u8 sum = 0;
	int i;

	t->revision = hdr->header.revision;
	memcpy(t->oem_id, hdr->header.oem_id, ACPI_OEM_ID_SIZE);
	t->oem_id[ACPI_OEM_ID_SIZE] = '\0';
	for (i = ACPI_OEM_ID_SIZE - 1; i >= 0 && (t->oem_id[i] == ' ' || !t->oem_id[i]); i--)
		t->oem_id[i] = '\0';
	t->haw = hdr->width + 1;
	t->flags = hdr->flags;
	for (i = 0; i < t->length; i++)
		sum += t->bytes[i];
	t->checksum_ok = !sum;
	if (!t->checksum_ok)
		vtd_dmar_report(t, VTD_DMAR_WARN, 9,
				"table checksum does not add up (off by %#x)", sum);
	if (t->haw > 64)
		vtd_dmar_report(t, VTD_DMAR_WARN, 36,
				"host address width %u is more than 64 bits", t->haw);
}

/**
 * vtd_dmar_parse() - parse and validate a DMAR table
 * @buf: the table's bytes
 * @len: bytes available at @buf
 * @out: the model, allocated here; free it with vtd_dmar_free()
 *
 * Never reads past @len nor past the table's own length. Findings are left
 * in (*@out)->findings; broken structures are marked, not removed.
 *
 * Context: process context, may sleep.
 * Return: 0; -EINVAL if the bytes are not a DMAR table at all (the finding
 * says why, and *@out is still set); -ENOMEM, with *@out NULL.
 */
int vtd_dmar_parse(const void *buf, size_t len, struct vtd_dmar_table **out)
{
	const struct acpi_table_dmar *hdr = buf;
	struct vtd_dmar_table *t;
	u32 tlen;
	int ret;

	*out = NULL;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	*out = t;
	if (!buf || len < sizeof(*hdr)) {
		vtd_dmar_report(t, VTD_DMAR_ERR, 0,
				"%zu bytes are too short for a DMAR table header (%zu)",
				buf ? len : 0, sizeof(*hdr));
		return -EINVAL;
	}
	if (memcmp(hdr->header.signature, ACPI_SIG_DMAR, ACPI_NAMESEG_SIZE)) {
		vtd_dmar_report(t, VTD_DMAR_ERR, 0, "signature is not DMAR");
		return -EINVAL;
	}
	tlen = hdr->header.length;
	if (tlen < sizeof(*hdr)) {
		vtd_dmar_report(t, VTD_DMAR_ERR, 4,
				"table length %u is shorter than its header", tlen);
		return -EINVAL;
	}
	if (tlen > len) {
		vtd_dmar_report(t, VTD_DMAR_ERR, 4,
				"table length %u exceeds the %zu bytes present; reading those",
				tlen, len);
		tlen = len;
	}
	t->bytes = kmemdup(buf, tlen, GFP_KERNEL);
	if (!t->bytes)
		goto nomem;
	t->length = tlen;
	vtd_dmar_parse_header(t);
	ret = vtd_dmar_walk(t);
	if (ret)
		goto nomem;
	vtd_dmar_cross_check(t);
	return 0;
nomem:
	vtd_dmar_free(t);
	*out = NULL;
	return -ENOMEM;
}

/**
 * vtd_dmar_free() - free a model from vtd_dmar_parse()
 * @t: the model, or NULL
 */
void vtd_dmar_free(struct vtd_dmar_table *t)
{
	u32 i;

	if (!t)
		return;
	for (i = 0; i < t->nr_structs; i++)
		if (t->structs[i].type == ACPI_DMAR_TYPE_NAMESPACE)
			kfree(t->structs[i].andd.name);
	kfree(t->structs);
	kfree(t->scopes);
	kfree(t->bytes);
	kfree(t);
}

/**
 * vtd_dmar_nr_usable_units() - how many DRHDs passed validation
 * @t: the model
 *
 * Return: the count; the driver refuses to load when it is 0.
 */
u32 vtd_dmar_nr_usable_units(const struct vtd_dmar_table *t)
{
	u32 i, n = 0;

	for (i = 0; i < t->nr_structs; i++)
		n += t->structs[i].type == ACPI_DMAR_TYPE_HARDWARE_UNIT &&
		     !t->structs[i].broken;
	return n;
}

/**
 * vtd_dmar_scope_target() - the PCI function a scope path leads to
 * @sc: an endpoint or bridge scope
 * @seg: the PCI segment of the structure holding @sc
 * @topo: the PCI hierarchy, to follow each hop through its bridge
 * @bus: the target's bus number
 * @devfn: the target's device and function
 *
 * Each hop but the last must be a bridge present in @topo (spec 8.3.1.1).
 *
 * Return: 0, -EINVAL for a scope with no path, -ENODEV if a hop is missing.
 */
int vtd_dmar_scope_target(const struct vtd_dmar_scope *sc, u16 seg,
			  const struct vtd_pci_topology *topo, u8 *bus, u8 *devfn)
{
	u8 b = sc->bus, sec, sub;
	int i;

	if (!sc->nr_hops)
		return -EINVAL;
	for (i = 0; i < sc->nr_hops - 1; i++) {
		if (!topo->bridge_buses(topo->ctx, seg, b,
					PCI_DEVFN(sc->path[i].device, sc->path[i].function),
					&sec, &sub))
			return -ENODEV;
		b = sec;
	}
	*bus = b;
	*devfn = PCI_DEVFN(sc->path[i].device, sc->path[i].function);
	return 0;
}

/* Does PCI scope @sc cover seg:bus:devfn (the device itself, or below a bridge)? */
static bool vtd_dmar_scope_covers(const struct vtd_dmar_scope *sc, u16 seg,
				  const struct vtd_pci_topology *topo,
				  u8 bus, u8 devfn)
{
	u8 tbus, tdevfn, sec, sub;

	if (!vtd_dmar_is_pci_scope(sc) ||
	    vtd_dmar_scope_target(sc, seg, topo, &tbus, &tdevfn))
		return false;
	if (tbus == bus && tdevfn == devfn)
		return true;
	return sc->type == ACPI_DMAR_SCOPE_TYPE_BRIDGE &&
	       topo->bridge_buses(topo->ctx, seg, tbus, tdevfn, &sec, &sub) &&
	       bus >= sec && bus <= sub;
}

static bool vtd_dmar_struct_covers(const struct vtd_dmar_table *t,
				   const struct vtd_dmar_struct *s, u16 seg,
				   const struct vtd_pci_topology *topo,
				   u8 bus, u8 devfn)
{
	const struct vtd_dmar_scope *sc;

	vtd_dmar_for_each_scope(t, s, sc)
		if (vtd_dmar_scope_covers(sc, seg, topo, bus, devfn))
			return true;
	return false;
}

/**
 * vtd_dmar_unit_for_pci() - the unit that translates a PCI function
 * @t: the model
 * @topo: the PCI hierarchy
 * @seg: PCI segment
 * @bus: bus number
 * @devfn: device and function
 *
 * An explicit endpoint or bridge scope takes precedence over the
 * INCLUDE_PCI_ALL unit of the segment (spec 8.3). Broken units never match.
 *
 * Return: index of the DRHD in @t->structs, or -ENODEV.
 */
int vtd_dmar_unit_for_pci(const struct vtd_dmar_table *t,
			  const struct vtd_pci_topology *topo,
			  u16 seg, u8 bus, u8 devfn)
{
	int i, include_all = -ENODEV;

	for (i = 0; i < t->nr_structs; i++) {
		const struct vtd_dmar_struct *s = &t->structs[i];

		if (s->type != ACPI_DMAR_TYPE_HARDWARE_UNIT || s->broken ||
		    s->drhd.segment != seg)
			continue;
		if (s->drhd.flags & ACPI_DMAR_INCLUDE_ALL) {
			if (include_all < 0)
				include_all = i;
			continue;
		}
		if (vtd_dmar_struct_covers(t, s, seg, topo, bus, devfn))
			return i;
	}
	return include_all;
}

/**
 * vtd_dmar_next_rmrr() - the next RMRR that applies to a PCI function
 * @t: the model
 * @topo: the PCI hierarchy
 * @seg: PCI segment
 * @bus: bus number
 * @devfn: device and function
 * @from: index in @t->structs to start at (0, then the last result + 1)
 *
 * Return: index of the RMRR in @t->structs, or -ENOENT when there is no more.
 */
int vtd_dmar_next_rmrr(const struct vtd_dmar_table *t,
		       const struct vtd_pci_topology *topo,
		       u16 seg, u8 bus, u8 devfn, int from)
{
	int i;

	for (i = max(from, 0); i < t->nr_structs; i++) {
		const struct vtd_dmar_struct *s = &t->structs[i];

		if (s->type == ACPI_DMAR_TYPE_RESERVED_MEMORY && !s->broken &&
		    s->rmrr.segment == seg &&
		    vtd_dmar_struct_covers(t, s, seg, topo, bus, devfn))
			return i;
	}
	return -ENOENT;
}

/**
 * vtd_dmar_unit_for_nonpci() - the unit whose scope lists an IOAPIC or HPET
 * @t: the model
 * @scope_type: ACPI_DMAR_SCOPE_TYPE_IOAPIC or ACPI_DMAR_SCOPE_TYPE_HPET
 * @id: the IOAPIC id or HPET number (the scope's enumeration id)
 *
 * Return: index of the DRHD in @t->structs, or -ENODEV.
 */
int vtd_dmar_unit_for_nonpci(const struct vtd_dmar_table *t, u8 scope_type, u8 id)
{
	const struct vtd_dmar_scope *sc;
	int i;

	for (i = 0; i < t->nr_structs; i++) {
		const struct vtd_dmar_struct *s = &t->structs[i];

		if (s->type != ACPI_DMAR_TYPE_HARDWARE_UNIT || s->broken)
			continue;
		vtd_dmar_for_each_scope(t, s, sc)
			if (sc->type == scope_type && sc->enumeration_id == id)
				return i;
	}
	return -ENODEV;
}

/**
 * vtd_dmar_scope_str() - a device scope in words, e.g. "endpoint 00:1c.4/00.2"
 * @sc: the scope
 * @buf: where to write
 * @len: size of @buf
 *
 * Return: @buf.
 */
char *vtd_dmar_scope_str(const struct vtd_dmar_scope *sc, char *buf, size_t len)
{
	static const char * const names[] = {
		[ACPI_DMAR_SCOPE_TYPE_ENDPOINT] = "endpoint",
		[ACPI_DMAR_SCOPE_TYPE_BRIDGE] = "bridge",
		[ACPI_DMAR_SCOPE_TYPE_IOAPIC] = "ioapic",
		[ACPI_DMAR_SCOPE_TYPE_HPET] = "hpet",
		[ACPI_DMAR_SCOPE_TYPE_NAMESPACE] = "acpi",
	};
	size_t n;
	int i;

	if (sc->type < ARRAY_SIZE(names) && names[sc->type])
		n = scnprintf(buf, len, "%s", names[sc->type]);
	else
		n = scnprintf(buf, len, "type%u", sc->type);
	if (!vtd_dmar_is_pci_scope(sc))
		n += scnprintf(buf + n, len - n, " %u", sc->enumeration_id);
	for (i = 0; i < sc->nr_hops; i++) {
		if (i)
			n += scnprintf(buf + n, len - n, "/");
		else
			n += scnprintf(buf + n, len - n, " %02x:", sc->bus);
		n += scnprintf(buf + n, len - n, "%02x.%x",
			       sc->path[i].device, sc->path[i].function);
	}
	return buf;
}

/**
 * vtd_dmar_flags_str() - the header's flags in words, e.g. " INTR_REMAP"
 * @flags: VTD_DMAR_FLAG_*
 * @buf: where to write
 * @len: size of @buf
 *
 * Return: @buf (empty when no flag is set).
 */
char *vtd_dmar_flags_str(u8 flags, char *buf, size_t len)
{
	scnprintf(buf, len, "%s%s%s",
		  flags & VTD_DMAR_FLAG_INTR_REMAP ? " INTR_REMAP" : "",
		  flags & VTD_DMAR_FLAG_X2APIC_OPT_OUT ? " X2APIC_OPT_OUT" : "",
		  flags & VTD_DMAR_FLAG_DMA_CTRL_PLATFORM_OPT_IN ?
			" DMA_CTRL_PLATFORM_OPT_IN" : "");
	return buf;
}
