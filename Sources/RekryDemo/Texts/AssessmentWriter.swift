extension DemoTexts {
    enum AssessmentLayout {
        static let ratings = ["Competence", "Experience", "Motivation", "Culture fit", "Leadership", "Communication",
                              "Stability"]
        static let ratingWords = ["weak", "below requirements", "adequate", "good", "excellent"]
    }
}

extension DemoTexts.Writer {
    /// A recruiter's assessment of a candidate for a process: overall judgement, strengths, risks, optionally
    /// ratings, and a recommendation that agrees with the judgement.
    mutating func writeAssessment() {
        let maxLen = DemoTexts.assessmentBytes.upperBound - 8
        let minLen = DemoTexts.assessmentBytes.lowerBound + 24
        let target = 560 + below(420)
        let level = below(100) < 15 ? 0 : below(100) < 35 ? 1 : chance(55) ? 2 : 3
        let overall: DemoTexts.Bank = [.assessWeak, .assessMixed, .assessGood, .assessStrong][level]
        let recommend: DemoTexts.Bank = [.recommendWeak, .recommendMixed, .recommendGood, .recommendStrong][level]

        var tail = DemoTexts.TextBuffer(capacity: 256)
        swap(&out, &tail)
        lit("\n")
        text(pick(["Recommendation: ", "Recommendation – ", "Proposed next step: "]))
        say(recommend)
        newline()
        swap(&out, &tail)
        let limit = maxLen - tail.count

        say(.assessHeader)
        blankLine()
        let layout = below(3)
        switch layout {
        case 0:
            say(overall)
            while out.count + tail.count < target - 120 {
                if !sentence(chance(60) ? .assessStrength : .assessFit, limit: limit - 150) { break }
            }
            sentence(.assessRisk, limit: limit)
            newline()
        case 1:
            lit("Summary: ")
            say(overall)
            newline()
            ratings(level: level, limit: limit - 120)
            lit("Strengths: ")
            say(.assessStrength)
            newline()
            attempt(limit: limit) { w in w.lit("Risks: "); w.say(.assessRisk); w.newline() }
        default:
            say(overall)
            lit("\n\n")
            var n = 0
            while n < 4 && (n < 2 || out.count + tail.count < target - 100) {
                if !attempt(limit: limit - 100, { w in w.lit("+ "); w.say(.assessStrength); w.newline() }) { break }
                n += 1
            }
            attempt(limit: limit) { w in w.lit("– "); w.say(.assessRisk); w.newline() }
            if chance(50) { attempt(limit: limit) { w in w.lit("– "); w.say(.gap); w.newline() } }
        }
        var n = 0
        while out.count + tail.count < minLen && n < 10 {
            sentence(.assessFit, limit: limit)
            n += 1
        }
        if out.last != 10 { newline() }
        out.append(contentsOf: tail)
    }

    private mutating func ratings(level: Int, limit: Int) {
        let names = DemoTexts.AssessmentLayout.ratings
        let first = below(names.count)
        let count = 3 + below(3)
        for k in 0..<count {
            let r = min(5, max(1, level + 2 + below(3) - 1))
            attempt(limit: limit) { w in
                w.text(names[(first + k) % names.count])
                w.lit(": ")
                w.int(r)
                w.lit("/5 (")
                w.text(DemoTexts.AssessmentLayout.ratingWords[r - 1])
                w.lit(")\n")
            }
        }
    }
}
