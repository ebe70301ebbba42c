import Foundation
import JobMatchCore

/// The hidden side of one generated market (``LatentConfiguration``), drawn on its own random streams
/// (11: people, 12: postings, 13: occupations, 14: employers), so switching it off leaves every record the same.
///
/// None of it is written to the files: a matcher can only learn it from what people and employers did.
struct LatentMarket: Sendable {
    let configuration: LatentConfiguration
    /// Per applicant: the record with the preferences that really drive behaviour (travel tolerance,
    /// reservation wage, job types), the hidden taste vector and the hidden traits employers react to.
    let truth: [Applicant]
    let personTaste: [[Double]]
    let personTraits: [[Double]]
    /// Per posting: hidden attractiveness and hidden profile; its employer's selectiveness and taste.
    let attractiveness: [Double]
    let postingProfile: [[Double]]
    let selectiveness: [Double]
    let employerTaste: [[Double]]

    init(market: MarketConfiguration, applicants: [Applicant], personas: [Persona], drafts: [JobDraft]) {
        let c = market.latent
        configuration = c
        let n = LatentConfiguration.tasteDimensions
        let scale = 1 / Double(n).squareRoot()
        func vector(_ rng: inout SeededRandom, _ sd: Double) -> [Double] { (0..<n).map { _ in sd * rng.normal() } }

        var truth: [Applicant] = [], taste: [[Double]] = [], traits: [[Double]] = []
        for (index, applicant) in applicants.enumerated() {
            var rng = SeededRandom(seed: market.seed, stream: 11, index: index)
            var a = applicant
            let stated = applicant.preferences.maxCommuteKm ?? (personas[index].archetype == .graduate ? 20 : 12)
            a.preferences.maxCommuteKm = stated * exp(c.travelTolerance * rng.normal())
            if let wage = applicant.preferences.minMonthlyWage {
                a.preferences.minMonthlyWage = wage * exp(c.statedPreferenceNoise * rng.normal())
            }
            var types = applicant.preferences.jobTypes
            if !types.isEmpty, rng.chance(0.4 * c.statedPreferenceNoise) {
                let other = JobType.allCases.filter { !types.contains($0) && $0 != .selfEmployment }
                if !other.isEmpty { types.append(rng.pick(other)) }
            }
            if types.count > 1, rng.chance(0.4 * c.statedPreferenceNoise) { types.remove(at: rng.index(types.count)) }
            a.preferences.jobTypes = types
            truth.append(a)
            taste.append(vector(&rng, c.personTaste * scale))
            traits.append(vector(&rng, 1))
        }
        self.truth = truth
        personTaste = taste
        personTraits = traits

        let occupations: [[Double]] = OccupationCatalogue.all.indices.map { o in
            var rng = SeededRandom(seed: market.seed, stream: 13, index: o)
            return vector(&rng, 1)
        }
        var employers: [String: (selectiveness: Double, taste: [Double], profile: [Double])] = [:]
        var attractiveness: [Double] = [], profile: [[Double]] = [], selectiveness: [Double] = [], employerTaste: [[Double]] = []
        for (index, draft) in drafts.enumerated() {
            let id = draft.job.employer.id
            if employers[id] == nil {
                var rng = SeededRandom(seed: market.seed ^ StableHash.hash(id, seed: 14), stream: 14, index: 0)
                employers[id] = (c.employerSelectiveness * rng.normal(), vector(&rng, c.employerTaste * scale), vector(&rng, 1))
            }
            let employer = employers[id]!
            var rng = SeededRandom(seed: market.seed, stream: 12, index: index)
            attractiveness.append(c.postingAttractiveness * rng.normal())
            let own = vector(&rng, 1)
            let occupation = occupations[draft.occupationIndex]
            profile.append((0..<n).map { 0.6 * occupation[$0] + 0.45 * employer.profile[$0] + 0.45 * own[$0] })
            selectiveness.append(employer.selectiveness)
            employerTaste.append(employer.taste)
        }
        self.attractiveness = attractiveness
        postingProfile = profile
        self.selectiveness = selectiveness
        self.employerTaste = employerTaste
    }

    /// The hidden part of how much person `i` wants posting `j`.
    func interest(_ i: Int, _ j: Int) -> Double {
        attractiveness[j] + Self.dot(personTaste[i], postingProfile[j])
    }

    /// The hidden part of how much posting `j`'s employer wants person `i`.
    func employerView(_ i: Int, _ j: Int) -> Double {
        Self.dot(employerTaste[j], personTraits[i]) - selectiveness[j]
    }

    static func dot(_ x: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for k in x.indices { s += x[k] * y[k] }
        return s
    }
}
