import ArgumentParser

/// The `rekry` command: the terminal UI by default, and the subcommands scripts rely on.
public struct RekryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rekry",
        abstract: "A privacy-first recruitment register for the terminal.",
        discussion: "Run without a subcommand to open the terminal UI as your identity.",
        subcommands: [
            OpenCommand.self, TryCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self,
            StaffCommand.self, ReportCommand.self, GrantCommand.self, RevokeCommand.self, AuditCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    public init() {}
}
