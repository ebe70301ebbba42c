import CJobMatchKernels

/// One applicant's vector quantized for the compact matrix (int8 with one scale, and the norms of its
/// rounding error), which turns a row's integer dot product into bounds on its exact float32 score.
public struct CompactQuery: Sendable {
    /// The float32 vector (what exact scores are computed from).
    public let vector: [Float]
    let codes: [Int8]
    let query: jmk_query
    /// The kernel variant: 2 AVX-512 VNNI, 1 AVX2, 0 portable.
    public let isa: Int

    /// Quantizes `vector`; `isaLimit` caps the kernel variant (tests force each one).
    public init(_ vector: [Float], isaLimit: Int = 2) {
        self.vector = vector
        var codes = [Int8](repeating: 0, count: vector.count)
        var query = jmk_query()
        vector.withUnsafeBufferPointer { v in
            codes.withUnsafeMutableBufferPointer { c in
                jmk_quantize_query(v.baseAddress!, Int32(vector.count), c.baseAddress!, &query)
            }
        }
        self.codes = codes
        self.query = query
        isa = Int(jmk_isa(Int32(isaLimit)))
    }

    /// For rows `rows` of `matrix`: `upper[i]` and `lower[i]` bound row `rows.lowerBound + i`'s exact score
    /// (the float32 dot product with ``vector``, in any summation order). Both buffers hold `rows.count` floats.
    public func bounds(rows: Range<Int>, in matrix: CompactJobMatrix, upper: UnsafeMutablePointer<Float>, lower: UnsafeMutablePointer<Float>) {
        guard !rows.isEmpty else { return }
        let d = matrix.dimension
        precondition(d == vector.count && rows.upperBound <= matrix.count)
        var query = query
        matrix.codes.withUnsafeBufferPointer { c in
            matrix.scale.withUnsafeBufferPointer { s in
                matrix.error2.withUnsafeBufferPointer { e in
                    matrix.hat1.withUnsafeBufferPointer { h1 in
                        matrix.hat2.withUnsafeBufferPointer { h2 in
                            codes.withUnsafeBufferPointer { q in
                                let r = rows.lowerBound
                                let stats = jmk_row_stats(scale: s.baseAddress! + r, error2: e.baseAddress! + r,
                                                          hat1: h1.baseAddress! + r, hat2: h2.baseAddress! + r)
                                jmk_bounds(c.baseAddress! + r * d, stats, Int64(rows.count), Int32(d), q.baseAddress!, &query,
                                           Int32(isa), upper, lower)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Exact scores of job rows `rows` of the row-major float32 `vectors`: the dot product summed in index
    /// order without fused multiply-add (``ReferenceKernel``'s arithmetic).
    public func exactScores(rows: [Int32], in vectors: [Float]) -> [Float] {
        var scores = [Float](repeating: 0, count: rows.count)
        guard !rows.isEmpty else { return scores }
        vectors.withUnsafeBufferPointer { j in
            rows.withUnsafeBufferPointer { r in
                vector.withUnsafeBufferPointer { a in
                    scores.withUnsafeMutableBufferPointer { out in
                        jmk_exact_scores(j.baseAddress!, r.baseAddress!, Int64(rows.count), Int32(vector.count), a.baseAddress!, out.baseAddress!)
                    }
                }
            }
        }
        return scores
    }
}
