// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-edu: drive QEMU's edu device from userspace through VFIO, the way a
 * VFIO user would, and check what its DMA can and cannot reach.
 *
 *   vfio-edu type1|iommufd BDF
 *   vfio-edu sysfs IOVA BDF...
 *
 * The sysfs form uses no VFIO: each edu stays in the domain the kernel gave
 * it (its default domain, with any firmware direct mappings) and reads
 * XFER bytes at IOVA once, all of them started before any is waited for
 * (edu runs a DMA 100 ms after the command, in whole milliseconds, so
 * theirs come together). "dma-from IOVA done" means every edu finished;
 * whether the unit let the reads through is for the caller to read in the
 * fault log. It is how a firmware-reserved (RMRR) range and a burst of
 * faults from several devices are tested.
 *
 * Each check prints "ok NAME" or "not ok NAME: why"; the exit status is the
 * number of failed checks. What the IOMMU should have reported (the faults)
 * is for the caller to read in dmesg. The checks:
 *   rw            RAM -> edu -> RAM through mapped IOVAs: the data comes back
 *   (unmapped)    edu writes to an IOVA never mapped (only the fault shows it)
 *   after-unmap   edu writes to an IOVA after UNMAP returned: the old page is
 *                 untouched (the translation left the IOTLB)
 *   readonly      a read-only mapping: edu reads it, its writes are dropped
 *
 * edu (QEMU hw/misc/edu.c): BAR0 has the DMA registers below and a 4 KiB
 * buffer at device address 0x40000; a DMA of exactly 4096 bytes kills QEMU
 * 7.2, so transfers are 2 KiB. VFIO leaves Bus Master Enable to the user.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <linux/iommufd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98
#define  EDU_CMD_START	1
#define  EDU_CMD_TO_RAM	2
#define EDU_BUF		0x40000
#define XFER		2048

#define IOVA_RW		0x100000ULL
#define IOVA_NEVER	0x7000000ULL
#define IOVA_GONE	0x200000ULL
#define IOVA_RO		0x300000ULL
#define PAGE		4096

struct vfio {
	int devfd;
	int container;	/* type1 */
	int iommufd;	/* iommufd */
	uint32_t ioas;
	volatile uint8_t *bar0;
};

static int failures;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "vfio-edu: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, ": %s\n", strerror(errno));
	va_end(ap);
	exit(100);
}

static void check(int ok, const char *name, const char *why)
{
	printf(ok ? "ok %s\n" : "not ok %s: %s\n", name, why);
	fflush(stdout);
	failures += !ok;
}

/* ---- the two ways into VFIO ---------------------------------------------------- */

static void open_type1(struct vfio *v, const char *bdf)
{
	char path[256], link[256];
	struct vfio_group_status st = { .argsz = sizeof(st) };
	ssize_t n;
	int group;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		die("%s has no IOMMU group", bdf);
	link[n] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);
	v->container = open("/dev/vfio/vfio", O_RDWR);
	group = open(path, O_RDWR);
	if (v->container < 0 || group < 0)
		die("open %s", path);
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &st) || !(st.flags & VFIO_GROUP_FLAGS_VIABLE))
		die("group %s not viable", path);
	if (ioctl(group, VFIO_GROUP_SET_CONTAINER, &v->container))
		die("VFIO_GROUP_SET_CONTAINER");
	if (ioctl(v->container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU))
		die("VFIO_SET_IOMMU");
	v->devfd = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, bdf);
	if (v->devfd < 0)
		die("VFIO_GROUP_GET_DEVICE_FD");
}

static void open_iommufd(struct vfio *v, const char *bdf)
{
	char path[512];
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct iommu_ioas_alloc alloc = { .size = sizeof(alloc) };
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	struct dirent *de;
	DIR *dir;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/vfio-dev", bdf);
	dir = opendir(path);
	if (!dir)
		die("%s has no VFIO cdev (is vfio-pci bound?)", bdf);
	while ((de = readdir(dir)) && strncmp(de->d_name, "vfio", 4))
		;
	if (!de)
		die("no vfioN in %s", path);
	snprintf(path, sizeof(path), "/dev/vfio/devices/%s", de->d_name);
	closedir(dir);
	v->iommufd = open("/dev/iommu", O_RDWR);
	v->devfd = open(path, O_RDWR);
	if (v->iommufd < 0 || v->devfd < 0)
		die("open /dev/iommu or %s", path);
	bind.iommufd = v->iommufd;
	if (ioctl(v->devfd, VFIO_DEVICE_BIND_IOMMUFD, &bind))
		die("VFIO_DEVICE_BIND_IOMMUFD");
	if (ioctl(v->iommufd, IOMMU_IOAS_ALLOC, &alloc))
		die("IOMMU_IOAS_ALLOC");
	v->ioas = alloc.out_ioas_id;
	attach.pt_id = v->ioas;
	if (ioctl(v->devfd, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach))
		die("VFIO_DEVICE_ATTACH_IOMMUFD_PT");
}

static int dma_map(struct vfio *v, void *va, uint64_t iova, uint64_t len, int writable)
{
	if (v->iommufd >= 0) {
		struct iommu_ioas_map m = {
			.size = sizeof(m), .ioas_id = v->ioas, .user_va = (uintptr_t)va,
			.length = len, .iova = iova,
			.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_READABLE |
				 (writable ? IOMMU_IOAS_MAP_WRITEABLE : 0),
		};
		return ioctl(v->iommufd, IOMMU_IOAS_MAP, &m);
	} else {
		struct vfio_iommu_type1_dma_map m = {
			.argsz = sizeof(m), .vaddr = (uintptr_t)va, .iova = iova, .size = len,
			.flags = VFIO_DMA_MAP_FLAG_READ | (writable ? VFIO_DMA_MAP_FLAG_WRITE : 0),
		};
		return ioctl(v->container, VFIO_IOMMU_MAP_DMA, &m);
	}
}

static int dma_unmap(struct vfio *v, uint64_t iova, uint64_t len)
{
	if (v->iommufd >= 0) {
		struct iommu_ioas_unmap u = {
			.size = sizeof(u), .ioas_id = v->ioas, .iova = iova, .length = len,
		};
		return ioctl(v->iommufd, IOMMU_IOAS_UNMAP, &u);
	} else {
		struct vfio_iommu_type1_dma_unmap u = {
			.argsz = sizeof(u), .iova = iova, .size = len,
		};
		return ioctl(v->container, VFIO_IOMMU_UNMAP_DMA, &u);
	}
}

/* BAR0 mapped; Bus Master Enable set in the command register. */
static void setup_device(struct vfio *v)
{
	struct vfio_region_info bar = { .argsz = sizeof(bar), .index = VFIO_PCI_BAR0_REGION_INDEX };
	struct vfio_region_info cfg = { .argsz = sizeof(cfg), .index = VFIO_PCI_CONFIG_REGION_INDEX };
	uint16_t cmd;

	if (ioctl(v->devfd, VFIO_DEVICE_GET_REGION_INFO, &bar) ||
	    ioctl(v->devfd, VFIO_DEVICE_GET_REGION_INFO, &cfg))
		die("VFIO_DEVICE_GET_REGION_INFO");
	v->bar0 = mmap(NULL, bar.size, PROT_READ | PROT_WRITE, MAP_SHARED, v->devfd, bar.offset);
	if (v->bar0 == MAP_FAILED)
		die("mmap BAR0");
	if (pread(v->devfd, &cmd, 2, cfg.offset + PCI_COMMAND) != 2)
		die("read PCI_COMMAND");
	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	if (pwrite(v->devfd, &cmd, 2, cfg.offset + PCI_COMMAND) != 2)
		die("write PCI_COMMAND");
}

/* No VFIO: BAR0 through sysfs, Bus Master Enable through the config file. */
static void setup_sysfs(struct vfio *v, const char *bdf)
{
	char path[128];
	struct stat st;
	uint16_t cmd;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDWR);
	if (fd < 0 || pread(fd, &cmd, 2, PCI_COMMAND) != 2)
		die("read PCI_COMMAND from %s", path);
	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	if (pwrite(fd, &cmd, 2, PCI_COMMAND) != 2)
		die("write PCI_COMMAND to %s", path);
	close(fd);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", bdf);
	fd = open(path, O_RDWR);
	if (fd < 0 || fstat(fd, &st))
		die("open %s", path);
	v->bar0 = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (v->bar0 == MAP_FAILED)
		die("mmap %s", path);
}

static void wr64(struct vfio *v, unsigned int off, uint64_t val)
{
	*(volatile uint64_t *)(v->bar0 + off) = val;
}

static uint64_t rd64(struct vfio *v, unsigned int off)
{
	return *(volatile uint64_t *)(v->bar0 + off);
}

static void edu_dma_start(struct vfio *v, uint64_t src, uint64_t dst, int to_ram)
{
	wr64(v, EDU_DMA_SRC, src);
	wr64(v, EDU_DMA_DST, dst);
	wr64(v, EDU_DMA_COUNT, XFER);
	wr64(v, EDU_DMA_CMD, EDU_CMD_START | (to_ram ? EDU_CMD_TO_RAM : 0));
}

/* 0 once the device says its DMA is done (edu takes ~100 ms); -1 after 5 s. */
static int edu_dma_wait(struct vfio *v)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int i;

	for (i = 0; i < 500; i++) {
		if (!(rd64(v, EDU_DMA_CMD) & EDU_CMD_START))
			return 0;
		nanosleep(&ts, NULL);
	}
	return -1;
}

/* One edu DMA; returns 0 once the device says it is done. */
static int edu_dma(struct vfio *v, uint64_t src, uint64_t dst, int to_ram)
{
	edu_dma_start(v, src, dst, to_ram);
	return edu_dma_wait(v);
}

/* Every DMA must complete: a check must not pass because nothing happened. */
static void dma(struct vfio *v, uint64_t src, uint64_t dst, int to_ram)
{
	char why[96];

	if (edu_dma(v, src, dst, to_ram)) {
		snprintf(why, sizeof(why), "edu DMA %#llx -> %#llx did not finish",
			 (unsigned long long)src, (unsigned long long)dst);
		check(0, "dma-done", why);
	}
}

static uint8_t *page_buf(size_t len)
{
	uint8_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("mmap");
	return p;
}

static void fill(uint8_t *p, uint8_t seed)
{
	for (int i = 0; i < XFER; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

static int all(const uint8_t *p, uint8_t val)
{
	for (int i = 0; i < XFER; i++)
		if (p[i] != val)
			return 0;
	return 1;
}

/* ---- the checks ------------------------------------------------------------------- */

static void check_rw(struct vfio *v, uint8_t *rw)
{
	fill(rw, 0x31);
	memset(rw + PAGE, 0, XFER);
	dma(v, IOVA_RW, EDU_BUF, 0);
	dma(v, EDU_BUF, IOVA_RW + PAGE, 1);
	check(!memcmp(rw, rw + PAGE, XFER), "rw", "data read back differs from data written");
}

/*
 * A blocked write leaves nothing in memory to compare: what proves it is
 * the fault vtd reports for this address, which the caller checks.
 */
static void check_unmapped(struct vfio *v)
{
	dma(v, EDU_BUF, IOVA_NEVER, 1);
	printf("# unmapped iova %#llx\n", IOVA_NEVER);
}

static void check_after_unmap(struct vfio *v, uint8_t *rw)
{
	uint8_t *gone = page_buf(PAGE);

	if (dma_map(v, gone, IOVA_GONE, PAGE, 1))
		die("map IOVA_GONE");
	/* Warm the unit's IOTLB with the translation, then take the mapping away. */
	fill(rw, 0x77);
	dma(v, IOVA_RW, EDU_BUF, 0);
	dma(v, EDU_BUF, IOVA_GONE, 1);
	check(!memcmp(gone, rw, XFER), "after-unmap-warm", "the mapped page did not get the data");
	if (dma_unmap(v, IOVA_GONE, PAGE))
		die("unmap IOVA_GONE");
	memset(gone, 0, XFER);
	fill(rw, 0x99);
	dma(v, IOVA_RW, EDU_BUF, 0);
	dma(v, EDU_BUF, IOVA_GONE, 1);
	check(all(gone, 0), "after-unmap", "DMA reached the page after UNMAP returned");
	printf("# unmapped-after-use iova %#llx\n", IOVA_GONE);
}

/*
 * Write first: QEMU checks permissions only when it walks the table, so a
 * write after a read would be dropped from its IOTLB without a fault record.
 */
static void check_readonly(struct vfio *v, uint8_t *rw)
{
	uint8_t *ro = page_buf(PAGE);

	fill(ro, 0x44);
	if (dma_map(v, ro, IOVA_RO, PAGE, 0))
		die("map IOVA_RO");
	memset(rw, 0xee, XFER);
	dma(v, IOVA_RW, EDU_BUF, 0);
	dma(v, EDU_BUF, IOVA_RO, 1);
	fill(rw, 0x44);
	check(!memcmp(ro, rw, XFER), "readonly-write", "edu wrote to a read-only mapping");
	memset(rw + PAGE, 0, XFER);
	dma(v, IOVA_RO, EDU_BUF, 0);
	dma(v, EDU_BUF, IOVA_RW + PAGE, 1);
	check(!memcmp(rw + PAGE, ro, XFER), "readonly-read", "edu could not read the page");
	printf("# readonly iova %#llx\n", IOVA_RO);
}

static int main_sysfs(uint64_t iova, int n, char **bdfs)
{
	struct vfio *v = calloc(n, sizeof(*v));
	int i, late = 0;

	if (!v)
		die("calloc");
	for (i = 0; i < n; i++)
		setup_sysfs(&v[i], bdfs[i]);
	for (i = 0; i < n; i++)
		edu_dma_start(&v[i], iova, EDU_BUF, 0);
	for (i = 0; i < n; i++)
		late += !!edu_dma_wait(&v[i]);
	printf("dma-from %#llx %s\n", (unsigned long long)iova, late ? "did not finish" : "done");
	return late;
}

int main(int argc, char **argv)
{
	struct vfio v = { .container = -1, .iommufd = -1 };
	uint8_t *rw;

	if (argc >= 4 && !strcmp(argv[1], "sysfs"))
		return main_sysfs(strtoull(argv[2], NULL, 0), argc - 3, argv + 3);
	if (argc != 3) {
		fprintf(stderr, "usage: vfio-edu type1|iommufd BDF | vfio-edu sysfs IOVA BDF...\n");
		return 100;
	}
	if (!strcmp(argv[1], "iommufd"))
		open_iommufd(&v, argv[2]);
	else
		open_type1(&v, argv[2]);
	setup_device(&v);
	rw = page_buf(2 * PAGE);
	if (dma_map(&v, rw, IOVA_RW, 2 * PAGE, 1))
		die("map IOVA_RW");
	check_rw(&v, rw);
	check_unmapped(&v);
	check_after_unmap(&v, rw);
	check_readonly(&v, rw);
	return failures;
}
