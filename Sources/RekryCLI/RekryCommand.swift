import ArgumentParser

/// The `rekry` command: the terminal UI by default, and the subcommands scripts rely on.
public struct RekryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rekry",
        abstract: "A privacy-first recruitment register for the terminal.",
        discussion: "Run without a subcommand to open the terminal UI as your identity.",
        version: RekryVersion.text,
        subcommands: [
            OpenCommand.self, TryCommand.self, InitCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self,
            AddCommand.self, EditCommand.self, DocCommand.self, NoteCommand.self, AssessmentCommand.self,
            ReferenceCommand.self, ConsentCommand.self, RestrictCommand.self, ObjectCommand.self, NoticeCommand.self,
            ProcessCommand.self, StaffCommand.self, ReportCommand.self, GrantCommand.self, RevokeCommand.self,
            AuditCommand.self, CheckCommand.self, ImportCommand.self, ExportCommand.self, EraseCommand.self, SuppressionCommand.self, BackupCommand.self, RestoreCommand.self,
            PolicyCommand.self, RequestCommand.self, BreachCommand.self, MigrateCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    public init() {}
}

/// The version `rekry --version` prints.
enum RekryVersion {
    static let text = "0.4.0"
}
