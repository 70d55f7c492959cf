extension DemoTexts.Writer {
    /// A reference statement: either the referee's own words, or a recruiter's summary of a reference call.
    mutating func writeReference() {
        let maxLen = DemoTexts.referenceBytes.upperBound - 8
        let minLen = DemoTexts.referenceBytes.lowerBound + 24
        let target = 480 + below(680)
        let relation = DemoTexts.Relation.of(c.rel)
        let open: [DemoTexts.Bank] = [.refOpenManager, .refOpenColleague, .refOpenClient, .refOpenReport, .refOpenOther]
        let body: [DemoTexts.Bank] = [.refBodyManager, .refBodyColleague, .refBodyClient, .refBodyReport, .refBody]

        if chance(60) {
            var tail = DemoTexts.TextBuffer(capacity: 256)
            swap(&out, &tail)
            lit("\n\n")
            say(.refSign)
            newline()
            swap(&out, &tail)
            let limit = maxLen - tail.count
            if chance(35) { say(.refTitle); lit("\n\n") }
            say(open[relation.rawValue])
            var n = 0
            while out.count + tail.count < target - 140 && n < 8 {
                if !sentence(n % 3 == 1 ? body[relation.rawValue] : .refBody, limit: limit - 140) { break }
                n += 1
            }
            if chance(50) { sentence(.refDevelop, limit: limit - 100) }
            sentence(.refClose, limit: limit)
            n = 0
            while out.count + tail.count < minLen && n < 8 {
                sentence(.refBody, limit: limit, fresh: n < 4)
                n += 1
            }
            out.append(contentsOf: tail)
        } else {
            let limit = maxLen
            say(.refCallHeader)
            blankLine()
            say(.refCallOpen)
            var n = 0
            while out.count < target - 120 && n < 8 {
                if !sentence(.refCall, limit: limit - 120) { break }
                n += 1
            }
            if chance(60) { sentence(.refCallDevelop, limit: limit - 60) }
            lit("\n\n")
            say(.refRehire)
            n = 0
            while out.count < minLen && n < 8 {
                sentence(.refCall, limit: limit, fresh: n < 4)
                n += 1
            }
            newline()
        }
    }
}
