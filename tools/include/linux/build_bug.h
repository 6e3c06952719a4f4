/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/build_bug.h>. */
#ifndef VTD_USER_BUILD_BUG_H
#define VTD_USER_BUILD_BUG_H
#include <assert.h>
#endif
