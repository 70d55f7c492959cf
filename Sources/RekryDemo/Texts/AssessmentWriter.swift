extension DemoTexts {
    enum AssessmentLayout {
        static let ratings = ["Competence", "Experience", "Motivation", "Culture fit", "Leadership", "Communication",
                              "Stability"]
        static let ratingWords = ["weak", "below requirements", "adequate", "good", "excellent"]
    }
}

extension DemoTexts.Writer {
    /// A recruiter's assessment of a candidate for a process: an overall judgement, then match, strengths,
    /// motivation, fit and risks as prose, labelled lines (with ratings) or plus/minus bullets, and a
    /// recommendation that agrees with the judgement.
    mutating func writeAssessment() {
        let maxLen = DemoTexts.assessmentBytes.upperBound - 8
        let minLen = DemoTexts.assessmentBytes.lowerBound + 24
        let target = 560 + below(420)
        let level = below(100) < 15 ? 0 : below(100) < 35 ? 1 : chance(55) ? 2 : 3
        let overall: DemoTexts.Bank = level == 0 ? .assessWeak : level == 1 ? .assessMixed : level == 2 ? .assessGood : .assessStrong
        let recommend: DemoTexts.Bank = level == 0 ? .recommendWeak : level == 1 ? .recommendMixed
            : level == 2 ? .recommendGood : .recommendStrong

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
        if layout == 1 { lit("Summary: ") }
        say(overall)
        if layout == 1 {
            newline()
            ratings(level: level, limit: limit - 200)
        } else if layout == 2 {
            lit("\n\n")
        }
        // (bank, label, positive)
        let items: [(Int, StaticString, Bool)] = [
            (index(.assessMatch), "Match", true), (index(.assessStrength), "Strength", true),
            (index(.assessMotivation), "Motivation", true), (index(.assessRisk), "Risk", false),
            (index(.assessStrength), "Strength", true), (index(.assessFit), "Fit", true),
            (index(.gap), "Gap", false), (index(.assessFit), "Fit", true),
        ]
        var k = 0
        while k < items.count && (k < 2 || out.count + tail.count < target) {
            assessmentItem(items[k], layout: layout, limit: limit, fresh: true)
            k += 1
        }
        var n = 0
        while out.count + tail.count < minLen && n < 10 {
            assessmentItem(items[n % items.count], layout: layout, limit: limit, fresh: n < items.count)
            n += 1
        }
        if out.last != 10 { newline() }
        out.append(contentsOf: tail)
    }

    private mutating func assessmentItem(_ item: (Int, StaticString, Bool), layout: Int, limit: Int, fresh: Bool) {
        if fresh && exhausted(item.0) { return }
        switch layout {
        case 0:
            sentence(item.0, limit: limit, fresh: fresh)
        case 1:
            attempt(limit: limit) { w in
                w.lit(item.1)
                w.lit(": ")
                w.pickBank(item.0)
                w.newline()
            }
        default:
            attempt(limit: limit) { w in
                if item.2 { w.lit("+ ") } else { w.lit("– ") }
                w.pickBank(item.0)
                w.newline()
            }
        }
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
