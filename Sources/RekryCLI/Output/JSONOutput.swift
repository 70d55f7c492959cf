import Foundation
import RekryGate

/// JSON for the command line: the gate's presentation model, encoded as it is (its types carry a schema
/// name and version), with ISO 8601 dates and sorted keys so that output diffs cleanly.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try ExportJSON.data(value), as: UTF8.self)
    }
}
