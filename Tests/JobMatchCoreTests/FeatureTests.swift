import Foundation
import Testing
@testable import JobMatchCore

@Suite struct FeatureTests {
    @Test func synonymsNormaliseTags() {
        let vocabulary = SkillVocabulary.curated.learning(tags: ["面包师", "面包", "水果"])
        #expect(vocabulary.canonical("保洁员") == "保洁")
        #expect(vocabulary.canonical("清洁") == "保洁")
        #expect(vocabulary.canonical(" 收银员 ") == "收银")
        #expect(vocabulary.canonical("叉车工") == "叉车")
        #expect(vocabulary.canonical("安保") == "保安")
        #expect(vocabulary.canonical("Forklift") == "叉车")
        // Learned from data: a stem with an agent suffix.
        #expect(vocabulary.canonical("面包师") == "面包")
        // Unknown tags are kept as opaque labels that still match themselves.
        #expect(vocabulary.canonical("水果") == "水果")
        #expect(vocabulary.terms(in: "商场保洁员（白班）") == ["保洁"])
        #expect(Set(vocabulary.terms(in: "超市收银员兼理货")) == ["收银", "仓储"])
    }

    @Test func tokenizerMakesCharacterGramsAndWords() {
        let terms = TextTokenizer(minGram: 1, maxGram: 2).terms("保洁员 Excel")
        #expect(terms == ["保", "洁", "员", "保洁", "洁员", "w:excel"])
    }

    @Test func nearerScoresHigherOnLocation() {
        let encoder = LocationEncoder(configuration: FeatureConfiguration())
        func dot(_ p: GeoPoint, _ q: GeoPoint) -> Float {
            var a = [Float](repeating: 0, count: 32), b = a
            encoder.encode(p, into: &a, at: 0)
            encoder.encode(q, into: &b, at: 0)
            return zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let home = GeoPoint(lat: 29.56, lng: 106.55)
        let same = dot(home, home)
        let near = dot(home, GeoPoint(lat: 29.58, lng: 106.56))   // ~2.4 km
        let mid = dot(home, GeoPoint(lat: 29.65, lng: 106.60))    // ~11 km
        let far = dot(home, GeoPoint(lat: 30.80, lng: 108.40))    // Wanzhou, ~230 km
        #expect(abs(same - 1) < 1e-5)
        #expect(same > near && near > mid && mid > far)
        #expect(far < 0.3)
    }

    @Test func skillsAndWishesRaiseTheScore() {
        var market = TestMarket(seed: 5)
        var a = market.applicant(0)
        a.skills = ["保洁员"]
        a.preferences = Preferences(minMonthlyWage: 3000)
        a.location = GeoPoint(lat: 29.56, lng: 106.55)
        var good = market.job(0)
        good.title = "商场保洁"
        good.skillsRequired = ["清洁"]
        good.location = GeoPoint(lat: 29.57, lng: 106.55)
        good.remote = false
        good.wage = Wage(min: 3500, max: 4000, unit: .month)
        good.certificatesRequired = []
        var poor = good
        poor.title = "焊工"
        poor.skillsRequired = ["电焊"]
        poor.description = nil
        let model = MatchModel.build(from: [a], jobs: [good, poor])
        let extractor = FeatureExtractor(model: model)
        let v = extractor.applicantVector(a, at: market.asOf)
        func score(_ j: Job) -> Float { zip(v, extractor.jobVector(j)).reduce(0) { $0 + $1.0 * $1.1 } }
        // Skills (0.2 × 2/3 of the posting's skills) and text lift the cleaning job well above the welding one.
        #expect(score(good) > score(poor) + 0.1)
        var farther = good
        farther.location = GeoPoint(lat: 29.85, lng: 106.40)
        #expect(score(good) > score(farther))
        var cheaper = good
        cheaper.wage = Wage(min: 2000, max: 2200, unit: .month)
        #expect(score(good) > score(cheaper))
        var needsCertificate = good
        needsCertificate.certificatesRequired = ["健康证"]
        #expect(score(good) > score(needsCertificate))
        // Block scores sum, with the weights, to the score.
        let blocks = extractor.blockScores(applicant: a, job: good, at: market.asOf)
        let weighted = FeatureBlock.allCases.reduce(Float(0)) { $0 + model.weights[$1] * blocks[$1]! }
        #expect(abs(weighted - score(good)) < 1e-4)
    }

    @Test func suitabilityFollowsThePerson() {
        var market = TestMarket(seed: 6)
        var older = market.applicant(0)
        older.birthYear = 1965
        older.gender = .male
        older.groups = [.olderWorker]
        var parent = older
        parent.birthYear = 1995
        parent.groups = [.stayAtHomeParent]
        var plain = market.job(0)
        plain.tags = []
        plain.jobType = .fullTime
        plain.remote = false
        plain.accommodations = []
        var ageFriendly = plain
        ageFriendly.tags = [.ageFriendly]
        var doorstep = plain
        doorstep.tags = [.doorstep]
        let model = MatchModel.build(from: [older, parent], jobs: [plain])
        let extractor = FeatureExtractor(model: model)
        func score(_ a: Applicant, _ j: Job) -> Float {
            zip(extractor.applicantVector(a, at: market.asOf), extractor.jobVector(j)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        #expect(score(older, ageFriendly) > score(older, plain))
        #expect(score(parent, doorstep) > score(parent, plain))
        #expect(abs(score(parent, ageFriendly) - score(parent, plain)) < 1e-6)
    }

    @Test func modelRoundTripsThroughJSON() throws {
        var market = TestMarket(seed: 8)
        let (applicants, jobs) = market.market(applicants: 50, jobs: 80)
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(model)
        let decoded = try JSONDecoder().decode(MatchModel.self, from: data)
        #expect(decoded == model)
        #expect(try encoder.encode(decoded) == data)
        #expect(model.manifest.dataHash.count == 64)
        #expect(model.manifest.dataHash == MatchModel.build(from: applicants.reversed(), jobs: jobs).manifest.dataHash)
        #expect(model.dimension == 256)
    }
}
