import Foundation
import RekryDomain
import RekryStorage

/// The short free texts of the DPO's desk (a verification note, an extension's reason, a breach's
/// description): one plain line, bounded, without control or formatting characters, since they are printed
/// on staff terminals.
enum DeskText {
    static func line(_ text: String?, field: String, limit: Int, required: Bool) throws -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else {
            if required { throw RegisterError.invalidBecause(field: field, Wording("gate.rule.notEmpty")) }
            return nil
        }
        guard trimmed.count <= limit else { throw RegisterError.invalidBecause(field: field, Wording("gate.rule.tooLong", ["max": "\(limit)", "count": "\(trimmed.count)"])) }
        guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0.properties.generalCategory == .format }) else {
            throw RegisterError.invalidBecause(field: field, Wording("gate.rule.oneLine"))
        }
        return trimmed
    }

    /// The firm's ticket id, by the erasure log's rule (letters, digits and `-_./#`), named as `field`.
    static func ticket(_ text: String?, field: String) throws -> String? {
        do {
            return try ErasureRules.request(text)
        } catch RegisterError.invalid(_, let message) {
            throw RegisterError.invalid(field: field, message: message)
        } catch RegisterError.invalidBecause(_, let wording) {
            throw RegisterError.invalidBecause(field: field, wording)
        }
    }
}
