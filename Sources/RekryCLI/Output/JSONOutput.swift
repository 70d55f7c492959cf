import Foundation
import RekryDomain
import RekryStore

/// The JSON shapes of the command line: one vocabulary for badges, `withheld` objects for what the gate withheld.
enum JSONOutput {
    static func badge(_ b: Badge) -> [String: Any] {
        var out: [String: Any] = [
            "basis": b.basis.rawValue, "primary": b.primary.rawValue, "states": b.states.map(\.rawValue),
            "short": b.shortText(ascii: true), "long": b.longText,
        ]
        if let c = b.consent { out["consent"] = c.rawValue }
        if let e = b.consentExpiresAt { out["consentExpires"] = iso(e) }
        return out
    }

    /// A gated value: `{"badge": …, "value": …}` or `{"badge": …, "withheld": reason, "explanation": …}`.
    static func gated<T>(_ g: Gated<T>, _ encode: (T) -> Any) -> [String: Any] {
        switch g {
        case .shown(let v, let b): return ["badge": badge(b), "value": encode(v)]
        case .withheld(let b, let r): return ["badge": badge(b), "withheld": r.rawValue, "explanation": r.explanation]
        }
    }

    static func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }

    static func string(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func row(_ r: CandidateRow) -> [String: Any] {
        [
            "id": r.id, "name": gated(r.name) { $0 }, "position": gated(r.position) { $0 },
            "stage": gated(r.stage) { (s: Stage?) -> Any in s.map { $0.rawValue as Any } ?? NSNull() }, "badge": badge(r.badge),
            "lastActivity": iso(r.lastActivityAt),
        ]
    }

    static func detail(_ d: CandidateDetail, report: Gated<ReportText>?) -> [String: Any] {
        var out: [String: Any] = [
            "id": d.id, "badge": badge(d.badge),
            "name": gated(d.name) { $0 },
            "contact": gated(d.contact) { c in compact(["email": c.email, "phone": c.phone, "postalAddress": c.postalAddress]) },
            "profile": gated(d.profile) { p in
                var o = compact(["homeTown": p.homeTown, "currentTitle": p.currentTitle, "currentEmployer": p.currentEmployer,
                                 "sourceDetail": p.sourceDetail])
                o["birthYear"] = p.birthYear ?? NSNull()
                o["country"] = p.country
                o["source"] = p.source.rawValue
                o["collected"] = iso(p.collectedAt)
                o["art14Notified"] = p.notifiedAt.map(iso) ?? NSNull()
                o["links"] = p.links.map { ["kind": $0.kind, "url": $0.url, "source": $0.source.rawValue] }
                return o
            },
            "documents": d.documents.map { gated($0) { doc in
                ["kind": doc.kind.rawValue, "title": doc.title, "body": doc.body, "received": iso(doc.receivedAt)] } },
            "processes": d.processes.map { gated($0) { p in
                ["process": p.process.title, "client": p.process.client ?? NSNull(), "stage": p.stage.rawValue,
                 "started": iso(p.startedAt), "stageChanged": iso(p.stageChangedAt),
                 "processClosed": p.process.closedAt.map(iso) ?? NSNull()] as [String: Any] } },
            "references": d.references.map { gated($0) { r in
                var o = compact(["name": r.name, "title": r.title, "workplace": r.workplace, "email": r.email, "phone": r.phone])
                o["relationship"] = r.relationship
                o["statements"] = r.statements.map { ["given": iso($0.givenAt), "text": $0.text] }
                return o
            } },
            "assessments": d.assessments.map { gated($0) { a in
                var o = compact(["provider": a.provider, "score": a.score])
                o["kind"] = a.kind.rawValue
                o["title"] = a.title
                o["text"] = a.text
                o["recorded"] = iso(a.recordedAt)
                return o
            } },
            "consents": gated(d.consents) { list in list.map { c -> [String: Any] in
                ["purpose": c.purpose.rawValue, "given": iso(c.givenAt), "expires": c.expiresAt.map(iso) ?? NSNull(),
                 "withdrawn": c.withdrawnAt.map(iso) ?? NSNull(), "channel": c.channel, "text": c.text]
            } },
            "disclosures": gated(d.disclosures) { list in list.map { ["recipient": $0.recipient, "disclosed": iso($0.disclosedAt), "what": $0.what] } },
        ]
        if let meta = d.report {
            var r = gated(meta) { m -> Any in
                ["author": m.author, "written": iso(m.writtenAt), "attached": iso(m.attachedAt), "process": m.processTitle,
                 "grantees": m.grantees, "askForAccess": m.grantors] as [String: Any]
            }
            if let report { r["text"] = gated(report) { $0.text } }
            out["psychologistReport"] = r
        }
        return out
    }

    private static func compact(_ d: [String: String?]) -> [String: Any] {
        d.reduce(into: [String: Any]()) { acc, kv in acc[kv.key] = kv.value.map { $0 as Any } ?? NSNull() }
    }
}
