import Foundation
import RekryDomain
import RekryGate
import RekrySQLite
import RekryStorage
import RekryTestSupport
@testable import RekryTUI
import XCTest

/// When SQLite reports a damaged file, the UI says so and keeps saying it, instead of carrying on silently.
final class DamageTests: XCTestCase, @unchecked Sendable {
    func testADamagedRegisterIsNamedInTheStatusLineForTheRestOfTheSession() throws {
        try MainActor.assumeIsolated {
            let t = try TestRegister()
            for i in 0..<400 { try t.addCandidate("Person \(i) Damaged", basis: .contract, consent: .none, cv: String(repeating: "Text \(i). ", count: 300)) }
            let app = try WriteKeys.app(t, "recruiter")
            XCTAssertFalse(app.render().text.contains("DAMAGED"))
            // A failing disk: random bytes over pages in the middle of the register.
            try t.register.backend.checkpoint()
            let size = (try FileManager.default.attributesOfItem(atPath: t.path)[.size] as! NSNumber).intValue
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: t.path))
            var rng = SystemRandomNumberGenerator()
            for page in stride(from: 8, to: size / 4096 - 1, by: 3) {
                try handle.seek(toOffset: UInt64(page * 4096))
                handle.write(Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }))
            }
            try handle.close()
            // Reads through a fresh connection meet the damage.
            var failure: (any Error)?
            do {
                let fresh = Register(backend: try SQLiteRegister.open(at: t.path))
                let gate = try fresh.signIn(t.identities["recruiter"]!, clock: t.clock)
                _ = try gate.page(CandidateQuery(), from: .end, limit: 400)
            } catch {
                failure = error
            }
            guard case RegisterError.damaged? = failure as? RegisterError else {
                return XCTFail("not reported as damage: \(String(describing: failure))")
            }
            app.noteFailure(failure!)
            XCTAssertTrue(app.damaged)
            MemoryBackend.drive(app, [.char("j")])
            XCTAssertTrue(app.render().lines.last!.contains("REGISTER DAMAGED"), app.render().lines.last!)
        }
    }
}
