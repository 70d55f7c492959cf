import Foundation
import RekryGate

/// The fuzzing harness: arbitrary bytes through the CSV or JSON Resume mapping and every field rule, as an
/// import reads them, with no register. A crash, a hang or a sanitizer report is a bug; any number of
/// problems is the expected answer to garbage. Used by the libFuzzer target (`rekry-fuzz`, `.ci/fuzz`) and by
/// the test suite's smoke run.
public enum ImportFuzzing {
    static let options = ImportOptions(source: .applied, basis: .contract, format: "fuzz")
    static let now = Date(timeIntervalSince1970: 1_795_305_600)

    /// Reads `data` as a CSV file; returns the rows read and the problems found.
    @discardableResult
    public static func csv(_ data: Data) -> (rows: Int, problems: Int) {
        guard let reader = try? CSVImportReader(data: data, name: "fuzz.csv") else { return (0, 1) }
        return run(AnySequence(reader))
    }

    /// Reads `data` as a JSON Resume document (one résumé or an array).
    @discardableResult
    public static func resume(_ data: Data) -> (rows: Int, problems: Int) {
        run(AnySequence(ResumeImportReader.rows(in: data, name: "fuzz.json")))
    }

    private static func run(_ rows: AnySequence<Result<ImportRow, ImportProblem>>) -> (rows: Int, problems: Int) {
        var count = 0, problems = 0
        for element in rows {
            count += 1
            switch element {
            case .success(let row): problems += Gate.importProblems(in: row, options: options, now: now).count
            case .failure: problems += 1
            }
            if count > 10_000 { break }
        }
        return (count, problems)
    }
}
