import JobMatchCLI

/// The `jobmatch` executable: everything lives in JobMatchCLI.
@main
extension JobMatchCommand {}
