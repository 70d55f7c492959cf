extension DemoTexts {
    /// A growable UTF-8 byte buffer written with `memcpy`, turned into a `String` once at the end.
    ///
    /// Only whole UTF-8 sequences are ever appended, and bytes are only changed or removed at boundaries of
    /// what was appended (ASCII letters re-cased, output taken back), so the bytes are always valid UTF-8.
    struct TextBuffer {
        private var storage: [UInt8]
        private(set) var count = 0

        init(capacity: Int) {
            // Bytes past `count` are never read, so the storage need not be zeroed.
            let n = max(capacity, 64)
            storage = [UInt8](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
        }

        var isEmpty: Bool { count == 0 }
        var last: UInt8? { count > 0 ? storage[count - 1] : nil }

        subscript(i: Int) -> UInt8 {
            get { storage[i] }
            set { storage[i] = newValue }
        }

        private mutating func reserve(_ n: Int) {
            if count + n > storage.count {
                storage.append(contentsOf: repeatElement(0, count: max(storage.count, count + n - storage.count)))
            }
        }

        @inline(__always) mutating func append(_ b: UInt8) {
            if count == storage.count { reserve(1) }
            storage[count] = b
            count += 1
        }

        @inline(__always) mutating func append(bytes src: UnsafeRawBufferPointer) {
            let n = src.count
            guard n > 0 else { return }
            if count + n > storage.count { reserve(n) }
            let at = count
            storage.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: at).copyMemory(from: src.baseAddress!, byteCount: n) }
            count += n
        }

        @inline(__always) mutating func append(_ s: String) {
            if let done: Void = s.utf8.withContiguousStorageIfAvailable({ append(bytes: UnsafeRawBufferPointer($0)) }) {
                return done
            }
            for b in s.utf8 { append(b) }
        }

        mutating func append(contentsOf other: TextBuffer) {
            other.storage.withUnsafeBytes { append(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<other.count])) }
        }

        mutating func removeLast(_ k: Int) {
            precondition(k >= 0 && k <= count)
            count -= k
        }

        /// Inserts ASCII `s` at byte offset `at`, moving what follows.
        mutating func insert(_ s: StaticString, at: Int) {
            let n = s.utf8CodeUnitCount
            reserve(n)
            let tail = count - at
            storage.withUnsafeMutableBytes { raw in
                let p = raw.baseAddress!
                (p + at + n).copyMemory(from: p + at, byteCount: tail)
                (p + at).copyMemory(from: s.utf8Start, byteCount: n)
            }
            count += n
        }

        /// Whether the bytes from `mark` to the end are exactly `s`.
        func endsWith(_ s: String, from mark: Int) -> Bool {
            guard s.utf8.count == count - mark else { return false }
            var i = mark
            for b in s.utf8 {
                if storage[i] != b { return false }
                i += 1
            }
            return true
        }

        /// The bytes, without a copy.
        consuming func bytes() -> [UInt8] {
            storage.removeLast(storage.count - count)
            return storage
        }

        func makeString() -> String {
            storage.withUnsafeBufferPointer { src in
                String(unsafeUninitializedCapacity: count) { dst in
                    _ = dst.initialize(from: UnsafeBufferPointer(rebasing: src[0..<count]))
                    return count
                }
            }
        }
    }
}
