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
