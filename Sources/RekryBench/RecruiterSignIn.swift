import Foundation
import RekryCrypto
import RekryBackends
import RekryDemo
import RekryGate
import RekryStorage

/// Opens the benchmark's register and signs in as its demo recruiter, as `rekry` does at start.
func signInAsRecruiter(db: String, keys: String) throws -> Gate {
    try Registers.open(at: db).signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("recruiter.identity")))
}
