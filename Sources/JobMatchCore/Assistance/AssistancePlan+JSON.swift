// The plan as ordered JSON (the same bytes every time; `jobmatch plan --json` and `GET /v1/applicants/{id}/plan`).

extension AssistancePlan {
    /// `{"applicant", "as_of", "status", "main_track", "reach", "household", "stuck_since", "tracks"}`.
    public var jsonValue: JSONValue {
        .object([
            ("applicant", .string(applicant)), ("as_of", .string(asOf.text)), ("status", .string(status.rawValue)),
            ("main_track", mainTrack.map { .string($0.rawValue) } ?? .null),
            ("reach", .object([
                ("allowed_postings", .number(Double(reach.allowedPostings))), ("fitting_postings", .number(Double(reach.fittingPostings))),
                ("fitting_openings", .number(Double(reach.fittingOpenings))),
                ("best_score", reach.bestScore.map { .number(Recommendation.rounded($0)) } ?? .null), ("weak_market", .bool(reach.isWeak)),
            ])),
            ("household", .object([
                ("id", household.id.map { .string($0) } ?? .null), ("members", .number(Double(household.members))),
                ("zero_employment", .bool(household.isZeroEmployment)), ("cleared", .bool(household.isCleared)),
            ])),
            ("stuck_since", stuckSince.map { .string($0.text) } ?? .null),
            ("tracks", .array(tracks.map(\.jsonValue))),
        ])
    }

    public var jsonText: String { jsonValue.jsonText }
}

extension PlanTrack {
    /// `{"track", "term", "reasons", "steps", …}` with only the parts this track uses.
    public var jsonValue: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("track", .string(track.rawValue)), ("term", .string(track.term)), ("reasons", .array(reasons.map(\.jsonValue))),
            ("steps", .array(steps.map { .string($0) })),
        ]
        switch track {
        case .referral:
            pairs.append(("postings", .array(postings.map(\.jsonValue))))
            pairs.append(("job_fair", jobFair?.jsonValue ?? .null))
        case .immediateHelp:
            pairs.append(("postings", .array(postings.map(\.jsonValue))))
            pairs.append(("daily", .bool(daily)))
        case .entrepreneurship:
            pairs.append(("postings", .array(postings.map(\.jsonValue))))
            pairs.append(("support", .array(support.map { .string($0) })))
        case .publicWelfarePlacement:
            pairs.append(("postings", .array(postings.map(\.jsonValue))))
        case .guidance:
            pairs.append(("occupations", .array(occupations.map(\.jsonValue))))
        case .training:
            pairs.append(("courses", .array(courses.map(\.jsonValue))))
            pairs.append(("certificate", certificate?.jsonValue ?? .null))
        }
        return .object(pairs)
    }
}

extension PlanPosting {
    public var jsonValue: JSONValue {
        .object([
            ("job", .string(job)), ("title", .string(title)), ("employer", .string(employer)), ("district", .string(district)),
            ("distance_km", distanceKm.map { .number($0) } ?? .null), ("openings", .number(Double(openings))),
            ("score", .number(score)), ("reasons", .array(reasons.map(\.jsonValue))),
        ])
    }
}

extension OccupationFit {
    public var jsonValue: JSONValue {
        .object([("occupation", .string(occupation)), ("postings", .number(Double(postings))), ("best_score", .number(bestScore)),
                 ("example", example.jsonValue)])
    }
}

extension JobFairSuggestion {
    public var jsonValue: JSONValue {
        .object([("district", .string(district)), ("employers", .array(employers.map { e in
            .object([("id", .string(e.id)), ("name", .string(e.name)), ("postings", .array(e.postings.map { .string($0) })),
                     ("distance_km", e.distanceKm.map { .number($0) } ?? .null)])
        }))])
    }
}

extension CourseUnlock {
    /// `{"training", "title", …, "unlocked_postings", "unlocked_openings", "entering_top_list", "certificate_unlocked", "examples"}`.
    public var jsonValue: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = []
        if let t = training {
            pairs += [
                ("training", .string(t.id)), ("title", .string(t.title)), ("provider", t.provider.map { .string($0) } ?? .null),
                ("district", .string(t.district)), ("mode", .string(t.effectiveMode.rawValue)), ("starts_at", .string(t.startsAt.text)),
                ("ends_at", .string(t.endsAt.text)), ("distance_km", .number(distanceKm)), ("subsidized", .bool(t.subsidized ?? false)),
            ]
        }
        pairs += [
            ("adds_skills", .array(addsSkills.map { .string($0) })), ("adds_certificates", .array(addsCertificates.map { .string($0) })),
            ("unlocked_postings", .number(Double(gain))), ("unlocked_openings", .number(Double(unlockedOpenings))),
            ("entering_top_list", .number(Double(enteringTopList))), ("certificate_unlocked", .number(Double(certificateUnlocked))),
            ("examples", .array(unlockedPostings.prefix(5).map { .string($0) })),
        ]
        return .object(pairs)
    }
}

extension CertificateUnlock {
    public var jsonValue: JSONValue {
        .object([
            ("certificate", .string(certificate)), ("postings_requiring", .number(Double(postingsRequiring))),
            ("unlocked_postings", .number(Double(unlock.gain))), ("unlocked_openings", .number(Double(unlock.unlockedOpenings))),
            ("courses", .array(courses.prefix(3).map(\.jsonValue))),
        ])
    }
}
