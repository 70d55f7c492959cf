/// Realistic recruitment texts for the demo register: CVs, cover letters, interview notes, recruiter
/// assessments and reference statements, in English with Nordic places, employers and universities.
///
/// Every text is a pure function of its arguments and the generator's state: the same state gives the same
/// text, byte for byte, and leaves the generator in the same state. Texts are assembled from a compiled phrase
/// grammar (`Grammar`, tables in the `…Phrases` files) into a byte buffer, so generation costs a few
/// microseconds per kilobyte in a release build; about a third of that is `String`'s UTF-8 validation, which
/// the `…UTF8` variants skip (same bytes, same generator use) for loaders that bind text as bytes.
///
/// Lengths are in UTF-8 bytes and always lie in the ranges below.
enum DemoTexts {
    static let cvBytes = 2048...4096
    static let coverLetterBytes = 1024...2048
    static let interviewNoteBytes = 820...1536
    static let assessmentBytes = 512...1024
    static let referenceBytes = 410...1228

    static func cv<R: RandomNumberGenerator>(_ p: DemoPerson, rng: inout R) -> String {
        cvWriter(p, &rng).finish()
    }

    static func coverLetter<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, client: String?,
                                                      rng: inout R) -> String {
        coverLetterWriter(p, processTitle, client, &rng).finish()
    }

    static func interviewNote<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, interviewer: String,
                                                        rng: inout R) -> String {
        interviewNoteWriter(p, processTitle, interviewer, &rng).finish()
    }

    static func recruiterAssessment<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String,
                                                              rng: inout R) -> String {
        assessmentWriter(p, processTitle, &rng).finish()
    }

    static func referenceStatement<R: RandomNumberGenerator>(candidateGivenName: String, refereeName: String,
                                                             relationship: String, rng: inout R) -> String {
        referenceWriter(candidateGivenName, refereeName, relationship, &rng).finish()
    }

    // MARK: The same texts as UTF-8 bytes

    static func cvUTF8<R: RandomNumberGenerator>(_ p: DemoPerson, rng: inout R) -> [UInt8] {
        cvWriter(p, &rng).finishUTF8()
    }

    static func coverLetterUTF8<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, client: String?,
                                                          rng: inout R) -> [UInt8] {
        coverLetterWriter(p, processTitle, client, &rng).finishUTF8()
    }

    static func interviewNoteUTF8<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, interviewer: String,
                                                            rng: inout R) -> [UInt8] {
        interviewNoteWriter(p, processTitle, interviewer, &rng).finishUTF8()
    }

    static func recruiterAssessmentUTF8<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String,
                                                                  rng: inout R) -> [UInt8] {
        assessmentWriter(p, processTitle, &rng).finishUTF8()
    }

    static func referenceStatementUTF8<R: RandomNumberGenerator>(candidateGivenName: String, refereeName: String,
                                                                 relationship: String, rng: inout R) -> [UInt8] {
        referenceWriter(candidateGivenName, refereeName, relationship, &rng).finishUTF8()
    }

    // MARK: Writers

    private static func cvWriter<R: RandomNumberGenerator>(_ p: DemoPerson, _ rng: inout R) -> Writer<R> {
        var w = Writer(Context(p), rng: rng, capacity: cvBytes.upperBound)
        w.writeCV(p)
        rng = w.rng
        return w
    }

    private static func coverLetterWriter<R: RandomNumberGenerator>(_ p: DemoPerson, _ processTitle: String,
                                                                    _ client: String?, _ rng: inout R) -> Writer<R> {
        var c = Context(p)
        c.setProcess(processTitle)
        c.client = client
        var w = Writer(c, rng: rng, capacity: coverLetterBytes.upperBound)
        w.writeCoverLetter()
        rng = w.rng
        return w
    }

    private static func interviewNoteWriter<R: RandomNumberGenerator>(_ p: DemoPerson, _ processTitle: String,
                                                                      _ interviewer: String, _ rng: inout R) -> Writer<R> {
        var c = Context(p)
        c.setProcess(processTitle)
        c.interviewer = interviewer
        var w = Writer(c, rng: rng, capacity: interviewNoteBytes.upperBound)
        w.writeInterviewNote()
        rng = w.rng
        return w
    }

    private static func assessmentWriter<R: RandomNumberGenerator>(_ p: DemoPerson, _ processTitle: String,
                                                                   _ rng: inout R) -> Writer<R> {
        var c = Context(p)
        c.setProcess(processTitle)
        var w = Writer(c, rng: rng, capacity: assessmentBytes.upperBound)
        w.writeAssessment()
        rng = w.rng
        return w
    }

    private static func referenceWriter<R: RandomNumberGenerator>(_ candidateGivenName: String, _ refereeName: String,
                                                                  _ relationship: String, _ rng: inout R) -> Writer<R> {
        var c = Context()
        c.given = candidateGivenName
        c.full = candidateGivenName
        c.referee = refereeName
        c.rel = relationship
        var w = Writer(c, rng: rng, capacity: referenceBytes.upperBound)
        w.writeReference()
        rng = w.rng
        return w
    }
}
