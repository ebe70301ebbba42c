// Compact (int8) job-matrix kernels for JobMatchCore: quantizing rows and queries, approximate scores
// with a per-row error bound, and exact float32 rescoring. Each kernel picks its AVX-512 VNNI, AVX2 or
// portable variant at run time (`jmk_isa`). See docs/performance.md, "The compact job matrix".
#ifndef CJOBMATCHKERNELS_H
#define CJOBMATCHKERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which variant the kernels use: 2 = AVX-512 VNNI, 1 = AVX2, 0 = portable. `limit` caps it (tests
/// force each variant); pass 2 for the best the CPU has.
int jmk_isa(int limit);

/// Per-row statistics of a quantized job matrix, one float per row in each array (structure of arrays).
typedef struct {
    const float *scale;   ///< s = max|b| / 127 (0 for a zero row)
    const float *error2;  ///< ‖b − s·q‖₂, rounded up
    const float *hat1;    ///< ‖s·q‖₁, rounded up
    const float *hat2;    ///< ‖s·q‖₂, rounded up
} jmk_row_stats;

/// Quantizes `count` rows of `dimension` floats, each with its own scale s: `codes[r * dimension + i] =
/// round(b_i / s) + 128` (1…255), and row r's statistics (see `jmk_row_stats`) at index r of the four arrays.
void jmk_quantize_rows(const float *rows, int64_t count, int32_t dimension, uint8_t *codes,
                       float *scale, float *error2, float *hat1, float *hat2);

/// A quantized query: int8 codes, their sum, its scale, and the norms the error bound needs.
typedef struct {
    float scale;      ///< s_a = max|a| / 127 (0 for a zero vector)
    int32_t codeSum;  ///< Σ q_a, to undo the +128 of the job codes
    double l1;        ///< ‖a‖₁
    double l2;        ///< ‖a‖₂
    double error2;    ///< ‖a − s_a·q_a‖₂
    double errorMax;  ///< ‖a − s_a·q_a‖∞
} jmk_query;

/// Quantizes one query of `dimension` floats into `codes` (int8, `dimension` bytes) and `query`.
void jmk_quantize_query(const float *a, int32_t dimension, int8_t *codes, jmk_query *query);

/// For rows `0..<count` of `codes`/`stats` (row r's statistics at index r): `upper[r]` and `lower[r]` bound
/// the exact float32 score a·b_r, however it is summed (see docs/performance.md for the proof).
void jmk_bounds(const uint8_t *codes, jmk_row_stats stats, int64_t count, int32_t dimension,
                const int8_t *queryCodes, const jmk_query *query, int isa, float *upper, float *lower);

/// The first index i < `count` with `!(x[i] < floor)` (a score that is not below the floor, or NaN), or `count`.
int64_t jmk_next_not_below(const float *x, int64_t count, float floor);

/// Exact scores of `count` rows named by `rowIndex`: `scores[i] = Σ_d a[d]·rows[rowIndex[i]·dimension + d]`,
/// summed in index order without fused multiply-add (bit for bit a naive loop's result).
void jmk_exact_scores(const float *rows, const int32_t *rowIndex, int64_t count, int32_t dimension,
                      const float *a, float *scores);

#ifdef __cplusplus
}
#endif

#endif
