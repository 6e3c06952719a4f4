/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/bitops.h>. */
#ifndef VTD_USER_BITOPS_H
#define VTD_USER_BITOPS_H
#include <linux/types.h>

/* Position of the most significant set bit, counting from 1; 0 for 0. */
static inline unsigned int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}
#endif
