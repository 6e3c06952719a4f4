# SPDX-License-Identifier: GPL-2.0-only
# vtd: out-of-tree build and the project's entry points.
#
#   make            build vtd.ko and tests/vtd_kunit.ko against KDIR
#   make check      everything the project tests (what CI runs)
#   make demo       boot the test VM and show vtd at work
#   make bench      dma_map_benchmark, vtd against the in-tree driver
#   make fuzz       libFuzzer on the DMAR parser (FUZZ_SECONDS, default 600)
#
# KDIR defaults to the cached test kernel (tests/kernel/build) when it has
# been built, else to the running kernel's build tree.

ifneq ($(KERNELRELEASE),)
include $(src)/Kbuild
else

KDIR ?= $(or $(shell $(CURDIR)/tests/kernel/build --cached 2>/dev/null),/lib/modules/$(shell uname -r)/build)
VTD_CONFIG := CONFIG_VTD=m CONFIG_VTD_KUNIT_TEST=m

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) $(VTD_CONFIG) modules

kernel:
	tests/kernel/build

check:
	tests/check

demo:
	tests/demo

bench:
	tests/bench

fuzz:
	$(MAKE) -C tools/dmar-decode fuzz

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C tools/dmar-decode clean
	rm -rf tests/user/build

.PHONY: all modules kernel check demo bench fuzz clean
endif
