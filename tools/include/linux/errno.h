/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/errno.h> (libc's <errno.h> includes this name too). */
#ifndef VTD_USER_ERRNO_H
#define VTD_USER_ERRNO_H
#include <asm-generic/errno.h>
#endif
