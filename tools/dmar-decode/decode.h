/* SPDX-License-Identifier: GPL-2.0-only */
/* dmar-decode's printers, shared by the tool and its fuzz target. */
#ifndef DMAR_DECODE_H
#define DMAR_DECODE_H
#include <stdio.h>
#include "vtd/dmar_tables.h"

void decode_print_json(FILE *f, const struct vtd_dmar_table *t);
void decode_print_text(FILE *f, const struct vtd_dmar_table *t);
void decode_print_findings(FILE *f, const struct vtd_dmar_table *t);
#endif
