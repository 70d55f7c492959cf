import Foundation
import RekryCrypto
import RekryStore

/// Opens the benchmark's register and signs in as its demo recruiter, as `rekry` does at start.
func signInAsRecruiter(db: String, keys: String) throws -> Gate {
    try Register.open(at: db).signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("recruiter.identity")))
}
