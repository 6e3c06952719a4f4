/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/bitfield.h> (no compile-time mask checks). */
#ifndef VTD_USER_BITFIELD_H
#define VTD_USER_BITFIELD_H
#include <linux/bits.h>
#define __bf_shf(x)		__builtin_ctzll(x)
#define FIELD_GET(mask, reg)	((typeof(mask))(((reg) & (mask)) >> __bf_shf(mask)))
#define FIELD_PREP(mask, val)	((typeof(mask))(((typeof(mask))(val) << __bf_shf(mask)) & (mask)))
#endif
