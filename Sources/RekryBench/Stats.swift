import Foundation

/// Latency samples and their summary.
struct Samples {
    var values: [Double] = []

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        values.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return result
    }

    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let i = min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))
        return sorted[i]
    }

    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }
}

/// Prints one figure line: ours, raw SQLite's, and the ratio.
func report(_ name: String, ours: Samples, raw: Samples?, rawLabel: String = "raw SQLite") {
    var line = String(format: "%-38@ median %8.3f ms  p99 %8.3f ms", name as NSString, ours.median, ours.p99)
    if let raw {
        line += String(format: "   | %@ median %7.3f ms p99 %7.3f ms | ratio median %.2fx p99 %.2fx",
                       rawLabel as NSString, raw.median, raw.p99, ours.median / raw.median, ours.p99 / raw.p99)
    }
    print(line)
}
