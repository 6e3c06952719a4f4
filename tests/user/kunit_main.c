// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs the KUnit suites linked into this binary (tools/include/kunit/test.h),
 * one line per case, then "N passed, N failed". Exit status 1 on any failure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <kunit/test.h>

static struct kunit_suite *suites[64];
static int nr_suites;

void vtd_kunit_register(struct kunit_suite *suite)
{
	if (nr_suites < (int)ARRAY_SIZE(suites))
		suites[nr_suites++] = suite;
}

void vtd_kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	test->failures++;
	printf("    # %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Runs one case (one parameter); returns 0 pass, 1 fail, 2 skip. */
static int run_one(struct kunit_suite *s, struct kunit_case *c, const void *param)
{
	struct kunit test = { .name = c->name, .param_value = param };
	int rc, i;

	rc = setjmp(test.abort);
	if (rc == 0) {
		if (s->init && s->init(&test))
			test.failures++;
		else
			c->run_case(&test);
	}
	if (s->exit)
		s->exit(&test);
	for (i = 0; i < test.nr_allocs; i++)
		kfree(test.allocs[i]);
	if (rc == 2)
		return 2;
	return test.failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0, skipped = 0;

	for (int i = 0; i < nr_suites; i++) {
		struct kunit_suite *s = suites[i];

		if (filter && strcmp(filter, s->name))
			continue;
		if (s->suite_init && s->suite_init(s)) {
			printf("FAIL %s (suite_init)\n", s->name);
			failed++;
			continue;
		}
		for (struct kunit_case *c = s->test_cases; c->run_case; c++) {
			char desc[KUNIT_PARAM_DESC_SIZE] = "";
			const void *param = NULL;
			int rc = 0, r;

			do {
				if (c->generate_params) {
					param = c->generate_params(param, desc);
					if (!param)
						break;
				}
				r = run_one(s, c, param);
				rc = r > rc ? r : rc;
			} while (c->generate_params);
			printf("%s %s.%s\n", rc == 1 ? "FAIL" : rc == 2 ? "SKIP" : "PASS",
			       s->name, c->name);
			passed += rc == 0;
			failed += rc == 1;
			skipped += rc == 2;
		}
		if (s->suite_exit)
			s->suite_exit(s);
	}
	printf("%d passed, %d failed%s", passed, failed, skipped ? "" : "\n");
	if (skipped)
		printf(", %d skipped\n", skipped);
	return failed ? 1 : 0;
}
