import Foundation
import RekryImport

// The libFuzzer target for import's two mappings; REKRY_FUZZ=csv or resume picks the mapping. `.ci/fuzz`
// builds it with -sanitize=fuzzer,address: libFuzzer is then linked in, and this main hands the command line
// to its driver (found at run time, so that a plain build, as `swift build` makes of every product, links
// too). Without libFuzzer, each file named on the command line is run through the harness once: how a
// crashing input that libFuzzer saved is looked at.

@_cdecl("LLVMFuzzerTestOneInput")
public func rekryFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    if ProcessInfo.processInfo.environment["REKRY_FUZZ"] == "resume" { ImportFuzzing.resume(data) } else { ImportFuzzing.csv(data) }
    return 0
}

typealias FuzzerDriver = @convention(c) (
    UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

if let symbol = dlsym(nil, "LLVMFuzzerRunDriver") {  // nil: RTLD_DEFAULT, the program and its libraries
    let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(driver(&argc, &argv, rekryFuzzOneInput))
}
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let result = ProcessInfo.processInfo.environment["REKRY_FUZZ"] == "resume" ? ImportFuzzing.resume(data) : ImportFuzzing.csv(data)
    print("\(path): \(result.rows) rows, \(result.problems) problems")
}
