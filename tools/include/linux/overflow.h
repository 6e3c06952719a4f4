/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/overflow.h>. */
#ifndef VTD_USER_OVERFLOW_H
#define VTD_USER_OVERFLOW_H
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#endif
