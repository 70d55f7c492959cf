import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The Report tab's writes, all for leads: attaching the psychologist report, granting access, and revoking it
/// (confirmed, since the report is re-keyed and the grantee's copy of the key no longer opens it).
extension App {
    func askAttachReport(_ d: DetailModel) {
        guard leadsOnly("attach psychologist reports") else { return }
        let id = d.detail.id
        showForm(ProcessForms.attachReport(name: displayName(d)), aliases: ["report": "path"]) { [gate] v in
            let text = try TextFile.read(v["path"]!, field: "path")
            try gate.attachReport(candidateId: id, text: text, author: v["author"]!)
            return self.wrote("Report attached, encrypted; you hold access and can grant it (g).", candidateId: id)
        }
    }

    func askGrant(_ d: DetailModel) throws {
        guard leadsOnly("grant access to psychologist reports") else { return }
        guard let meta = d.detail.report?.value else {
            flash = "\(displayName(d)) has no psychologist report to grant access to."
            return
        }
        let usernames = try gate.staffList()
            .filter { ($0.role == .recruiter || $0.role == .lead) && $0.username != actor.username && !meta.grantees.contains($0.username) }
            .map(\.username)
        guard !usernames.isEmpty else {
            flash = "Every recruiter and lead already holds a grant."
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.grant(name: displayName(d), usernames: usernames)) { [gate] v in
            try gate.grantReport(candidateId: id, to: v["username"]!, reason: v["reason"]!)
            return self.wrote("\(v["username"]!) may now read the report.", candidateId: id)
        }
    }

    func askRevoke(_ d: DetailModel) {
        guard leadsOnly("revoke access to psychologist reports") else { return }
        guard let meta = d.detail.report?.value else {
            flash = "\(displayName(d)) has no psychologist report."
            return
        }
        let holders = meta.grantees.filter { $0 != actor.username }
        guard !holders.isEmpty else {
            flash = "Nobody else holds a grant for this report; nothing to revoke."
            return
        }
        showForm(ProcessForms.revoke(name: displayName(d), usernames: holders)) { v in
            self.confirmRevoke(v["username"]!, remaining: meta.grantees.filter { $0 != v["username"]! }, d)
            return nil
        }
    }

    /// The preview of a revocation: the grant and the grantee's key go; the report, other grants and history stay.
    func confirmRevoke(_ username: String, remaining: [String], _ d: DetailModel) {
        let id = d.detail.id
        confirmation = Confirmation(
            title: "Revoke \(username)'s access to \(displayName(d))'s psychologist report?",
            lines: [
                "Goes: \(username)'s grant ends now, and the report key wrapped for them is deleted.",
                "      The report is encrypted again under a new key, so a key \(username) opened before opens nothing.",
                "Kept: the report, readable by \(remaining.joined(separator: ", ")), each holding the new key.",
                "Kept: the grant history (who granted and revoked it, when and why), as proof of who could read it.",
                "The revocation is written to the audit log. \(username) can be granted access again (g).",
            ],
            run: { [gate] in
                try gate.revokeReport(candidateId: id, from: username)
                return self.wrote("\(username)'s access revoked; the report is re-keyed.", candidateId: id)
            })
        mode = .confirm
    }
}
