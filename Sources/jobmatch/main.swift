import JobMatchCLI

await JobMatchCommand.main()
