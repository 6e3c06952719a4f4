// SPDX-License-Identifier: GPL-2.0-only
/*
 * Printers for a parsed DMAR table: JSON (the schema of the DMAR discovery
 * issue, structures in table order) and a summary for people.
 */
#include <string.h>
#include "decode.h"

static const char * const severity[] = {
	[VTD_DMAR_NOTE] = "note", [VTD_DMAR_WARN] = "warning", [VTD_DMAR_ERR] = "error",
};

/* A JSON string: quotes, backslashes and control bytes escaped; bytes >= 0x80 as \u00XX. */
static void json_str(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void json_scopes(FILE *f, const struct vtd_dmar_table *t,
			const struct vtd_dmar_struct *s)
{
	const struct vtd_dmar_scope *sc;
	int i;

	fprintf(f, ", \"scopes\": [");
	vtd_dmar_for_each_scope(t, s, sc) {
		fprintf(f, "%s{\"type\": %u, \"enumeration_id\": %u, \"bus\": %u, \"path\": [",
			sc == &t->scopes[s->first_scope] ? "" : ", ",
			sc->type, sc->enumeration_id, sc->bus);
		for (i = 0; i < sc->nr_hops; i++)
			fprintf(f, "%s[%u, %u]", i ? ", " : "", sc->path[i].device,
				sc->path[i].function);
		fprintf(f, "]}");
	}
	fprintf(f, "]");
}

static void json_struct(FILE *f, const struct vtd_dmar_table *t,
			const struct vtd_dmar_struct *s)
{
	fprintf(f, "    {\"type\": \"%s\", \"offset\": %u, \"length\": %u",
		vtd_dmar_type_name(s->type), s->offset, s->length);
	if (!s->decoded) {
		fprintf(f, ", \"type_code\": %u}", s->type);
		return;
	}
	switch (s->type) {
	case ACPI_DMAR_TYPE_HARDWARE_UNIT:
		fprintf(f, ", \"flags\": %u, \"size\": %u, \"segment\": %u, \"address\": \"0x%llx\"",
			s->drhd.flags, s->drhd.size, s->drhd.segment,
			(unsigned long long)s->drhd.address);
		json_scopes(f, t, s);
		break;
	case ACPI_DMAR_TYPE_RESERVED_MEMORY:
		fprintf(f, ", \"segment\": %u, \"base\": \"0x%llx\", \"limit\": \"0x%llx\"",
			s->rmrr.segment, (unsigned long long)s->rmrr.base,
			(unsigned long long)s->rmrr.limit);
		json_scopes(f, t, s);
		break;
	case ACPI_DMAR_TYPE_ROOT_ATS:
	case ACPI_DMAR_TYPE_SATC:
		fprintf(f, ", \"flags\": %u, \"segment\": %u", s->atsr.flags, s->atsr.segment);
		json_scopes(f, t, s);
		break;
	case ACPI_DMAR_TYPE_HARDWARE_AFFINITY:
		fprintf(f, ", \"address\": \"0x%llx\", \"proximity_domain\": %u",
			(unsigned long long)s->rhsa.address, s->rhsa.proximity_domain);
		break;
	case ACPI_DMAR_TYPE_NAMESPACE:
		fprintf(f, ", \"device_number\": %u, \"object_name\": ", s->andd.device_number);
		json_str(f, s->andd.name ? s->andd.name : "");
		break;
	}
	fprintf(f, "}");
}

/**
 * decode_print_json() - the table as JSON
 * @f: where to print
 * @t: the parsed table
 */
void decode_print_json(FILE *f, const struct vtd_dmar_table *t)
{
	u32 i;

	fprintf(f, "{\"revision\": %u, \"oem_id\": ", t->revision);
	json_str(f, t->oem_id);
	fprintf(f, ", \"host_address_width\": %u, \"flags\": %u,\n \"structures\": [\n",
		t->haw, t->flags);
	for (i = 0; i < t->nr_structs; i++) {
		json_struct(f, t, &t->structs[i]);
		fprintf(f, "%s\n", i + 1 < t->nr_structs ? "," : "");
	}
	fprintf(f, "]}\n");
}

static void text_scopes(FILE *f, const struct vtd_dmar_table *t,
			const struct vtd_dmar_struct *s)
{
	const struct vtd_dmar_scope *sc;
	char buf[128];

	vtd_dmar_for_each_scope(t, s, sc)
		fprintf(f, "      %s\n", vtd_dmar_scope_str(sc, buf, sizeof(buf)));
}

/**
 * decode_print_text() - the table for people: units, what they cover,
 * reserved regions, and the findings
 * @f: where to print
 * @t: the parsed table
 */
void decode_print_text(FILE *f, const struct vtd_dmar_table *t)
{
	const struct vtd_dmar_struct *s;
	char flags[64];

	fprintf(f, "DMAR revision %u, OEM \"%s\", host address width %u, flags %#x%s\n",
		t->revision, t->oem_id, t->haw, t->flags,
		vtd_dmar_flags_str(t->flags, flags, sizeof(flags)));
	for (s = t->structs; t->nr_structs && s < t->structs + t->nr_structs; s++) {
		fprintf(f, "  %-4s @%#06x", vtd_dmar_type_name(s->type), s->offset);
		if (!s->decoded) {
			fprintf(f, " type %u, %u bytes, not decoded\n", s->type, s->length);
			continue;
		}
		switch (s->type) {
		case ACPI_DMAR_TYPE_HARDWARE_UNIT:
			fprintf(f, " unit at %#llx, segment %u%s%s; covers:\n",
				(unsigned long long)s->drhd.address, s->drhd.segment,
				s->drhd.flags & ACPI_DMAR_INCLUDE_ALL ?
					", every PCI device not claimed elsewhere" : "",
				s->broken ? " (BROKEN, ignored)" : "");
			break;
		case ACPI_DMAR_TYPE_RESERVED_MEMORY:
			fprintf(f, " reserved %#llx-%#llx, segment %u%s; for:\n",
				(unsigned long long)s->rmrr.base, (unsigned long long)s->rmrr.limit,
				s->rmrr.segment, s->broken ? " (BROKEN, ignored)" : "");
			break;
		case ACPI_DMAR_TYPE_ROOT_ATS:
		case ACPI_DMAR_TYPE_SATC:
			fprintf(f, " segment %u, flags %#x%s; devices:\n", s->atsr.segment,
				s->atsr.flags, s->type == ACPI_DMAR_TYPE_SATC ?
				" (ATC required)" : s->atsr.flags & ACPI_DMAR_ALL_PORTS ?
				" (ALL_PORTS)" : "");
			break;
		case ACPI_DMAR_TYPE_HARDWARE_AFFINITY:
			fprintf(f, " unit %#llx is in proximity domain %u\n",
				(unsigned long long)s->rhsa.address, s->rhsa.proximity_domain);
			break;
		case ACPI_DMAR_TYPE_NAMESPACE:
			fprintf(f, " ACPI device %u is %s\n", s->andd.device_number,
				s->andd.name ? s->andd.name : "?");
			break;
		}
		text_scopes(f, t, s);
	}
	fprintf(f, "%u usable unit(s), checksum %s, %u finding(s)\n",
		vtd_dmar_nr_usable_units(t), t->checksum_ok ? "ok" : "BAD",
		t->nr_findings + t->nr_lost_findings);
}

/**
 * decode_print_findings() - one line per finding
 * @f: where to print (stderr)
 * @t: the parsed table
 */
void decode_print_findings(FILE *f, const struct vtd_dmar_table *t)
{
	u32 i;

	for (i = 0; i < t->nr_findings; i++)
		fprintf(f, "dmar-decode: %s: %s\n", severity[t->findings[i].severity],
			t->findings[i].msg);
	if (t->nr_lost_findings)
		fprintf(f, "dmar-decode: %u more finding(s) not shown\n", t->nr_lost_findings);
}
