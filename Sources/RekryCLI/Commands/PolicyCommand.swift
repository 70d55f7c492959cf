import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry policy`: the register's retention profile (one per firm, from `data/policies/` or the firm's own copy).
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show, check or set the register's retention profile.",
        discussion: "Profiles for the firms Rekry serves are in data/policies/; a firm may keep its own edited copy.",
        subcommands: [PolicyShowCommand.self, PolicyCheckCommand.self, PolicySetCommand.self],
        defaultSubcommand: PolicyShowCommand.self)
}

/// `rekry policy show`: the profile in force, verified, with what each rule takes.
struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the retention profile in force (verified).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (schema rekry.policy/1).") var json = false

    func run() throws {
        let profile = try global.signIn().retentionProfile()
        if json {
            FileHandle.standardOutput.write(try ExportJSON.data(PolicyView(profile)))
            print()
            return
        }
        print(PolicyView(profile).text)
    }
}

/// `rekry policy check FILE`: parses a profile without setting it.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check a policy file without setting it; errors name file:line: field.")
    @Argument(help: "The policy file.") var file: String

    func run() throws {
        let text = try CommandInput.text(of: file, argument: "FILE")
        let policy = try RetentionPolicy.parse(text, file: file)
        print(say("policy.valid", ["file": file, "n": policy.rules.count, "firm": policy.firm.map { say("policy.validFirm", ["firm": $0]) } ?? "",
                                    "country": policy.country.map { say("policy.validCountry", ["country": $0]) } ?? ""]))
    }
}

/// `rekry policy set FILE`: the DPO sets the profile; every retention date is re-derived under it.
struct PolicySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the register's retention profile from a policy file (the DPO).",
        discussion: "The profile is signed by you and audited; every candidate's retention date is re-derived under it in one transaction.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The policy file (for example data/policies/it-consultancy-se.policy).") var file: String

    func run() throws {
        let text = try CommandInput.text(of: file, argument: "FILE")
        let name = (file as NSString).lastPathComponent
        let rederived = try global.signIn().setRetentionProfile(name: name, text: text)
        print(say("policy.set", ["name": name, "n": rederived]))
    }
}

/// The profile as `policy show` prints it.
struct PolicyView: Encodable {
    struct Rule: Encodable {
        var category: String
        var covers: String
        var event: String
        var period: String
        var country: String
    }
    var schema = "rekry.policy/1"
    var name: String
    var firm: String?
    var country: String?
    var setBy: String?
    var setAt: Date?
    var builtIn: Bool
    var rules: [Rule]

    init(_ p: RetentionProfile) {
        name = p.name
        firm = p.policy.firm
        country = p.policy.country
        setBy = p.setBy
        setAt = p.setAt
        builtIn = p.isDefault
        rules = p.policy.rules.map {
            Rule(category: $0.category.rawValue, covers: $0.category.covers, event: $0.event.rawValue, period: $0.period.description, country: $0.country)
        }
    }

    var text: String {
        var lines = [say("policy.profile", ["name": name, "firm": firm.map { say("policy.profileFirm", ["firm": $0]) } ?? "",
                                            "country": country.map { say("policy.profileCountry", ["country": $0]) } ?? ""])]
        if let setBy, let setAt {
            lines.append(say("policy.setBy", ["user": setBy, "day": DayFormat.day(setAt)]))
        } else {
            lines.append(say("policy.builtIn"))
        }
        for r in rules {
            let scope = r.country == "*" ? "" : " (\(r.country))"
            lines.append(say("policy.rule", ["category": r.category.padding(toLength: 21, withPad: " ", startingAt: 0),
                                              "period": r.period.padding(toLength: 4, withPad: " ", startingAt: 0), "event": r.event, "scope": scope, "covers": r.covers]))
        }
        return lines.joined(separator: "\n")
    }
}
