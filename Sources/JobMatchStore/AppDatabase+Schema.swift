import GRDB

extension AppDatabase {
    /// The schema's history. Shipped migrations are frozen: add a new one, never edit an old one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: applicants, jobs, interactions") { db in
            try db.create(table: "applicant") { t in
                t.primaryKey("id", .text)
                t.column("district", .text).notNull().indexed()
                t.column("status", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.column("record", .text).notNull()
            }
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("district", .text).notNull()
                t.column("status", .text).notNull()
                t.column("job_type", .text).notNull()
                t.column("posted_at_epoch", .double).notNull()
                t.column("expires_at_epoch", .double).notNull()
                t.column("record", .text).notNull()
            }
            try db.create(table: "interaction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicant_id", .text).notNull().indexed()
                    .references("applicant", onDelete: .cascade)
                t.column("job_id", .text).notNull().indexed()
                    .references("job", onDelete: .cascade)
                t.column("event", .text).notNull()
                t.column("at", .text).notNull()
                t.column("at_epoch", .double).notNull().indexed()
                t.uniqueKey(["applicant_id", "job_id", "event", "at"])
            }
        }
        migrator.registerMigration("v2: audit log", migrate: createAuditLog)
        migrator.registerMigration("v3: batch runs, lists, push history", migrate: createBatchTables)
        migrator.registerMigration("v4: audit chain and subjects", migrate: createAuditChain)
        migrator.registerMigration("v5: change log", migrate: createChangeLog)
        migrator.registerMigration("v6: active model", migrate: createActiveModel)
        migrator.registerMigration("v8: trainings and services", migrate: createAssistanceTables)
        return migrator
    }
}
