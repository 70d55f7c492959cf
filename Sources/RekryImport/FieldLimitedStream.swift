import Foundation

/// A file's bytes on their way to CSV.swift, refusing a field longer than `limit` bytes before the parser holds it.
///
/// CSV.swift builds each field whole before anything can check it, at about eight bytes of memory per byte of
/// field (a 300 MB field took 2.4 GB): a file made to exhaust memory must fail at the limit instead. This scans
/// the bytes as they pass, with the CSV rules that matter for a field's extent (a quote toggles quoting; outside
/// quotes the separator or a line end ends the field), in the file's code units (one byte, or two for UTF-16).
final class FieldLimitedStream: InputStream {
    /// The error the stream ends with when a field passes the limit.
    struct FieldTooLong: Error, CustomStringConvertible {
        let limit: Int
        var description: String { "a field is longer than \(limit / 1_000_000) MB" }
    }

    private let base: InputStream
    private let limit: Int
    private let separator: UInt16
    private let unitSize: Int
    private let bigEndian: Bool
    private var quoted = false
    private var fieldBytes = 0
    private var pendingByte: UInt8?
    private var failure: (any Error)?

    /// `encoding` is "utf8", "utf16le" or "utf16be"; `separator` an ASCII scalar.
    init(_ base: InputStream, limit: Int, separator: Unicode.Scalar, encoding: String) {
        self.base = base
        self.limit = limit
        self.separator = UInt16(separator.value)
        self.unitSize = encoding == "utf8" ? 1 : 2
        self.bigEndian = encoding == "utf16be"
        super.init(data: Data())
    }

    override func open() { base.open() }
    override func close() { base.close() }
    override var hasBytesAvailable: Bool { failure == nil && base.hasBytesAvailable }
    override var streamError: (any Error)? { failure ?? base.streamError }
    override var streamStatus: Stream.Status { failure != nil ? .error : base.streamStatus }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil else { return -1 }
        let count = base.read(buffer, maxLength: length)
        guard count > 0 else { return count }
        for i in 0..<count { take(buffer[i]) }
        if fieldBytes > limit {
            failure = FieldTooLong(limit: limit)
            return -1
        }
        return count
    }

    private func take(_ byte: UInt8) {
        let unit: UInt16
        if unitSize == 1 {
            unit = UInt16(byte)
        } else if let first = pendingByte {
            pendingByte = nil
            unit = bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first)
        } else {
            pendingByte = byte
            return
        }
        if unit == 0x22 {
            quoted.toggle()
        } else if !quoted && (unit == separator || unit == 0x0A || unit == 0x0D) {
            fieldBytes = 0
            return
        }
        fieldBytes += unitSize
    }
}
