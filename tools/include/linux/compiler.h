/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/compiler.h>. */
#ifndef VTD_USER_COMPILER_H
#define VTD_USER_COMPILER_H
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))
#ifndef __uninitialized
#define __uninitialized		/* userspace stacks are not zeroed for us */
#endif
#endif
