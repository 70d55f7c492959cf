import XCTest
@testable import RekryDemo

/// The demo's recruitment texts: lengths, coherence with the person, determinism, plausible years.
final class DemoTextsTests: XCTestCase {
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let countries = ["SE", "NO", "DK", "FI", "XX"]
    private static let givenNames: [String: [String]] = [
        "SE": ["Åsa", "Linnéa", "Örjan", "Karin", "Björn"], "NO": ["Øystein", "Kari", "Håkon", "Solveig"],
        "DK": ["Søren", "Mette", "Freja"], "FI": ["Päivi", "Jukka", "Aino"], "XX": ["Amir", "Olena", "Priya", "Tomasz"],
    ]
    private static let towns: [String: [String]] = [
        "SE": ["Göteborg", "Stockholm", "Umeå", "Malmö"], "NO": ["Oslo", "Tromsø", "Bergen"], "DK": ["København", "Aarhus"],
        "FI": ["Helsinki", "Åbo"], "XX": ["Stockholm", "Västerås"],
    ]
    private static let titles = DemoTexts.commonTitles + ["Marine biologist", "Chief of staff", "Pharmacist", "Barista"]
    private static let employers = ["Volvo Cars", "Equinor", "H&M", "Region Stockholm", "Byggmästar'n i Skåne",
                                    "Øresund Logistik", "Göteborgs Stad"]
    private static let skills = ["Swift", "Kotlin", "PostgreSQL", "IFRS", "SAP", "Power BI", "budgeting", "negotiation",
                                 "leadership", "change management", "machine learning", "payroll", "procurement"]
    private static let relationships = ["former manager", "colleague", "client", "direct report", "mentor"]

    private func person(_ country: String, _ rng: inout SplitMix64) -> DemoPerson {
        let given = Self.givenNames[country]!.randomElement(using: &rng)!
        var skills = Self.skills.shuffled(using: &rng)
        skills.removeLast(skills.count - Int.random(in: 3...6, using: &rng))
        return DemoPerson(givenName: given, fullName: given + " " + ["Öberg", "Hansen", "Virtanen", "Nowak"].randomElement(using: &rng)!,
                          town: Self.towns[country]!.randomElement(using: &rng)!, country: country,
                          title: Self.titles.randomElement(using: &rng)!, employer: Self.employers.randomElement(using: &rng)!,
                          skills: skills, yearsOfExperience: Int.random(in: 1...35, using: &rng),
                          birthYear: Int.random(in: 1955...2003, using: &rng), currentYear: 2026)
    }

    private struct TextSet: Equatable {
        var cv, letter, note, assessment, reference: String
    }

    private func texts(_ p: DemoPerson, _ rng: inout SplitMix64) -> TextSet {
        let process = Self.titles.randomElement(using: &rng)!
        let client: String? = Bool.random(using: &rng) ? "Nordkraft AB" : nil
        return TextSet(
            cv: DemoTexts.cv(p, rng: &rng),
            letter: DemoTexts.coverLetter(p, processTitle: process, client: client, rng: &rng),
            note: DemoTexts.interviewNote(p, processTitle: process, interviewer: "Maja Lind", rng: &rng),
            assessment: DemoTexts.recruiterAssessment(p, processTitle: process, rng: &rng),
            reference: DemoTexts.referenceStatement(candidateGivenName: p.givenName, refereeName: "Per Hansen",
                                                    relationship: Self.relationships.randomElement(using: &rng)!, rng: &rng))
    }

    private func assertLength(_ s: String, _ range: ClosedRange<Int>, _ what: String, file: StaticString = #filePath,
                              line: UInt = #line) {
        XCTAssert(range.contains(s.utf8.count), "\(what): \(s.utf8.count) bytes, expected \(range)\n\(s)", file: file, line: line)
    }

    func testLengthsStayInRangeForEveryCountry() {
        var rng = SplitMix64(seed: 1)
        for country in Self.countries {
            for _ in 0..<2_000 {
                let p = person(country, &rng)
                let t = texts(p, &rng)
                assertLength(t.cv, 2048...4096, "CV")
                assertLength(t.letter, 1024...2048, "cover letter")
                assertLength(t.note, 820...1536, "interview note")
                assertLength(t.assessment, 512...1024, "assessment")
                assertLength(t.reference, 410...1228, "reference")
            }
        }
        XCTAssertEqual([DemoTexts.cvBytes, DemoTexts.coverLetterBytes, DemoTexts.interviewNoteBytes,
                        DemoTexts.assessmentBytes, DemoTexts.referenceBytes],
                       [2048...4096, 1024...2048, 820...1536, 512...1024, 410...1228])
    }

    func testUTF8VariantsGiveTheSameBytes() {
        var people = SplitMix64(seed: 8)
        for country in Self.countries {
            let p = person(country, &people)
            var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
            XCTAssertEqual(Array(DemoTexts.cv(p, rng: &a).utf8), DemoTexts.cvUTF8(p, rng: &b))
            XCTAssertEqual(Array(DemoTexts.coverLetter(p, processTitle: "CFO", client: nil, rng: &a).utf8),
                           DemoTexts.coverLetterUTF8(p, processTitle: "CFO", client: nil, rng: &b))
            XCTAssertEqual(Array(DemoTexts.interviewNote(p, processTitle: "CFO", interviewer: "Maja Lind", rng: &a).utf8),
                           DemoTexts.interviewNoteUTF8(p, processTitle: "CFO", interviewer: "Maja Lind", rng: &b))
            XCTAssertEqual(Array(DemoTexts.recruiterAssessment(p, processTitle: "CFO", rng: &a).utf8),
                           DemoTexts.recruiterAssessmentUTF8(p, processTitle: "CFO", rng: &b))
            XCTAssertEqual(Array(DemoTexts.referenceStatement(candidateGivenName: "Åsa", refereeName: "Per Hansen",
                                                              relationship: "client", rng: &a).utf8),
                           DemoTexts.referenceStatementUTF8(candidateGivenName: "Åsa", refereeName: "Per Hansen",
                                                            relationship: "client", rng: &b))
            XCTAssertEqual(a.state, b.state)
        }
    }

    func testCVMentionsThePersonsFacts() {
        var rng = SplitMix64(seed: 2)
        for country in Self.countries {
            for _ in 0..<400 {
                let p = person(country, &rng)
                let cv = DemoTexts.cv(p, rng: &rng)
                for fact in [p.givenName, p.title, p.employer, p.town] {
                    XCTAssert(cv.contains(fact), "CV lacks \(fact)\n\(cv)")
                }
                let years = p.yearsOfExperience == 1 ? cv.contains("1 year") || cv.contains("past year")
                    : cv.contains("\(p.yearsOfExperience) years")
                XCTAssert(years, "CV lacks the years of experience\n\(cv)")
                for skill in p.skills { XCTAssert(cv.contains(skill), "CV lacks skill \(skill)\n\(cv)") }
            }
        }
    }

    func testOtherTextsReferToTheProcessAndPeople() {
        var rng = SplitMix64(seed: 3)
        for country in Self.countries {
            for _ in 0..<200 {
                let p = person(country, &rng)
                let process = Self.titles.randomElement(using: &rng)!
                let lower = process.prefix(1).lowercased() + process.dropFirst()
                let letter = DemoTexts.coverLetter(p, processTitle: process, client: "Nordkraft AB", rng: &rng)
                XCTAssert(letter.contains(process) || letter.contains(lower), letter)
                let note = DemoTexts.interviewNote(p, processTitle: process, interviewer: "Maja Lind", rng: &rng)
                XCTAssert(note.contains(process) || note.contains(lower), note)
                let reference = DemoTexts.referenceStatement(candidateGivenName: p.givenName, refereeName: "Per Hansen",
                                                             relationship: "former manager", rng: &rng)
                XCTAssert(reference.contains(p.givenName), reference)
                XCTAssert(reference.contains("Per Hansen"), reference)
            }
        }
    }

    func testSameSeedGivesSameTextsAndAnotherSeedOthers() {
        var people = SplitMix64(seed: 4)
        for country in Self.countries {
            let p = person(country, &people)
            var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99), c = SplitMix64(seed: 100)
            let first = texts(p, &a)
            XCTAssertEqual(first, texts(p, &b))
            XCTAssertEqual(a.state, b.state)
            let other = texts(p, &c)
            XCTAssertNotEqual(first.cv, other.cv)
            XCTAssertNotEqual(first.letter, other.letter)
            XCTAssertNotEqual(first.note, other.note)
        }
    }

    func testCVsOfOnePersonDifferAcrossDraws() {
        var rng = SplitMix64(seed: 5)
        let p = person("SE", &rng)
        var seen = Set<String>()
        for _ in 0..<50 { seen.insert(DemoTexts.cv(p, rng: &rng)) }
        XCTAssertEqual(seen.count, 50)
    }

    /// Every year-like number (1900–2099) outside a line naming the birth year lies between the year the
    /// person turned 16 and the current year; employment years are among them.
    func testYearsAreNeverBeforeSixteenNorInTheFuture() {
        var rng = SplitMix64(seed: 6)
        for country in Self.countries {
            for _ in 0..<1_000 {
                let p = person(country, &rng)
                let cv = DemoTexts.cv(p, rng: &rng)
                var found = 0
                for line in cv.split(separator: "\n") {
                    let lower = line.lowercased()
                    if lower.contains("born") || lower.contains("birth") { continue }
                    for y in Self.years(in: line) {
                        found += 1
                        XCTAssert(y >= p.birthYear + 16 && y <= p.currentYear,
                                  "year \(y) outside \(p.birthYear + 16)...\(p.currentYear) in line: \(line)\n\(cv)")
                    }
                }
                XCTAssertGreaterThan(found, 0, cv)
            }
        }
    }

    /// Inconsistent or sparse facts still give texts in range, without impossible years.
    func testDegenerateFacts() {
        var rng = SplitMix64(seed: 7)
        let odd = [
            DemoPerson(givenName: "张", fullName: "李 伟", town: "Luleå", country: "XX", title: "", employer: "",
                       skills: [], yearsOfExperience: 35, birthYear: 2003, currentYear: 2026),
            DemoPerson(givenName: "Eva", fullName: "Eva Berg", town: "Kiruna", country: "SE", title: "Nurse", employer: "Region Norrbotten",
                       skills: ["triage"], yearsOfExperience: 1, birthYear: 2003, currentYear: 2010),
            DemoPerson(givenName: "Ola", fullName: "Ola Nordmann", town: "Bodø", country: "ZZ", title: "A very long title " + String(repeating: "x", count: 60),
                       employer: "Employer", skills: ["a", "b", "c", "d", "e", "f"], yearsOfExperience: 0, birthYear: 1955, currentYear: 2026),
        ]
        for p in odd {
            for _ in 0..<200 {
                let t = texts(p, &rng)
                assertLength(t.cv, 2048...4096, "CV")
                assertLength(t.letter, 1024...2048, "cover letter")
                assertLength(t.note, 820...1536, "interview note")
                assertLength(t.assessment, 512...1024, "assessment")
                assertLength(t.reference, 410...1228, "reference")
                XCTAssert(t.cv.contains(p.givenName), t.cv)
                for line in t.cv.split(separator: "\n") where !line.lowercased().contains("born") && !line.lowercased().contains("birth") {
                    for y in Self.years(in: line) {
                        XCTAssert(y >= p.birthYear + 16 && y <= p.currentYear, "year \(y) in: \(line)\n\(t.cv)")
                    }
                }
            }
        }
    }

    /// Runs of exactly four digits between 1900 and 2099.
    private static func years(in line: Substring) -> [Int] {
        var out: [Int] = []
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 48 && bytes[i] <= 57 else { i += 1; continue }
            var j = i
            var value = 0
            while j < bytes.count && bytes[j] >= 48 && bytes[j] <= 57 { value = value * 10 + Int(bytes[j] - 48); j += 1 }
            if j - i == 4 && value >= 1900 && value <= 2099 { out.append(value) }
            i = j
        }
        return out
    }
}
