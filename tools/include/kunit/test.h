/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in for <kunit/test.h>: enough of KUnit's API that vtd's
 * KUnit suites compile and run unchanged in tests/user under ASan and UBSan
 * (the idea of tools/testing/radix-tree). Failed expectations are counted,
 * failed assertions end the case; tests/user/kunit_main.c runs the suites.
 */
#ifndef VTD_USER_KUNIT_TEST_H
#define VTD_USER_KUNIT_TEST_H
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/slab.h>

struct kunit {
	const char *name;
	int failures;
	jmp_buf abort;
	void *allocs[256];
	int nr_allocs;
	const void *param_value;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

#define KUNIT_PARAM_DESC_SIZE 128
#define KUNIT_CASE(fn)		{ .run_case = fn, .name = #fn }
#define KUNIT_CASE_PARAM(fn, gen) { .run_case = fn, .name = #fn, .generate_params = gen }
#define KUNIT_ARRAY_PARAM(name, array, get_desc)				\
	static const void *name##_gen_params(const void *prev, char *desc)	\
	{									\
		typeof((array)[0]) *__next = prev ? ((typeof(__next))prev) + 1 : (array); \
		void (*__get_desc)(typeof(__next), char *) = get_desc;		\
		if (__next - (array) < ARRAY_SIZE((array))) {			\
			if (__get_desc)						\
				__get_desc(__next, desc);			\
			return __next;						\
		}								\
		return NULL;							\
	}

#define MODULE_LICENSE(x)
#define MODULE_DESCRIPTION(x)

void vtd_kunit_register(struct kunit_suite *suite);
#define kunit_test_suites(...)							\
	static struct kunit_suite *__vtd_suites[] = { __VA_ARGS__ };		\
	static void __attribute__((constructor)) __vtd_register(void)		\
	{									\
		for (size_t i = 0; i < ARRAY_SIZE(__vtd_suites); i++)		\
			vtd_kunit_register(__vtd_suites[i]);			\
	}
#define kunit_test_suite(s)	kunit_test_suites(&(s))

#define kunit_info(test, fmt, ...)	printf("    # " fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)	printf("    # " fmt, ##__VA_ARGS__)
#define kunit_skip(test, fmt, ...)	do { printf("    # SKIP " fmt "\n", ##__VA_ARGS__); longjmp((test)->abort, 2); } while (0)

static inline void *kunit_kzalloc(struct kunit *test, size_t n, int gfp)
{
	void *p = kzalloc(n, gfp);

	if (p && test->nr_allocs < (int)ARRAY_SIZE(test->allocs))
		test->allocs[test->nr_allocs++] = p;
	return p;
}
#define kunit_kmalloc(test, n, gfp)	kunit_kzalloc(test, n, gfp)
#define kunit_kmalloc_array(test, n, s, gfp) kunit_kzalloc(test, (n) * (s), gfp)

void vtd_kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define __VTD_KCHECK(test, assert, cond, fmt, ...) do {				\
	if (!(cond)) {								\
		vtd_kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__);	\
		if (assert)							\
			longjmp((test)->abort, 1);				\
	}									\
} while (0)

#define __VTD_KBINARY(test, assert, a, op, b, ...) do {				\
	long long __a = (long long)(a), __b = (long long)(b);			\
	__VTD_KCHECK(test, assert, __a op __b,					\
		     "expected %s %s %s, but %lld vs %lld", #a, #op, #b, __a, __b); \
} while (0)

#define KUNIT_EXPECT_EQ(t, a, b)	__VTD_KBINARY(t, 0, a, ==, b)
#define KUNIT_EXPECT_NE(t, a, b)	__VTD_KBINARY(t, 0, a, !=, b)
#define KUNIT_EXPECT_LT(t, a, b)	__VTD_KBINARY(t, 0, a, <, b)
#define KUNIT_EXPECT_LE(t, a, b)	__VTD_KBINARY(t, 0, a, <=, b)
#define KUNIT_EXPECT_GT(t, a, b)	__VTD_KBINARY(t, 0, a, >, b)
#define KUNIT_EXPECT_GE(t, a, b)	__VTD_KBINARY(t, 0, a, >=, b)
#define KUNIT_ASSERT_EQ(t, a, b)	__VTD_KBINARY(t, 1, a, ==, b)
#define KUNIT_ASSERT_NE(t, a, b)	__VTD_KBINARY(t, 1, a, !=, b)
#define KUNIT_ASSERT_LT(t, a, b)	__VTD_KBINARY(t, 1, a, <, b)
#define KUNIT_ASSERT_GE(t, a, b)	__VTD_KBINARY(t, 1, a, >=, b)
#define KUNIT_ASSERT_GT(t, a, b)	__VTD_KBINARY(t, 1, a, >, b)
#define KUNIT_EXPECT_EQ_MSG(t, a, b, fmt, ...) \
	__VTD_KCHECK(t, 0, (a) == (b), "expected %s == %s: " fmt, #a, #b, ##__VA_ARGS__)
#define KUNIT_FAIL(t, fmt, ...)	__VTD_KCHECK(t, 0, 0, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_TRUE(t, c)		__VTD_KCHECK(t, 0, (c), "expected %s to be true", #c)
#define KUNIT_EXPECT_FALSE(t, c)	__VTD_KCHECK(t, 0, !(c), "expected %s to be false", #c)
#define KUNIT_ASSERT_TRUE(t, c)		__VTD_KCHECK(t, 1, (c), "expected %s to be true", #c)
#define KUNIT_ASSERT_FALSE(t, c)	__VTD_KCHECK(t, 1, !(c), "expected %s to be false", #c)
#define KUNIT_EXPECT_TRUE_MSG(t, c, fmt, ...) \
	__VTD_KCHECK(t, 0, (c), "expected %s: " fmt, #c, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(t, p)		__VTD_KCHECK(t, 0, (p) == NULL, "expected %s to be NULL", #p)
#define KUNIT_ASSERT_NOT_NULL(t, p)	__VTD_KCHECK(t, 1, (p) != NULL, "expected %s not to be NULL", #p)
#define KUNIT_EXPECT_STREQ(t, a, b) \
	__VTD_KCHECK(t, 0, !strcmp((a), (b)), "expected %s == %s: \"%s\" vs \"%s\"", #a, #b, (a), (b))
#define KUNIT_EXPECT_PTR_EQ(t, a, b)	__VTD_KCHECK(t, 0, (a) == (b), "expected %s == %s", #a, #b)
#endif
