/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/atomic.h>: compare-and-exchange only. */
#ifndef VTD_USER_ATOMIC_H
#define VTD_USER_ATOMIC_H
#define cmpxchg64(p, old, new)	__sync_val_compare_and_swap((p), (old), (new))
#endif
