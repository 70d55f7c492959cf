import Foundation

/// JSON as Rekry writes it everywhere (the command line, exports from the keyboard, the benchmark): pretty,
/// keys sorted so that output diffs cleanly, ISO 8601 dates, slashes left as they are.
public enum ExportJSON {
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}
