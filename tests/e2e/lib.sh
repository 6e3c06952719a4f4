# Helpers for the end-to-end scenarios (sourced). A scenario exits 0 when its
# assertions hold, 77 to skip (reason on its last line), anything else fails.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
VM=$VTD_ROOT/tests/qemu/vm
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/vtd-e2e.XXXXXX")
trap 'rm -rf "$E2E_TMP"' EXIT

# expect DESCRIPTION CONDITION...: fail the scenario with DESCRIPTION unless CONDITION holds.
expect() {
	local what=$1
	shift
	if ! "$@"; then
		echo "assertion failed: $what" >&2
		exit 1
	fi
}
contains() { grep -qE -- "$2" "$1"; }
lacks() { ! grep -qE -- "$2" "$1"; }

# A static dmar-decode for the guest.
static_decode() {
	make -s -C "$VTD_ROOT/tools/dmar-decode" STATIC=1 OUT="$E2E_TMP/dmar-decode" \
		"$E2E_TMP/dmar-decode" >&2
	echo "$E2E_TMP/dmar-decode"
}

# Translation scenarios (tests/e2e/translate/) run once per unit configuration;
# tests/check passes it in VTD_IOMMU.
VTD_IOMMU=${VTD_IOMMU:-aw-bits=39}
vm_iommu() { "$VM" --iommu "$VTD_IOMMU" "$@"; }
caching_mode() { case ",$VTD_IOMMU," in *,caching-mode=on,*) return 0 ;; esac; return 1; }

# The test kernel's UAPI headers (the host's may predate iommufd cdevs).
kernel_uapi() {
	local kdir
	kdir=$("$VTD_ROOT/tests/kernel/build")
	[ -e "$kdir/usr/include/linux/iommufd.h" ] ||
		make -s -C "$(vtd_src_dir)" O="$kdir" headers >&2
	echo "$kdir/usr/include"
}

# Static guest tools, built into $E2E_TMP.
build_vfio_edu() {
	make -s -C "$VTD_ROOT/tools/vfio-edu" UAPI="$(kernel_uapi)" OUT="$E2E_TMP/vfio-edu" >&2
	echo "$E2E_TMP/vfio-edu"
}
build_dma_bench() {
	local src
	src=$(vtd_src_dir)
	mkdir -p "$E2E_TMP/inc/linux"
	cp "$src/include/linux/map_benchmark.h" "$E2E_TMP/inc/linux/"
	gcc -O2 -static -I"$(kernel_uapi)" -I"$E2E_TMP/inc" -o "$E2E_TMP/dma_map_benchmark" \
		"$src/tools/testing/selftests/dma/dma_map_benchmark.c" >&2
	echo "$E2E_TMP/dma_map_benchmark"
}

# Guest shell snippet: roundtrip MIB LABEL writes MIB MiB of random data to
# nvme0n1 with O_DIRECT, drops the page cache, reads it back, and prints
# "same in <group type>" (LABEL, when given, instead of "in") if identical.
NVME_ROUNDTRIP='
roundtrip() {
	g=$(basename $(readlink /sys/bus/pci/devices/0000:00:02.0/iommu_group))
	dd if=/dev/urandom of=/tmp/pat bs=1M count=$1 2>/dev/null
	dd if=/tmp/pat of=/dev/nvme0n1 bs=1M oflag=direct 2>/dev/null || return
	sync
	echo 3 > /proc/sys/vm/drop_caches
	dd if=/dev/nvme0n1 of=/tmp/back bs=1M count=$1 iflag=direct 2>/dev/null || return
	cmp -s /tmp/pat /tmp/back && echo "same ${2:-in} $(cat /sys/kernel/iommu_groups/$g/type)"
	rm -f /tmp/back
}
'
