import CJobMatchKernels
import Dispatch

/// The job matrix in int8: row `r` is `round(b / s) + 128` with its own scale `s = max|b| / 127`, plus the
/// per-row norms that bound the quantization error (``CompactQuery/bounds(rows:in:upper:lower:)``). A
/// quarter of the float32 matrix's bytes, kept in step with ``JobIndex/vectors`` by every patch.
public struct CompactJobMatrix: Sendable {
    public let dimension: Int
    /// Row-major `count × dimension` codes (1…255).
    public private(set) var codes: [UInt8] = []
    /// Per row: the scale, ‖b − s·q‖₂, ‖s·q‖₁ and ‖s·q‖₂ (norms rounded up).
    public private(set) var scale: [Float] = []
    public private(set) var error2: [Float] = []
    public private(set) var hat1: [Float] = []
    public private(set) var hat2: [Float] = []

    public var count: Int { scale.count }

    /// An empty matrix of rows `dimension` wide.
    public init(dimension: Int) {
        self.dimension = dimension
    }

    /// Quantizes a row-major matrix of `dimension`-wide rows, on all cores.
    public init(vectors: [Float], dimension: Int) {
        self.dimension = dimension
        let n = dimension > 0 ? vectors.count / dimension : 0
        var codes = [UInt8](repeating: 128, count: n * dimension)
        var scale = [Float](repeating: 0, count: n), error2 = scale, hat1 = scale, hat2 = scale
        let slices = max(1, min(n / 4096, 64))
        vectors.withUnsafeBufferPointer { v in
            codes.withUnsafeMutableBufferPointer { c in
                scale.withUnsafeMutableBufferPointer { s in
                    error2.withUnsafeMutableBufferPointer { e in
                        hat1.withUnsafeMutableBufferPointer { h1 in
                            hat2.withUnsafeMutableBufferPointer { h2 in
                                guard n > 0 else { return }
                                let target = RowTargets(rows: v.baseAddress!, codes: c.baseAddress!, scale: s.baseAddress!,
                                                        error2: e.baseAddress!, hat1: h1.baseAddress!, hat2: h2.baseAddress!)
                                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                                    target.quantize((n * slice / slices)..<(n * (slice + 1) / slices), dimension: dimension)
                                }
                            }
                        }
                    }
                }
            }
        }
        (self.codes, self.scale, self.error2, self.hat1, self.hat2) = (codes, scale, error2, hat1, hat2)
    }

    /// Appends the quantized `vector`.
    mutating func append(_ vector: ArraySlice<Float>) {
        codes += repeatElement(128, count: dimension)
        scale.append(0); error2.append(0); hat1.append(0); hat2.append(0)
        set(count - 1, vector)
    }

    /// Replaces row `row` with the quantized `vector`.
    mutating func set(_ row: Int, _ vector: ArraySlice<Float>) {
        precondition(vector.count == dimension)
        vector.withUnsafeBufferPointer { v in
            codes.withUnsafeMutableBufferPointer { c in
                scale.withUnsafeMutableBufferPointer { s in
                    error2.withUnsafeMutableBufferPointer { e in
                        hat1.withUnsafeMutableBufferPointer { h1 in
                            hat2.withUnsafeMutableBufferPointer { h2 in
                                jmk_quantize_rows(v.baseAddress!, 1, Int32(dimension), c.baseAddress! + row * dimension,
                                                  s.baseAddress! + row, e.baseAddress! + row, h1.baseAddress! + row, h2.baseAddress! + row)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Moves the last row into `row` and drops the last (``JobIndex/remove(id:)``'s swap-remove).
    mutating func swapRemove(_ row: Int) {
        let last = count - 1
        if row != last {
            for i in 0..<dimension { codes[row * dimension + i] = codes[last * dimension + i] }
            scale[row] = scale[last]; error2[row] = error2[last]; hat1[row] = hat1[last]; hat2[row] = hat2[last]
        }
        codes.removeLast(dimension)
        scale.removeLast(); error2.removeLast(); hat1.removeLast(); hat2.removeLast()
    }

    /// Bytes held: codes and the four per-row floats.
    public var byteCount: Int { codes.count + 16 * count }
}

/// Pointers into a matrix being quantized, shared by workers that write disjoint rows.
private struct RowTargets: @unchecked Sendable {
    let rows: UnsafePointer<Float>
    let codes: UnsafeMutablePointer<UInt8>
    let scale, error2, hat1, hat2: UnsafeMutablePointer<Float>

    func quantize(_ range: Range<Int>, dimension: Int) {
        let r = range.lowerBound
        jmk_quantize_rows(rows + r * dimension, Int64(range.count), Int32(dimension), codes + r * dimension,
                          scale + r, error2 + r, hat1 + r, hat2 + r)
    }
}
