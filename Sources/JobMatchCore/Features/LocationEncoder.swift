import Foundation

/// Encodes a position as random Fourier features so that the dot product of two encodings approximates
/// a Gaussian kernel of their distance: near places score about 1, far places about 0.
///
/// Frequencies are quasi-random (golden-angle directions, Rayleigh quantile radii, seeded rotation),
/// which approximates the kernel better than plain random draws with few frequencies.
public struct LocationEncoder: Codable, Sendable, Hashable {
    /// Frequencies in radians per km, east and north components.
    public var frequencies: [[Double]]

    public init(frequencies: [[Double]]) { self.frequencies = frequencies }

    /// Reference point for the local plane (central Chongqing).
    static let origin = GeoPoint(lat: 29.56, lng: 106.55)

    public init(configuration: FeatureConfiguration) {
        var generator = SeededGenerator(seed: configuration.seed ^ 0x10CA_7104)
        let rotation = generator.nextUnit() * 2 * Double.pi
        let scales = configuration.locationScalesKm.isEmpty ? [10] : configuration.locationScalesKm
        let count = configuration.locationFrequencies
        var frequencies: [[Double]] = []
        for i in 0..<count {
            let scale = scales[i % scales.count]
            let perScale = (count + scales.count - 1 - i % scales.count) / scales.count
            let rank = i / scales.count
            let quantile = (Double(rank) + 0.5) / Double(max(perScale, 1))
            let radius = (-2 * log(1 - quantile)).squareRoot() / scale
            let angle = rotation + Double(i) * 2.399_963_229_728_653
            frequencies.append([radius * cos(angle), radius * sin(angle)])
        }
        self.frequencies = frequencies
    }

    /// Kilometres east and north of the origin (equirectangular; fine at city scale).
    public static func plane(_ point: GeoPoint) -> (x: Double, y: Double) {
        let kmPerDegreeLat = 110.574
        let kmPerDegreeLng = 111.320 * cos(origin.lat * Double.pi / 180)
        return ((point.lng - origin.lng) * kmPerDegreeLng, (point.lat - origin.lat) * kmPerDegreeLat)
    }

    /// Writes `2 × frequencies.count` features into `out` (cosines then sines), scaled so that
    /// the dot product of two encodings is the mean of `cos(ω·(p − q))`.
    public func encode(_ point: GeoPoint, into out: inout [Float], at offset: Int) {
        let (x, y) = Self.plane(point)
        let scale = 1 / Double(frequencies.count).squareRoot()
        for (i, w) in frequencies.enumerated() {
            let phase = w[0] * x + w[1] * y
            out[offset + i] = Float(cos(phase) * scale)
            out[offset + frequencies.count + i] = Float(sin(phase) * scale)
        }
    }
}
