/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/kernel.h>. */
#ifndef VTD_USER_KERNEL_H
#define VTD_USER_KERNEL_H
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <linux/types.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define max(a, b)	((a) > (b) ? (a) : (b))
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max_t(t, a, b)	((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define ALIGN(x, a)	(((x) + (a) - 1) & ~((typeof(x))(a) - 1))

/* snprintf that returns what it wrote, never more than @size - 1. */
static inline __printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}
#endif
