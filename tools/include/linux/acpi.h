/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in for <linux/acpi.h>: the few ACPICA types its table
 * headers need, then ACPICA's own <acpi/actbl.h> from the kernel source
 * (-I$(KSRC)/include), so userspace uses the very struct acpi_dmar_* the
 * kernel does.
 */
#ifndef VTD_USER_ACPI_H
#define VTD_USER_ACPI_H
#include <linux/types.h>

typedef u64 acpi_size;
typedef u64 acpi_io_address;
typedef u64 acpi_physical_address;
typedef u32 acpi_status;
typedef char *acpi_string;
typedef u32 acpi_object_type;
typedef void *acpi_handle;
typedef u16 acpi_owner_id;

#define ACPI_NAMESEG_SIZE	4
#define ACPI_OEM_ID_SIZE	6
#define ACPI_OEM_TABLE_ID_SIZE	8
#define ACPI_UINT32_MAX		0xffffffffu
#define ACPI_INLINE		inline
#define ACPI_FLEX_ARRAY(TYPE, NAME) \
	struct { struct { } __empty_ ## NAME; TYPE NAME[]; }

#include <acpi/actbl.h>
#endif
