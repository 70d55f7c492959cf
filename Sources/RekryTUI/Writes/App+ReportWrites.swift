import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The Report tab's writes, all for leads: attaching the psychologist report, granting access, and revoking it
/// (confirmed, since the report is re-keyed and the grantee's copy of the key no longer opens it).
extension App {
    func askAttachReport(_ d: DetailModel) {
        guard leadsOnly("attachReports") else { return }
        let id = d.detail.id
        showForm(ProcessForms.attachReport(name: displayName(d), language), aliases: ["report": "path"]) { [gate] v in
            let text = try TextFile.read(v["path"]!, field: "path")
            try gate.attachReport(candidateId: id, text: text, author: v["author"]!)
            return self.wrote(self.t("flash.reportAttached"), candidateId: id)
        }
    }

    func askGrant(_ d: DetailModel) throws {
        guard leadsOnly("grantReports") else { return }
        guard let meta = d.detail.report?.value else {
            flash = t("flash.noReportToGrant", ["name": displayName(d)])
            return
        }
        let usernames = try gate.staffList()
            .filter { ($0.role == .recruiter || $0.role == .lead) && $0.username != actor.username && !meta.grantees.contains($0.username) }
            .map(\.username)
        guard !usernames.isEmpty else {
            flash = t("flash.allHoldGrants")
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.grant(name: displayName(d), usernames: usernames, language)) { [gate] v in
            try gate.grantReport(candidateId: id, to: v["username"]!, reason: v["reason"]!)
            return self.wrote(self.t("flash.granted", ["user": v["username"]!]), candidateId: id)
        }
    }

    func askRevoke(_ d: DetailModel) {
        guard leadsOnly("revokeReports") else { return }
        guard let meta = d.detail.report?.value else {
            flash = t("flash.noReport", ["name": displayName(d)])
            return
        }
        let holders = meta.grantees.filter { $0 != actor.username }
        guard !holders.isEmpty else {
            flash = t("flash.nothingToRevoke")
            return
        }
        showForm(ProcessForms.revoke(name: displayName(d), usernames: holders, language)) { v in
            self.confirmRevoke(v["username"]!, remaining: meta.grantees.filter { $0 != v["username"]! }, d)
            return nil
        }
    }

    /// The preview of a revocation: the grant and the grantee's key go; the report, other grants and history stay.
    func confirmRevoke(_ username: String, remaining: [String], _ d: DetailModel) {
        let id = d.detail.id
        confirmation = Confirmation(
            title: t("revoke.title", ["user": username, "name": displayName(d)]),
            lines: [
                t("revoke.goesGrant", ["user": username]),
                t("revoke.goesKey", ["user": username]),
                t("revoke.keptReport", ["users": remaining.joined(separator: ", ")]),
                t("revoke.keptHistory"),
                t("revoke.audit", ["user": username]),
            ],
            run: { [gate] in
                try gate.revokeReport(candidateId: id, from: username)
                return self.wrote(self.t("flash.revoked", ["user": username]), candidateId: id)
            })
        mode = .confirm
    }
}
