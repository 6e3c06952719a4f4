/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/slab.h>: the kernel allocators over libc's. */
#ifndef VTD_USER_SLAB_H
#define VTD_USER_SLAB_H
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>

#ifndef GFP_KERNEL
#define GFP_KERNEL	0u
#endif

static inline void *kmalloc(size_t n, int gfp) { (void)gfp; return malloc(n ? n : 1); }
static inline void *kzalloc(size_t n, int gfp) { (void)gfp; return calloc(1, n ? n : 1); }
static inline void kfree(const void *p) { free((void *)p); }

static inline void *krealloc_array(void *p, size_t n, size_t size, int gfp)
{
	size_t bytes = n * size;

	(void)gfp;
	if (size && n > SIZE_MAX / size)
		return NULL;
	return realloc(p, bytes ? bytes : 1);
}

static inline void *kmemdup(const void *src, size_t n, int gfp)
{
	void *p = kmalloc(n, gfp);

	if (p)
		memcpy(p, src, n);
	return p;
}

static inline char *kmemdup_nul(const char *s, size_t n, int gfp)
{
	char *p = kmalloc(n + 1, gfp);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
#endif
