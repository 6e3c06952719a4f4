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
