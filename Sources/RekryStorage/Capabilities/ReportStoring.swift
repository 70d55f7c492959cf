import Foundation
import RekryDomain

/// Sealed psychologist reports, their wrapped data keys and the grants that decide who holds a key.
public protocol ReportStoring {
    /// The candidate's latest report, with the process facts that decide its retention.
    func report(candidateId: Int64) throws -> ReportInContext?
    /// Every report attached in a process.
    func reports(processId: Int64) throws -> [ReportInContext]
    func hasReport(participationId: Int64) throws -> Bool
    /// One report by its id, without its context.
    func reportById(_ id: Int64) throws -> ReportRecord?
    func insertReport(_ report: ReportRecord) throws -> Int64
    func updateCiphertext(reportId: Int64, _ ciphertext: Data) throws
    /// Deletes the report, its keys and its grants.
    func deleteReport(id: Int64) throws
    func grants(reportId: Int64) throws -> [GrantRecord]
    func insertGrant(_ grant: GrantRecord) throws -> Int64
    /// Stores the lead signature that vouches for a grant (after a re-key, over the new ciphertext).
    func signGrant(id: Int64, signedBy: Int64, signature: Data, keyProof: Data?) throws
    /// Ends every open grant of `staffId` on the report, dropping its signature so that it cannot be reopened.
    func revokeGrants(reportId: Int64, staffId: Int64, at: Date, by: Int64) throws
    func wrappedKey(reportId: Int64, staffId: Int64) throws -> WrappedReportKey?
    func storeKey(_ key: WrappedReportKey) throws
    func deleteKeys(reportId: Int64) throws
    func deleteKey(reportId: Int64, staffId: Int64) throws
    /// Every open grant on every report, for `rekry check`.
    func openGrants() throws -> [GrantRecord]
    /// Reports with an open grant signed by `staffId`.
    func reportsSigned(staffId: Int64) throws -> [Int64]
    /// Reports on which `staffId` holds a grant or a wrapped key.
    func reportsHeld(staffId: Int64) throws -> [Int64]
}
