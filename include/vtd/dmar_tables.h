/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The parsed ACPI DMAR table (VT-d spec chapter 8) and its parser.
 *
 * Pure code: the parser takes bytes and a length and builds a model; it does
 * no MMIO and calls no ACPI function, so KUnit, the userspace tests and
 * tools/dmar-decode run the same source. Raw layouts are ACPICA's
 * struct acpi_dmar_* from <acpi/actbl1.h>.
 */
#ifndef VTD_DMAR_TABLES_H
#define VTD_DMAR_TABLES_H

#include <linux/acpi.h>
#include <linux/bits.h>
#include <linux/types.h>

/* DMAR header flags, spec 8.1. ACPICA names bit 2 after its old meaning. */
#define VTD_DMAR_FLAG_INTR_REMAP		BIT(0)
#define VTD_DMAR_FLAG_X2APIC_OPT_OUT		BIT(1)
#define VTD_DMAR_FLAG_DMA_CTRL_PLATFORM_OPT_IN	BIT(2)

/* Structure type 6 (VT-d 4.1): SoC Integrated Device Property; named, not decoded. */
#define VTD_DMAR_TYPE_SIDP	6

#define VTD_DMAR_MAX_FINDINGS	32
#define VTD_DMAR_FINDING_LEN	128

enum vtd_dmar_severity {
	VTD_DMAR_NOTE,		/* informational: something skipped on purpose */
	VTD_DMAR_WARN,		/* firmware is wrong, nothing was dropped */
	VTD_DMAR_ERR,		/* firmware is wrong, a structure was dropped */
};

/**
 * struct vtd_dmar_scope - one device scope entry (spec 8.3.1)
 * @type: ACPI_DMAR_SCOPE_TYPE_* (unknown values are kept, never matched)
 * @enumeration_id: IOAPIC id, HPET number or ANDD device number
 * @bus: start bus number
 * @nr_hops: number of (device, function) hops in @path
 * @offset: byte offset of the entry in the table
 * @path: the hops, pointing into the model's own copy of the table
 */
struct vtd_dmar_scope {
	u8 type;
	u8 enumeration_id;
	u8 bus;
	u8 nr_hops;
	u32 offset;
	const struct acpi_dmar_pci_path *path;
};

/**
 * struct vtd_dmar_struct - one remapping structure, in table order
 * @type: ACPI_DMAR_TYPE_* or the raw code of an unknown structure
 * @length: the structure's length field
 * @offset: byte offset in the table
 * @broken: failed validation; the driver ignores it (dmar-decode still shows it)
 * @decoded: long enough that its type-specific fields below were read
 * @first_scope: index of the first scope in &vtd_dmar_table.scopes
 * @nr_scopes: number of scopes parsed
 * @drhd: DRHD fields (spec 8.3)
 * @rmrr: RMRR fields (spec 8.4); @limit is inclusive
 * @atsr: ATSR and SATC fields (spec 8.5, 8.8)
 * @rhsa: RHSA fields (spec 8.6)
 * @andd: ANDD fields (spec 8.7); @name is NUL-terminated, owned by the model
 */
struct vtd_dmar_struct {
	u16 type;
	u16 length;
	u32 offset;
	bool broken;
	bool decoded;
	u32 first_scope;
	u32 nr_scopes;
	union {
		struct {
			u8 flags;
			u8 size;
			u16 segment;
			u64 address;
		} drhd;
		struct {
			u16 segment;
			u64 base;
			u64 limit;
		} rmrr;
		struct {
			u8 flags;
			u16 segment;
		} atsr;
		struct {
			u64 address;
			u32 proximity_domain;
		} rhsa;
		struct {
			u8 device_number;
			char *name;
		} andd;
	};
};

/**
 * struct vtd_dmar_finding - something wrong (or skipped) in the table
 * @severity: how bad it is
 * @offset: byte offset of the structure or scope it concerns
 * @msg: the message, naming the structure, its offset and the problem
 */
struct vtd_dmar_finding {
	enum vtd_dmar_severity severity;
	u32 offset;
	char msg[VTD_DMAR_FINDING_LEN];
};

/**
 * struct vtd_dmar_table - the parsed table
 * @bytes: private copy of the table (scope paths point into it)
 * @length: bytes used (the header's length, or fewer if the buffer is shorter)
 * @revision: ACPI table revision
 * @oem_id: OEM id, trailing spaces and NULs removed
 * @haw: host address width in bits (the table field + 1)
 * @flags: VTD_DMAR_FLAG_*
 * @checksum_ok: the ACPI checksum adds up to zero
 * @structs: the remapping structures, in table order
 * @nr_structs: entries in @structs
 * @scopes: every device scope, grouped by structure
 * @nr_scopes: entries in @scopes
 * @findings: the first VTD_DMAR_MAX_FINDINGS findings
 * @nr_findings: findings recorded in @findings
 * @nr_lost_findings: findings beyond the array, counted only
 */
struct vtd_dmar_table {
	u8 *bytes;
	u32 length;
	u8 revision;
	char oem_id[ACPI_OEM_ID_SIZE + 1];
	u8 haw;
	u8 flags;
	bool checksum_ok;
	struct vtd_dmar_struct *structs;
	u32 nr_structs;
	struct vtd_dmar_scope *scopes;
	u32 nr_scopes;
	struct vtd_dmar_finding findings[VTD_DMAR_MAX_FINDINGS];
	u32 nr_findings;
	u32 nr_lost_findings;
};

/**
 * struct vtd_pci_topology - how scope resolution sees the PCI hierarchy
 * @bridge_buses: if seg:bus:devfn is a present bridge, store its secondary
 *	and subordinate bus numbers and return true; else return false
 * @ctx: passed back to @bridge_buses
 *
 * The driver answers from the live PCI core, tests from a faked topology.
 */
struct vtd_pci_topology {
	bool (*bridge_buses)(void *ctx, u16 seg, u8 bus, u8 devfn, u8 *sec, u8 *sub);
	void *ctx;
};

int vtd_dmar_parse(const void *buf, size_t len, struct vtd_dmar_table **out);
void vtd_dmar_free(struct vtd_dmar_table *t);
const char *vtd_dmar_type_name(u16 type);
u32 vtd_dmar_nr_usable_units(const struct vtd_dmar_table *t);

int vtd_dmar_scope_target(const struct vtd_dmar_scope *sc, u16 seg,
			  const struct vtd_pci_topology *topo, u8 *bus, u8 *devfn);
int vtd_dmar_unit_for_pci(const struct vtd_dmar_table *t,
			  const struct vtd_pci_topology *topo,
			  u16 seg, u8 bus, u8 devfn);
int vtd_dmar_next_rmrr(const struct vtd_dmar_table *t,
		       const struct vtd_pci_topology *topo,
		       u16 seg, u8 bus, u8 devfn, int from);
int vtd_dmar_unit_for_nonpci(const struct vtd_dmar_table *t, u8 scope_type, u8 id);
char *vtd_dmar_scope_str(const struct vtd_dmar_scope *sc, char *buf, size_t len);
char *vtd_dmar_flags_str(u8 flags, char *buf, size_t len);

/* Iterate over the scopes of structure @s of table @t (none: no iteration). */
#define vtd_dmar_for_each_scope(t, s, sc)				\
	for ((sc) = (s)->nr_scopes ? &(t)->scopes[(s)->first_scope] : NULL;	\
	     (sc) && (sc) < &(t)->scopes[(s)->first_scope + (s)->nr_scopes];	\
	     (sc)++)

#endif /* VTD_DMAR_TABLES_H */
