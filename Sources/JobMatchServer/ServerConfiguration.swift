/// Everything `jobmatchd` needs to start, as a plain value (from flags and the config file).
public struct ServerConfiguration: Sendable {
    /// Address to listen on; loopback unless told otherwise.
    public var host: String
    /// Port to listen on; 0 picks a free one (tests).
    public var port: Int
    /// The SQLite database file.
    public var databasePath: String

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "var/jobmatch.sqlite") {
        self.host = host
        self.port = port
        self.databasePath = databasePath
    }
}
