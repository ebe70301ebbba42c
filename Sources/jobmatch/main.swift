import JobMatchCLI

/// An explicitly asynchronous entry: in plain top-level code, Swift 6.3 resolves `JobMatchCommand.main()`
/// to ParsableCommand's synchronous overload, which refuses an asynchronous root command.
func runJobMatch() async {
    await JobMatchCommand.main()
}

await runJobMatch()
