/* SPDX-License-Identifier: GPL-2.0-only */
/* Userspace stand-in for <linux/pci.h>: devfn helpers only. */
#ifndef VTD_USER_PCI_H
#define VTD_USER_PCI_H
#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)
#endif
