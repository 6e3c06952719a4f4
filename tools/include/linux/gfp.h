/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/gfp.h>: flags, and pages from libc. */
#ifndef VTD_USER_GFP_H
#define VTD_USER_GFP_H
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>

typedef unsigned int gfp_t;
#ifndef GFP_KERNEL
#define GFP_KERNEL	0u
#endif
#define GFP_ATOMIC	1u
#define PAGE_SIZE	4096UL

static inline unsigned long get_zeroed_page(gfp_t gfp)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_SIZE);

	(void)gfp;
	if (p)
		memset(p, 0, PAGE_SIZE);
	return (unsigned long)p;
}

static inline void free_page(unsigned long addr)
{
	free((void *)addr);
}
#endif
