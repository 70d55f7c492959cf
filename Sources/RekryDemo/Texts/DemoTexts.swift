/// Realistic recruitment texts for the demo register: CVs, cover letters, interview notes, recruiter
/// assessments and reference statements, in English with Nordic places, employers and universities.
///
/// Every text is a pure function of its arguments and the generator's state: the same state gives the same
/// text, byte for byte. Texts are assembled from a compiled phrase grammar (`Grammar`) into a byte buffer
/// with reserved capacity, so generation costs about a microsecond per kilobyte in a release build.
///
/// Lengths are in UTF-8 bytes and always lie in the ranges below.
enum DemoTexts {
    static let cvBytes = 2048...4096
    static let coverLetterBytes = 1024...2048
    static let interviewNoteBytes = 820...1536
    static let assessmentBytes = 512...1024
    static let referenceBytes = 410...1228

    static func cv<R: RandomNumberGenerator>(_ p: DemoPerson, rng: inout R) -> String {
        var w = Writer(Context(p), rng: rng, capacity: cvBytes.upperBound)
        w.writeCV(p)
        rng = w.rng
        return w.finish()
    }

    static func coverLetter<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, client: String?,
                                                      rng: inout R) -> String {
        var c = Context(p)
        c.setProcess(processTitle)
        c.client = client
        var w = Writer(c, rng: rng, capacity: coverLetterBytes.upperBound)
        w.writeCoverLetter()
        rng = w.rng
        return w.finish()
    }

    static func interviewNote<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String, interviewer: String,
                                                        rng: inout R) -> String {
        var c = Context(p)
        c.setProcess(processTitle)
        c.interviewer = interviewer
        var w = Writer(c, rng: rng, capacity: interviewNoteBytes.upperBound)
        w.writeInterviewNote()
        rng = w.rng
        return w.finish()
    }

    static func recruiterAssessment<R: RandomNumberGenerator>(_ p: DemoPerson, processTitle: String,
                                                              rng: inout R) -> String {
        var c = Context(p)
        c.setProcess(processTitle)
        var w = Writer(c, rng: rng, capacity: assessmentBytes.upperBound)
        w.writeAssessment()
        rng = w.rng
        return w.finish()
    }

    static func referenceStatement<R: RandomNumberGenerator>(candidateGivenName: String, refereeName: String,
                                                             relationship: String, rng: inout R) -> String {
        var c = Context()
        c.given = candidateGivenName
        c.full = candidateGivenName
        c.referee = refereeName
        c.rel = relationship
        var w = Writer(c, rng: rng, capacity: referenceBytes.upperBound)
        w.writeReference()
        rng = w.rng
        return w.finish()
    }
}
