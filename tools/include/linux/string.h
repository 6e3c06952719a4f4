/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/string.h>. */
#ifndef VTD_USER_STRING_H
#define VTD_USER_STRING_H
#include <string.h>
#include <sys/types.h>

/* Copy with truncation, always terminated; -7 (-E2BIG) when truncated. */
static inline ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (!size)
		return -7;
	if (n >= size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -7;
	}
	memcpy(dst, src, n + 1);
	return n;
}

/* The first byte in [@start, @start + @n) that is not @c, or NULL. */
static inline void *memchr_inv(const void *start, int c, size_t n)
{
	const unsigned char *p = start;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}
#endif
