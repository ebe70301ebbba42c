// The block kernel: upper bounds for many queries × one tile of job rows, included by compact.c only.
//
// AVX-512 VNNI: the tile's codes are repacked into panels of 16 rows (per group of 4 dimensions, 16 × 4
// bytes), so one vpdpbusd multiplies 16 rows by 4 bytes of a query broadcast from memory and the int32
// lanes are rows: no horizontal sums. 2 panels × 8 queries are 16 accumulators in registers; the tile
// (256 rows × d bytes) stays in L1/L2 while every query of the block passes over it. The bound of each
// pair is bound_one's arithmetic, 16 rows at a time. Other CPUs: jmk_bounds per query (AVX2 or portable).

#define JMK_PANEL 16
#define JMK_GROUP 8

/// Repacks `count` rows (row-major codes) into panels; rows past `count` get code 128 (zero).
static void pack_panels(const uint8_t *codes, int64_t count, int32_t dimension, uint8_t *packed) {
    const int64_t panels = (count + JMK_PANEL - 1) / JMK_PANEL;
    const int32_t groups = dimension / 4;
    for (int64_t p = 0; p < panels; p++) {
        uint32_t *out = (uint32_t *)(packed + p * JMK_PANEL * dimension);
        for (int t = 0; t < JMK_PANEL; t++) {
            int64_t r = p * JMK_PANEL + t;
            if (r < count) {
                const uint32_t *row = (const uint32_t *)(codes + r * dimension);
                for (int32_t g = 0; g < groups; g++) out[g * JMK_PANEL + t] = row[g];
            } else {
                for (int32_t g = 0; g < groups; g++) out[g * JMK_PANEL + t] = 0x80808080u;
            }
        }
    }
}

#if JMK_X86
__attribute__((target("avx512f,avx512bw,avx512vnni,avx512dq")))
static void block_avx512(const uint8_t *packed, jmk_row_stats stats, int64_t count, int32_t dimension,
                         const int8_t *queryCodes, const jmk_bound_constants *constants, const int32_t *members,
                         int32_t queryCount, float *upper, int64_t stride) {
    const int32_t groups = dimension / 4;
    const int64_t panels = (count + JMK_PANEL - 1) / JMK_PANEL;
    const __m512 factor = _mm512_set1_ps(JMK_BOUND_FACTOR);
    for (int32_t q0 = 0; q0 < queryCount; q0 += JMK_GROUP) {
        // A short last group repeats its last query (computed, not stored).
        const int8_t *q[JMK_GROUP];
        int32_t real = queryCount - q0 < JMK_GROUP ? queryCount - q0 : JMK_GROUP;
        for (int i = 0; i < JMK_GROUP; i++) q[i] = queryCodes + (int64_t)members[q0 + (i < real ? i : real - 1)] * dimension;
        for (int64_t p = 0; p < panels; p += 2) {
            const int both = p + 1 < panels;
            const uint8_t *b0 = packed + p * JMK_PANEL * dimension;
            const uint8_t *b1 = both ? b0 + JMK_PANEL * dimension : b0;
            __m512i acc0[JMK_GROUP], acc1[JMK_GROUP];
            for (int i = 0; i < JMK_GROUP; i++) acc0[i] = acc1[i] = _mm512_setzero_si512();
            for (int32_t g = 0; g < groups; g++) {
                __m512i j0 = _mm512_loadu_si512((const void *)(b0 + 64 * g));
                __m512i j1 = _mm512_loadu_si512((const void *)(b1 + 64 * g));
                for (int i = 0; i < JMK_GROUP; i++) {
                    int32_t word;
                    __builtin_memcpy(&word, q[i] + 4 * g, 4);
                    __m512i a = _mm512_set1_epi32(word);
                    acc0[i] = _mm512_dpbusd_epi32(acc0[i], j0, a);
                    acc1[i] = _mm512_dpbusd_epi32(acc1[i], j1, a);
                }
            }
            for (int half = 0; half < 1 + both; half++) {
                const int64_t r = (p + half) * JMK_PANEL;
                const int64_t left = count - r;
                const __mmask16 m = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
                __m512 scale = _mm512_maskz_loadu_ps(m, stats.scale + r), e2 = _mm512_maskz_loadu_ps(m, stats.error2 + r);
                __m512 h1 = _mm512_maskz_loadu_ps(m, stats.hat1 + r), h2 = _mm512_maskz_loadu_ps(m, stats.hat2 + r);
                for (int i = 0; i < real; i++) {
                    const jmk_bound_constants *c = constants + members[q0 + i];
                    __m512i dots = _mm512_sub_epi32(half ? acc1[i] : acc0[i], _mm512_set1_epi32(c->shift));
                    __m512 approx = _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(c->product), scale), _mm512_cvtepi32_ps(dots));
                    __m512 b = _mm512_add_ps(
                        _mm512_min_ps(_mm512_mul_ps(_mm512_set1_ps(c->l2), e2), _mm512_mul_ps(_mm512_set1_ps(c->l1Half), scale)),
                        _mm512_min_ps(_mm512_mul_ps(_mm512_set1_ps(c->error2), h2), _mm512_mul_ps(_mm512_set1_ps(c->errorMax), h1)));
                    b = _mm512_add_ps(b, _mm512_mul_ps(_mm512_set1_ps(c->gamma), _mm512_add_ps(h2, e2)));
                    b = _mm512_add_ps(b, _mm512_mul_ps(_mm512_set1_ps(c->rounding), _mm512_abs_ps(approx)));
                    b = _mm512_mul_ps(b, factor);
                    _mm512_mask_storeu_ps(upper + (int64_t)(q0 + i) * stride + r, m, _mm512_add_ps(approx, b));
                }
            }
        }
    }
}
#endif

void jmk_block_upper(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                     const int8_t *queryCodes, const jmk_query *queries, const jmk_bound_constants *constants,
                     const int32_t *members, int32_t memberCount, int isa, uint8_t *scratch, float *upper, int64_t stride) {
    if (count <= 0 || memberCount <= 0) return;
#if JMK_X86
    if (isa >= 2 && dimension % 64 == 0 && dimension <= 512) {
        pack_panels(codes, count, dimension, scratch);
        block_avx512(scratch, stats, count, dimension, queryCodes, constants, members, memberCount, upper, stride);
        return;
    }
#endif
    float *lower = (float *)scratch;
    for (int32_t i = 0; i < memberCount; i++) {
        int64_t a = members[i];
        jmk_bounds(codes, stats, count, dimension, queryCodes + a * dimension, queries + a, isa, upper + (int64_t)i * stride, lower);
    }
}

#if JMK_X86
__attribute__((target("avx512f")))
static int64_t first_at_least_avx512(const float *values, int64_t count, float floor) {
    const __m512 f = _mm512_set1_ps(floor);
    int64_t i = 0;
    for (; i + 16 <= count; i += 16) {
        __mmask16 m = _mm512_cmp_ps_mask(_mm512_loadu_ps(values + i), f, _CMP_NLT_UQ);
        if (m) return i + __builtin_ctz(m);
    }
    if (i < count) {
        __mmask16 left = (__mmask16)((1u << (count - i)) - 1);
        __mmask16 m = _mm512_mask_cmp_ps_mask(left, _mm512_maskz_loadu_ps(left, values + i), f, _CMP_NLT_UQ);
        if (m) return i + __builtin_ctz(m);
    }
    return count;
}

__attribute__((target("avx2")))
static int64_t first_at_least_avx2(const float *values, int64_t count, float floor) {
    const __m256 f = _mm256_set1_ps(floor);
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) {
        int m = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(values + i), f, _CMP_NLT_UQ));
        if (m) return i + __builtin_ctz((unsigned)m);
    }
    for (; i < count; i++) if (!(values[i] < floor)) return i;
    return count;
}
#endif

static int64_t first_at_least_portable(const float *values, int64_t count, float floor) {
    for (int64_t i = 0; i < count; i++) if (!(values[i] < floor)) return i;
    return count;
}

int64_t jmk_first_at_least(const float *values, int64_t count, float floor) {
#if JMK_X86
    static int isa = -1;
    if (isa < 0) isa = jmk_isa(2);
    if (isa >= 2) return first_at_least_avx512(values, count, floor);
    if (isa >= 1) return first_at_least_avx2(values, count, floor);
#endif
    return first_at_least_portable(values, count, floor);
}
