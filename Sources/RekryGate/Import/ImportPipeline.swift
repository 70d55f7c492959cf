import Foundation
import RekryDomain

/// Reads, validates and derives an import's rows on a thread of its own, a few chunks ahead of the writer.
///
/// The file's parsing (CSV.swift), the field rules, the write model's derived columns and the suppression
/// hashes need nothing from the register, and were half of an import; the writer's lookups and inserts are
/// the other half. On two cores the two halves run at once. Rows come out in the file's order, in chunks
/// (at most `depth` waiting, so memory stays bounded whatever the file's size); `cancel` stops the reader
/// when the writer gives up.
final class ImportPipeline: @unchecked Sendable {
    /// One row, prepared: its candidate and suppression hashes, or what was wrong with it.
    enum Prepared {
        case candidate(ImportRow, ImportValidation.Candidate, suppressionHashes: [String])
        case problem(any Error)
    }

    private let condition = NSCondition()
    private var chunks: [[Prepared]] = []
    private var finished = false
    private var cancelled = false
    private let depth = 4
    private let chunkSize = 256

    /// Starts reading `rows` at once. `prepare` turns one row into its candidate and hashes (it throws the
    /// row's problems); it runs on the reader's thread.
    init<Rows: Sequence>(_ rows: Rows, prepare: @escaping (ImportRow) throws -> (ImportValidation.Candidate, [String]))
    where Rows.Element == Result<ImportRow, ImportProblem> {
        // Handed to the reader's thread, which alone uses them from here on.
        let work = UncheckedBox((AnyIterator(rows.makeIterator()), prepare))
        let thread = Thread { [self] in read(work.value.0, prepare: work.value.1) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The reader's thread: rows prepared and handed over a chunk at a time.
    private func read(_ rows: AnyIterator<Result<ImportRow, ImportProblem>>, prepare: (ImportRow) throws -> (ImportValidation.Candidate, [String])) {
        var chunk: [Prepared] = []
        chunk.reserveCapacity(chunkSize)
        while let element = rows.next() {
            do {
                let row = try element.get()
                let (candidate, hashes) = try prepare(row)
                chunk.append(.candidate(row, candidate, suppressionHashes: hashes))
            } catch {
                chunk.append(.problem(error))
            }
            if chunk.count == chunkSize {
                guard hand(chunk) else { return finish() }
                chunk = []
                chunk.reserveCapacity(chunkSize)
            }
        }
        if !chunk.isEmpty { _ = hand(chunk) }
        finish()
    }

    /// The next prepared rows in the file's order; nil once the file is read.
    func next() -> [Prepared]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Stops the reader and waits for it (the writer failed, or the caller stops early).
    func cancel() {
        condition.lock()
        cancelled = true
        chunks = []
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Queues a chunk, waiting while `depth` are queued; false if cancelled.
    private func hand(_ chunk: [Prepared]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value handed to one other thread that alone uses it from then on.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
