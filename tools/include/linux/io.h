/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/io.h>: physical addresses are the virtual ones. */
#ifndef VTD_USER_IO_H
#define VTD_USER_IO_H
#include <stdint.h>
#include <linux/types.h>

static inline phys_addr_t virt_to_phys(const void *p) { return (uintptr_t)p; }
static inline void *phys_to_virt(phys_addr_t pa) { return (void *)(uintptr_t)pa; }
#endif
