import GRDB
import JobMatchCore

/// Why a person is near the top of a caseworker's day (工作台), most urgent first.
public enum ApplicantAttention: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A seeking member of a zero-employment household: not yet cleared (动态清零).
    case zeroEmploymentHousehold = "zero_employment_household"
    /// The latest published batch run found no opening that fits the person.
    case noFittingOpening = "no_fitting_opening"
    /// Pushes (batch or `recommended` events) with no response from the person for `quietDays` or more.
    case unansweredPushes = "unanswered_pushes"
    /// Registered, with no push and no event yet (新登记).
    case newRegistration = "new_registration"
    /// Seeking, served and answering.
    case none
    /// Not seeking (employed or inactive).
    case notSeeking = "not_seeking"

    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// A page of people: who, in which districts, in which group and status, at what time.
public struct ApplicantListQuery: Sendable, Hashable {
    /// District codes to show; nil for every district.
    public var districts: Set<String>?
    public var group: AssistanceGroup?
    public var status: ApplicantStatus?
    /// 1-based.
    public var page: Int
    public var perPage: Int
    /// The moment the list is for: events and pushes after it are not counted.
    public var asOf: Timestamp
    /// How long pushes may go without a response before they count (default 14 days).
    public var quietDays: Double

    public init(districts: Set<String>? = nil, group: AssistanceGroup? = nil, status: ApplicantStatus? = nil,
                page: Int = 1, perPage: Int = 20, asOf: Timestamp = .now(), quietDays: Double = 14)
    {
        self.districts = districts
        self.group = group
        self.status = status
        self.page = max(1, page)
        self.perPage = max(1, perPage)
        self.asOf = asOf
        self.quietDays = quietDays
    }
}

/// One row of the list: the person and why they are where they are.
public struct ApplicantListItem: Sendable, Hashable {
    public var applicant: Applicant
    public var attention: ApplicantAttention
    /// Pushes since the person's last response (or ever, without one).
    public var unansweredPushes: Int
    /// The earliest of those pushes.
    public var firstUnansweredPushAt: Timestamp?
    /// Openings the latest published batch run listed for the person; nil when the run did not cover them.
    public var lastRunOpenings: Int?
}

/// A page and the number of people matching the query on all pages.
public struct ApplicantListPage: Sendable, Hashable {
    public var items: [ApplicantListItem]
    public var total: Int
}

extension AppDatabase {
    /// People in the query's districts, group and status, most urgent first (``ApplicantAttention``), then by id.
    public func applicantList(_ query: ApplicantListQuery) throws -> ApplicantListPage {
        try dbWriter.read { db in
            var conditions: [String] = []
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            if let districts = query.districts {
                if districts.isEmpty { return ApplicantListPage(items: [], total: 0) }
                let names = districts.sorted().enumerated().map { i, code in
                    arguments["d\(i)"] = code
                    return ":d\(i)"
                }
                conditions.append("a.district IN (\(names.joined(separator: ",")))")
            }
            if let status = query.status {
                conditions.append("a.status = :status")
                arguments["status"] = status.rawValue
            }
            if let group = query.group {
                conditions.append("EXISTS (SELECT 1 FROM json_each(a.record, '$.groups') WHERE value = :group)")
                arguments["group"] = group.rawValue
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applicant a \(filter)", arguments: StatementArguments(arguments)) ?? 0

            let now = query.asOf.secondsSince1970
            let quietBefore = now - query.quietDays * 86_400
            let run = try String.fetchOne(db, sql: """
                SELECT id FROM batch_run WHERE status = 'published' AND as_of_epoch <= ?
                ORDER BY as_of_epoch DESC, recorded_at DESC, id DESC LIMIT 1
                """, arguments: [now])
            let never = 1e18
            let sql = """
                WITH base AS (
                  SELECT a.id, a.status, a.record,
                    EXISTS (SELECT 1 FROM json_each(a.record, '$.groups') WHERE value = 'zero_employment_household') AS zero,
                    COALESCE((SELECT MAX(at_epoch) FROM interaction i
                              WHERE i.applicant_id = a.id AND i.event != 'recommended' AND i.at_epoch <= :now), -\(never)) AS answered,
                    (SELECT json_array_length(line, '$.recommendations') FROM batch_list b
                     WHERE b.run_id = :run AND b.applicant_id = a.id) AS last_run
                  FROM applicant a \(filter)
                ), counted AS (
                  SELECT base.*,
                    (SELECT COUNT(*) FROM push_history p WHERE p.applicant_id = base.id AND p.pushed_at_epoch <= :now
                       AND p.pushed_at_epoch > base.answered)
                    + (SELECT COUNT(*) FROM interaction i WHERE i.applicant_id = base.id AND i.event = 'recommended'
                       AND i.at_epoch <= :now AND i.at_epoch > base.answered) AS unanswered,
                    MIN(COALESCE((SELECT MIN(pushed_at_epoch) FROM push_history p WHERE p.applicant_id = base.id
                                  AND p.pushed_at_epoch <= :now AND p.pushed_at_epoch > base.answered), \(never)),
                        COALESCE((SELECT MIN(at_epoch) FROM interaction i WHERE i.applicant_id = base.id AND i.event = 'recommended'
                                  AND i.at_epoch <= :now AND i.at_epoch > base.answered), \(never))) AS first_unanswered,
                    EXISTS (SELECT 1 FROM interaction i WHERE i.applicant_id = base.id AND i.at_epoch <= :now)
                      OR EXISTS (SELECT 1 FROM push_history p WHERE p.applicant_id = base.id AND p.pushed_at_epoch <= :now) AS served
                  FROM base
                )
                SELECT record, unanswered, first_unanswered, last_run,
                  CASE WHEN status != 'seeking' THEN 5
                       WHEN zero THEN 0
                       WHEN last_run = 0 THEN 1
                       WHEN first_unanswered <= :quietBefore THEN 2
                       WHEN NOT served THEN 3
                       ELSE 4 END AS tier
                FROM counted ORDER BY tier, id LIMIT :limit OFFSET :offset
                """
            let page: [String: (any DatabaseValueConvertible)?] = [
                "now": now, "run": run, "quietBefore": quietBefore, "limit": query.perPage, "offset": (query.page - 1) * query.perPage,
            ]
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.merging(page) { $1 }))
            let items = try rows.map { row -> ApplicantListItem in
                let tier: Int = row["tier"]
                let first: Double = row["first_unanswered"]
                return ApplicantListItem(
                    applicant: try Self.decodeApplicant(row["record"]),
                    attention: ApplicantAttention.allCases[tier],
                    unansweredPushes: row["unanswered"],
                    firstUnansweredPushAt: first >= never ? nil : Timestamp(secondsSince1970: first),
                    lastRunOpenings: row["last_run"]
                )
            }
            return ApplicantListPage(items: items, total: total)
        }
    }
}
