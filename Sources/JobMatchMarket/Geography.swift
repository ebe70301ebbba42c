import Foundation
import JobMatchCore

/// Where people live and jobs are: the 38 districts weighted by population, points scattered around each centre.
struct Geography: Sendable {
    let districts: [District]
    /// Draws a home district in proportion to resident population.
    let homeTable: WeightedTable
    /// Draws a workplace district: population, with jobs concentrated in the central urban area.
    let jobTable: WeightedTable
    /// For each district, the indices of its three nearest neighbours (by centre), nearest first.
    let neighbours: [[Int]]

    static let chongqing = Geography()

    init() {
        let districts = District.chongqing
        self.districts = districts
        let population = districts.map { DistrictPopulation.tenThousands[$0.code] ?? 50 }
        homeTable = WeightedTable(population)
        jobTable = WeightedTable(zip(districts, population).map { district, people in
            DistrictPopulation.centralUrban.contains(district.code) ? people * 1.6 : (district.kind == "county" ? people * 0.7 : people)
        })
        neighbours = districts.map { d in
            districts.indices
                .filter { districts[$0].code != d.code }
                .sorted { d.centre.distanceKm(to: districts[$0].centre) < d.centre.distanceKm(to: districts[$1].centre) }
                .prefix(3).map { $0 }
        }
    }

    func isRural(_ index: Int) -> Bool { districts[index].kind == "county" }
    func isCentral(_ index: Int) -> Bool { DistrictPopulation.centralUrban.contains(districts[index].code) }

    /// Spread (standard deviation, km) of homes around a centre: compact in the central urban area, wide in rural counties.
    func spreadKm(_ index: Int) -> Double {
        if isCentral(index) { return 4.5 }
        return isRural(index) ? 13 : 8
    }

    /// A point scattered around the district centre (Gaussian, `scale` × the district's spread), rounded to 6 decimals.
    func point(in index: Int, scale: Double, rng: inout SeededRandom) -> GeoPoint {
        let centre = districts[index].centre
        let sd = spreadKm(index) * scale
        let dy = max(-2.5 * sd, min(2.5 * sd, rng.normal() * sd))
        let dx = max(-2.5 * sd, min(2.5 * sd, rng.normal() * sd))
        let lat = centre.lat + dy / 111.0
        let lng = centre.lng + dx / (111.0 * cos(centre.lat * Double.pi / 180))
        return GeoPoint(lat: (lat * 1e6).rounded() / 1e6, lng: (lng * 1e6).rounded() / 1e6)
    }

    /// Short name of a district without its 区/县 suffix (`渝北`, `石柱`).
    func shortName(_ index: Int) -> String {
        let name = districts[index].name
        for suffix in ["土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "区", "县"] where name.hasSuffix(suffix) {
            let short = String(name.dropLast(suffix.count))
            return short.count >= 2 ? short : name
        }
        return name
    }
}
