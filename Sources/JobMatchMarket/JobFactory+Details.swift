import JobMatchCore

extension JobFactory {
    /// An employer from a stable pool per district and sector, so several postings share one employer.
    func makeEmployer(sector: Sector, jobType: JobType, districtIndex: Int, rng: inout SeededRandom) -> Employer {
        let poolSize = max(2, configuration.jobs / 400)
        let k = rng.index(poolSize)
        let sectorIndex = Sector.allCases.firstIndex(of: sector) ?? 0
        var own = SeededRandom(seed: configuration.seed, stream: 3, index: (districtIndex * 32 + sectorIndex) * 100_000 + k)
        let code = geography.districts[districtIndex].code
        let id = "E\(code)\(sectorIndex < 10 ? "0" : "")\(sectorIndex)\(String(100_000 + k).dropFirst())"
        let name: String
        switch sector {
        case .publicService:
            name = geography.districts[districtIndex].name + own.pick(Self.placeWords) + own.pick(sector.employerSuffixes)
        case .selfEmployed:
            name = geography.shortName(districtIndex) + own.pick(Self.placeWords) + own.pick(sector.employerSuffixes)
        default:
            let place = own.chance(0.5) ? "重庆" : geography.shortName(districtIndex)
            name = place + own.pick(Self.brandWords) + own.pick(Self.brandWords2) + own.pick(sector.employerSuffixes)
        }
        var levy: Bool?
        switch sector {
        case .publicService, .selfEmployed, .agriculture: levy = nil
        default:
            let draw = own.unit()
            levy = draw < 0.2 ? true : draw < 0.6 ? false : nil
        }
        return Employer(id: id, name: name, disabilityLevyPayer: levy)
    }

    static let brandWords = ["渝", "山城", "两江", "嘉陵", "长江", "巴渝", "鑫", "恒", "瑞", "兴", "华", "源", "盛", "嘉", "佳", "顺"]
    static let brandWords2 = ["新", "达", "泰", "丰", "隆", "信", "和", "益", "宏", "安", "诚", "美", "康", "通", "祥", "锦"]
    static let placeWords = ["解放", "龙溪", "双龙", "桃源", "新街", "青龙", "东城", "西城", "南坪", "北城", "石桥", "太平", "白沙", "凤凰", "龙塘", "天星"]

    /// The posted pay in the unit that suits the job type.
    func makeWage(_ o: Occupation, jobType: JobType, monthly: Double, hours: Double, rng: inout SeededRandom) -> Wage? {
        if rng.chance(0.05) { return nil }
        func round(_ v: Double, _ step: Double) -> Double { max(step, (v / step).rounded() * step) }
        let low = rng.uniform(0.85, 1.0), high = rng.uniform(1.1, 1.35)
        switch jobType {
        case .selfEmployment:
            return rng.chance(0.5) ? nil : Wage(min: round(monthly * low, 100), max: round(monthly * high * 1.2, 100), unit: .month)
        case .partTime:
            let hourly = max(21, monthly / (hours * 4.33))
            return Wage(min: round(hourly * low, 1), max: rng.chance(0.4) ? nil : round(hourly * high, 1), unit: .hour)
        case .gig:
            if o.pieceRate, rng.chance(0.5) { return pieceWage(monthly: monthly, hours: hours, rng: &rng) }
            let daily = monthly / 22
            return rng.chance(0.3)
                ? Wage(min: round(max(21, daily / 8) * low, 1), max: round(max(21, daily / 8) * high, 1), unit: .hour)
                : Wage(min: round(daily * low, 10), max: rng.chance(0.3) ? nil : round(daily * high, 10), unit: .day)
        case .fullTime, .publicWelfare:
            if o.pieceRate, rng.chance(0.3) { return pieceWage(monthly: monthly, hours: hours, rng: &rng) }
            if jobType == .publicWelfare { return Wage(min: round(monthly, 10), max: rng.chance(0.5) ? nil : round(monthly * 1.05, 10), unit: .month) }
            return Wage(min: round(monthly * low, 100), max: rng.chance(0.1) ? nil : round(monthly * high, 100), unit: .month)
        }
    }

    private func pieceWage(monthly: Double, hours: Double, rng: inout SeededRandom) -> Wage {
        let perPiece = monthly / (hours * 4.33 * rng.uniform(6, 30))
        let value = max(0.1, (perPiece * 10).rounded() / 10)
        return Wage(min: value, max: rng.chance(0.5) ? nil : ((value * rng.uniform(1.1, 1.5)) * 10).rounded() / 10, unit: .piece)
    }

    /// Posting, expiry and (for some earlier postings) withdrawal times.
    ///
    /// A share of postings (``MarketConfiguration/currentPostingShare``) is current at the as-of time:
    /// posted in the last 60 days and expiring after it. The rest were posted earlier in the period and have run out.
    func makeDates(jobType: JobType, rng: inout SeededRandom) -> (Timestamp, Timestamp, Timestamp?) {
        let asOf = configuration.asOf
        let days = Double(configuration.days)
        let duration = jobType == .publicWelfare ? rng.uniform(15, 45) : rng.uniform(30, 90)
        if rng.chance(configuration.currentPostingShare) || days < duration + 2 {
            let age = rng.uniform(0.05, min(days, 60) - 0.01)
            let posted = asOf.shifted(days: -age)
            let life = max(duration, age + rng.uniform(3, 30))
            return (posted, posted.shifted(days: life), nil)
        }
        let age = rng.uniform(duration + 1, days - 0.01)
        let posted = asOf.shifted(days: -age)
        let expires = posted.shifted(days: duration)
        let closed = rng.chance(0.25) ? posted.shifted(days: rng.uniform(5, duration - 1)) : nil
        return (posted, expires, closed)
    }
}
