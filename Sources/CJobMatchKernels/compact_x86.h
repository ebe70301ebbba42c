// x86 variants of jmk_bounds, included by compact.c only (each function carries its own target attribute,
// chosen at run time by jmk_isa). The bound arithmetic is the same as bound_one's, 16 or 8 rows at a time.

#define JMK_BOUND_FACTOR (1.0f + 1.0f / 65536)

/// Element t of the result is the sum of the 16 int32 lanes of acc[t]: pairs interleaved by 32 then 64 bits
/// (each 128-bit lane then holds four rows' partial sums), then 128-bit lanes folded across rows.
__attribute__((target("avx512f,avx512bw,avx512vnni,avx512dq")))
static inline __m512i reduce16_avx512(const __m512i acc[16]) {
    __m512i b[8], c[4];
    for (int i = 0; i < 8; i++) {
        b[i] = _mm512_add_epi32(_mm512_unpacklo_epi32(acc[2 * i], acc[2 * i + 1]), _mm512_unpackhi_epi32(acc[2 * i], acc[2 * i + 1]));
    }
    for (int i = 0; i < 4; i++) {
        c[i] = _mm512_add_epi32(_mm512_unpacklo_epi64(b[2 * i], b[2 * i + 1]), _mm512_unpackhi_epi64(b[2 * i], b[2 * i + 1]));
    }
    // c[i]: in 128-bit lane L, the sums over lane L of rows 4i … 4i+3.
    __m512i e0 = _mm512_add_epi32(_mm512_shuffle_i32x4(c[0], c[1], 0x88), _mm512_shuffle_i32x4(c[0], c[1], 0xDD));
    __m512i e1 = _mm512_add_epi32(_mm512_shuffle_i32x4(c[2], c[3], 0x88), _mm512_shuffle_i32x4(c[2], c[3], 0xDD));
    return _mm512_add_epi32(_mm512_shuffle_i32x4(e0, e1, 0x88), _mm512_shuffle_i32x4(e0, e1, 0xDD));
}

__attribute__((target("avx512f,avx512bw,avx512vnni,avx512dq")))
static void bounds_avx512(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                          const int8_t *q, const jmk_query *query, float *upper, float *lower) {
    constants c = constants_of(query, dimension);
    const int32_t shift = 128 * query->codeSum;
    const int n = dimension / 64;
    __m512i qv[8];
    for (int i = 0; i < n; i++) qv[i] = _mm512_loadu_si512((const void *)(q + 64 * i));
    const __m512 product = _mm512_set1_ps(c.product), l1Half = _mm512_set1_ps(c.l1Half), l2 = _mm512_set1_ps(c.l2);
    const __m512 error2 = _mm512_set1_ps(c.error2), errorMax = _mm512_set1_ps(c.errorMax);
    const __m512 gamma = _mm512_set1_ps(c.gamma), rounding = _mm512_set1_ps(c.rounding);
    const __m512 factor = _mm512_set1_ps(JMK_BOUND_FACTOR);
    const __m512i shifts = _mm512_set1_epi32(shift);
    int64_t r = 0;
    for (; r + 16 <= count; r += 16) {
        const uint8_t *row = codes + r * dimension;
        __m512i acc[16];
        for (int t = 0; t < 16; t++, row += dimension) {
            acc[t] = _mm512_setzero_si512();
            for (int i = 0; i < n; i++) acc[t] = _mm512_dpbusd_epi32(acc[t], _mm512_loadu_si512((const void *)(row + 64 * i)), qv[i]);
        }
        // The 16 rows' lane sums at once (integer sums: exact in any order), row t in element t.
        __m512i dots = _mm512_sub_epi32(reduce16_avx512(acc), shifts);
        __m512 dot = _mm512_cvtepi32_ps(dots);
        __m512 scale = _mm512_loadu_ps(stats.scale + r), e2 = _mm512_loadu_ps(stats.error2 + r);
        __m512 h1 = _mm512_loadu_ps(stats.hat1 + r), h2 = _mm512_loadu_ps(stats.hat2 + r);
        __m512 approx = _mm512_mul_ps(_mm512_mul_ps(product, scale), dot);
        __m512 b = _mm512_add_ps(_mm512_min_ps(_mm512_mul_ps(l2, e2), _mm512_mul_ps(l1Half, scale)),
                                 _mm512_min_ps(_mm512_mul_ps(error2, h2), _mm512_mul_ps(errorMax, h1)));
        b = _mm512_add_ps(b, _mm512_mul_ps(gamma, _mm512_add_ps(h2, e2)));
        b = _mm512_add_ps(b, _mm512_mul_ps(rounding, _mm512_abs_ps(approx)));
        b = _mm512_mul_ps(b, factor);
        _mm512_storeu_ps(upper + r, _mm512_add_ps(approx, b));
        _mm512_storeu_ps(lower + r, _mm512_sub_ps(approx, b));
    }
    for (; r < count; r++) {
        const uint8_t *row = codes + r * dimension;
        int32_t dot = 0;
        for (int32_t i = 0; i < dimension; i++) dot += (int32_t)row[i] * (int32_t)q[i];
        bound_one(dot - shift, r, stats, &c, upper, lower);
    }
}

__attribute__((target("avx2,fma")))
static inline int32_t hsum_avx2(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}

__attribute__((target("avx2,fma")))
static void bounds_avx2(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                        const int8_t *q, const jmk_query *query, float *upper, float *lower) {
    constants c = constants_of(query, dimension);
    const int n = dimension / 32;
    __m256i qv[16];
    for (int i = 0; i < n; i++) qv[i] = _mm256_loadu_si256((const __m256i *)(q + 32 * i));
    const __m256i flip = _mm256_set1_epi8((char)0x80), ones = _mm256_set1_epi16(1);
    const __m256 product = _mm256_set1_ps(c.product), l1Half = _mm256_set1_ps(c.l1Half), l2 = _mm256_set1_ps(c.l2);
    const __m256 error2 = _mm256_set1_ps(c.error2), errorMax = _mm256_set1_ps(c.errorMax);
    const __m256 gamma = _mm256_set1_ps(c.gamma), rounding = _mm256_set1_ps(c.rounding);
    const __m256 factor = _mm256_set1_ps(JMK_BOUND_FACTOR), sign = _mm256_set1_ps(-0.0f);
    int32_t dots[8] __attribute__((aligned(32)));
    int64_t r = 0;
    for (; r + 8 <= count; r += 8) {
        const uint8_t *row = codes + r * dimension;
        for (int t = 0; t < 8; t++, row += dimension) {
            __m256i acc = _mm256_setzero_si256();
            for (int i = 0; i < n; i++) {
                // Signed job codes q_b; |q_b| · (q_a · sign q_b) = q_a · q_b, and pairs stay within int16.
                __m256i jb = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(row + 32 * i)), flip);
                __m256i pairs = _mm256_maddubs_epi16(_mm256_abs_epi8(jb), _mm256_sign_epi8(qv[i], jb));
                acc = _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
            }
            dots[t] = hsum_avx2(acc);
        }
        __m256 dot = _mm256_cvtepi32_ps(_mm256_load_si256((const __m256i *)dots));
        __m256 scale = _mm256_loadu_ps(stats.scale + r), e2 = _mm256_loadu_ps(stats.error2 + r);
        __m256 h1 = _mm256_loadu_ps(stats.hat1 + r), h2 = _mm256_loadu_ps(stats.hat2 + r);
        __m256 approx = _mm256_mul_ps(_mm256_mul_ps(product, scale), dot);
        __m256 b = _mm256_add_ps(_mm256_min_ps(_mm256_mul_ps(l2, e2), _mm256_mul_ps(l1Half, scale)),
                                 _mm256_min_ps(_mm256_mul_ps(error2, h2), _mm256_mul_ps(errorMax, h1)));
        b = _mm256_add_ps(b, _mm256_mul_ps(gamma, _mm256_add_ps(h2, e2)));
        b = _mm256_add_ps(b, _mm256_mul_ps(rounding, _mm256_andnot_ps(sign, approx)));
        b = _mm256_mul_ps(b, factor);
        _mm256_storeu_ps(upper + r, _mm256_add_ps(approx, b));
        _mm256_storeu_ps(lower + r, _mm256_sub_ps(approx, b));
    }
    const int32_t shift = 128 * query->codeSum;
    for (; r < count; r++) {
        const uint8_t *row = codes + r * dimension;
        int32_t dot = 0;
        for (int32_t i = 0; i < dimension; i++) dot += (int32_t)row[i] * (int32_t)q[i];
        bound_one(dot - shift, r, stats, &c, upper, lower);
    }
}
