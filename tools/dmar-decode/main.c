// SPDX-License-Identifier: GPL-2.0-only
/*
 * dmar-decode [--json] [FILE]: decode an ACPI DMAR table (default: the one
 * the firmware gave this machine) with vtd's own parser.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"

#define MAX_TABLE	(1 << 20)

static void usage(void)
{
	fprintf(stderr, "usage: dmar-decode [--json] [FILE]\n"
		"  FILE defaults to /sys/firmware/acpi/tables/DMAR\n");
	exit(2);
}

/* Read at most MAX_TABLE bytes; sysfs files report no size, so read to EOF. */
static unsigned char *read_all(const char *path, size_t *len)
{
	unsigned char *buf = malloc(MAX_TABLE + 1);
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!buf || !f) {
		fprintf(stderr, "dmar-decode: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	n = fread(buf, 1, MAX_TABLE + 1, f);
	if (ferror(f)) {
		fprintf(stderr, "dmar-decode: %s: read error\n", path);
		exit(1);
	}
	fclose(f);
	if (n > MAX_TABLE) {
		fprintf(stderr, "dmar-decode: %s: larger than %d bytes; not a DMAR table\n",
			path, MAX_TABLE);
		exit(1);
	}
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	const char *path = "/sys/firmware/acpi/tables/DMAR";
	struct vtd_dmar_table *t;
	unsigned char *buf;
	int i, json = 0, ret;
	size_t len;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			usage();
		else if (argv[i][0] == '-' && argv[i][1])
			usage();
		else
			path = argv[i];
	}
	buf = read_all(path, &len);
	ret = vtd_dmar_parse(buf, len, &t);
	if (ret == -ENOMEM) {
		fprintf(stderr, "dmar-decode: out of memory\n");
		return 1;
	}
	decode_print_findings(stderr, t);
	if (ret) {
		fprintf(stderr, "dmar-decode: %s: cannot decode this table\n", path);
		vtd_dmar_free(t);
		free(buf);
		return 1;
	}
	if (json)
		decode_print_json(stdout, t);
	else
		decode_print_text(stdout, t);
	vtd_dmar_free(t);
	free(buf);
	return 0;
}
