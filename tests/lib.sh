# Shared helpers for vtd's test scripts (sourced, never run).
# Everything cached lives outside the clone so CI and later sessions reuse it.

VTD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VTD_CACHE=${VTD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vtd}
VTD_SRC_PKG=linux-source-6.12

vtd_die() { echo "error: $*" >&2; exit 1; }
vtd_log() { echo ">> $*" >&2; }

# Debian packages the project needs, by what uses them.
VTD_PKGS_KERNEL="linux-source-6.12 build-essential flex bison bc libelf-dev libssl-dev dwarves cpio kmod xz-utils ccache python3"
VTD_PKGS_VM="qemu-system-x86 busybox-static cpio kmod"
VTD_PKGS_CHECK="sparse acpica-tools clang"

# vtd_need_pkgs PKG...: install what is missing (as root), else say how.
vtd_need_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages; run: apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	vtd_log "installing: ${missing[*]}"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; then
		apt-get update -q >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
			vtd_die "apt-get install ${missing[*]} failed"
	fi
}

# Kernel source and build directories, keyed by package version + fragment hash.
vtd_kernel_key() {
	local ver frag
	ver=$(vtd_src_version)
	frag=$(cat "$VTD_ROOT/tests/kernel/vtd.config" \
		$([ "${VTD_DEBUG:-0}" = 1 ] && echo "$VTD_ROOT/tests/kernel/debug.config") |
		sha256sum | cut -c1-12)
	echo "${ver}-${frag}$([ "${VTD_DEBUG:-0}" = 1 ] && echo -debug)"
}
vtd_src_dir() {
	echo "$VTD_CACHE/src/$(vtd_src_version)/linux-source-6.12"
}
vtd_build_dir() { echo "$VTD_CACHE/kernel/$(vtd_kernel_key)"; }

# The source package's version, made safe for a path (no '~' or ':').
vtd_src_version() {
	local v
	v=$(dpkg-query -W -f='${Version}' "$VTD_SRC_PKG" 2>/dev/null) || v=none
	echo "$v" | tr '~:' '__'
}
