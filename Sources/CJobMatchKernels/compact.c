// The compact job matrix's kernels (see include/CJobMatchKernels.h and docs/performance.md).
//
// Notation: a is the query (float), b a job row (float), s_a, s_b their scales, q_a, q_b the int8 codes,
// â = s_a·q_a, b̂ = s_b·q_b, e_a = a − â, e_b = b − b̂. Then a·b − â·b̂ = a·e_b + e_a·b̂ exactly, so
//   |a·b − â·b̂| ≤ min(‖a‖₂‖e_b‖₂, ‖a‖₁‖e_b‖∞) + min(‖e_a‖₂‖b̂‖₂, ‖e_a‖∞‖b̂‖₁),
// with ‖e_b‖∞ ≤ s_b·(1/2 + 2⁻¹⁶) (round to nearest; the quotient b/s_b is off by at most 127 ulps of 1).
// The float32 score a float kernel computes, in any summation order, is within γ_d·Σ|a_i b_i| ≤
// γ_d·‖a‖₂(‖b̂‖₂ + ‖e_b‖₂) of a·b (γ_d = d·u / (1 − d·u), u = 2⁻²⁴). â·b̂ = s_a·s_b·Σ q_a q_b is an exact
// integer dot product times two floats; computing it in float adds at most 3u·|ŝ|, and rounding the
// bounds adds at most u·(|ŝ| + B); both are covered by the 8u·|ŝ| term and the factor 1 + 2⁻¹⁶ on B.
#include "CJobMatchKernels.h"

#include <math.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define JMK_X86 1
#else
#define JMK_X86 0
#endif

static const double unit_roundoff = 5.9604644775390625e-08;  // 2⁻²⁴

int jmk_isa(int limit) {
#if JMK_X86
    static int detected = -1;
    if (detected < 0) {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f")) {
            detected = 2;
        } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            detected = 1;
        } else {
            detected = 0;
        }
    }
    return detected < limit ? detected : (limit < 0 ? 0 : limit);
#else
    (void)limit;
    return 0;
#endif
}

/// The smallest float ≥ x.
static float up(double x) {
    float f = (float)x;
    return (double)f < x ? nextafterf(f, INFINITY) : f;
}

void jmk_quantize_rows(const float *rows, int64_t count, int32_t dimension, uint8_t *codes,
                       float *scale, float *error2, float *hat1, float *hat2) {
    for (int64_t r = 0; r < count; r++) {
        const float *b = rows + r * dimension;
        uint8_t *q = codes + r * dimension;
        float top = 0;
        for (int32_t i = 0; i < dimension; i++) top = fmaxf(top, fabsf(b[i]));
        float s = top / 127.0f;
        double e2 = 0, h1 = 0, h2 = 0;
        for (int32_t i = 0; i < dimension; i++) {
            long code = s > 0 ? lrintf(b[i] / s) : 0;
            if (code > 127) code = 127;
            if (code < -127) code = -127;
            q[i] = (uint8_t)(code + 128);
            double hat = (double)s * (double)code;
            double e = (double)b[i] - hat;
            e2 += e * e;
            h1 += fabs(hat);
            h2 += hat * hat;
        }
        const double slack = 1 + 1e-12;
        scale[r] = s;
        error2[r] = up(sqrt(e2) * slack);
        hat1[r] = up(h1 * slack);
        hat2[r] = up(sqrt(h2) * slack);
    }
}

void jmk_quantize_query(const float *a, int32_t dimension, int8_t *codes, jmk_query *query) {
    float top = 0;
    for (int32_t i = 0; i < dimension; i++) top = fmaxf(top, fabsf(a[i]));
    float s = top / 127.0f;
    int32_t sum = 0;
    double l1 = 0, l2 = 0, e2 = 0, emax = 0;
    for (int32_t i = 0; i < dimension; i++) {
        long code = s > 0 ? lrintf(a[i] / s) : 0;
        if (code > 127) code = 127;
        if (code < -127) code = -127;
        codes[i] = (int8_t)code;
        sum += (int32_t)code;
        double e = (double)a[i] - (double)s * (double)code;
        l1 += fabs((double)a[i]);
        l2 += (double)a[i] * (double)a[i];
        e2 += e * e;
        emax = fmax(emax, fabs(e));
    }
    const double slack = 1 + 1e-12;
    query->scale = s;
    query->codeSum = sum;
    query->l1 = l1 * slack;
    query->l2 = sqrt(l2) * slack;
    query->error2 = sqrt(e2) * slack;
    query->errorMax = emax * slack;
}

/// The query's constants of the bound, as floats rounded up.
typedef struct {
    float product, l1Half, l2, error2, errorMax, gamma, rounding;
} constants;

static constants constants_of(const jmk_query *query, int32_t dimension) {
    double du = dimension * unit_roundoff;
    constants c;
    c.product = query->scale;
    c.l1Half = up(query->l1 * (0.5 + 1.0 / 65536));
    c.l2 = up(query->l2);
    c.error2 = up(query->error2);
    c.errorMax = up(query->errorMax);
    c.gamma = up(query->l2 * du / (1 - du));
    c.rounding = up(8 * unit_roundoff);
    return c;
}

/// Both bounds of one row from its integer dot product Σ q_a q_b.
static inline void bound_one(int32_t dot, int64_t r, jmk_row_stats stats, const constants *c, float *upper, float *lower) {
    float approx = (c->product * stats.scale[r]) * (float)dot;
    float b = fminf(c->l2 * stats.error2[r], c->l1Half * stats.scale[r])
            + fminf(c->error2 * stats.hat2[r], c->errorMax * stats.hat1[r])
            + c->gamma * (stats.hat2[r] + stats.error2[r]) + c->rounding * fabsf(approx);
    b *= 1.0f + 1.0f / 65536;
    upper[r] = approx + b;
    lower[r] = approx - b;
}

static void bounds_portable(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                            const int8_t *q, const jmk_query *query, float *upper, float *lower) {
    constants c = constants_of(query, dimension);
    int32_t shift = 128 * query->codeSum;
    for (int64_t r = 0; r < count; r++) {
        const uint8_t *row = codes + r * dimension;
        int32_t dot = 0;
        for (int32_t i = 0; i < dimension; i++) dot += (int32_t)row[i] * (int32_t)q[i];
        bound_one(dot - shift, r, stats, &c, upper, lower);
    }
}

#if JMK_X86
#include "compact_x86.h"
#endif

void jmk_bounds(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                const int8_t *queryCodes, const jmk_query *query, int isa, float *upper, float *lower) {
#if JMK_X86
    if (isa >= 2 && dimension % 64 == 0 && dimension <= 512) {
        bounds_avx512(codes, stats, count, dimension, queryCodes, query, upper, lower);
        return;
    }
    if (isa >= 1 && dimension % 32 == 0 && dimension <= 512) {
        bounds_avx2(codes, stats, count, dimension, queryCodes, query, upper, lower);
        return;
    }
#else
    (void)isa;
#endif
    bounds_portable(codes, stats, count, dimension, queryCodes, query, upper, lower);
}

int64_t jmk_next_not_below(const float *x, int64_t count, float floor) {
#if JMK_X86
    if (jmk_isa(2) >= 2) return next_not_below_avx512(x, count, floor);
#endif
    for (int64_t i = 0; i < count; i++) if (!(x[i] < floor)) return i;
    return count;
}

#pragma clang fp contract(off)
void jmk_exact_scores(const float *rows, const int32_t *rowIndex, int64_t count, int32_t dimension,
                      const float *a, float *scores) {
    int64_t i = 0;
    for (; i + 4 <= count; i += 4) {
        const float *r0 = rows + (int64_t)rowIndex[i] * dimension, *r1 = rows + (int64_t)rowIndex[i + 1] * dimension;
        const float *r2 = rows + (int64_t)rowIndex[i + 2] * dimension, *r3 = rows + (int64_t)rowIndex[i + 3] * dimension;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int32_t d = 0; d < dimension; d++) {
            s0 += a[d] * r0[d];
            s1 += a[d] * r1[d];
            s2 += a[d] * r2[d];
            s3 += a[d] * r3[d];
        }
        scores[i] = s0; scores[i + 1] = s1; scores[i + 2] = s2; scores[i + 3] = s3;
    }
    for (; i < count; i++) {
        const float *r = rows + (int64_t)rowIndex[i] * dimension;
        float s = 0;
        for (int32_t d = 0; d < dimension; d++) s += a[d] * r[d];
        scores[i] = s;
    }
}
