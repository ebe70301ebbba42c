import ArgumentParser

/// `jobmatch`: the companion CLI of JobMatch.
public struct JobMatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobmatch",
        abstract: "Job matching for public employment assistance (就业援助): data, matching, batches, evaluation.",
        subcommands: [
            ImportCommand.self,
            ExportCommand.self,
            GenerateCommand.self,
            ModelCommand.self,
            RecommendCommand.self,
            BatchCommand.self,
            InsightCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            ClientCommand.self,
            AuditCommand.self,
            SuperviseCommand.self,
            PlanCommand.self,
            FollowUpsCommand.self,
        ]
    )

    public init() {}
}
