extension DemoTexts {
    enum NoteLayout {
        static let labels: [[String]] = [
            ["Background", "Current situation", "Career so far"],
            ["Motivation", "Why this role", "Drivers"],
            ["Competence", "Experience and skills", "Technical depth"],
            ["Strengths", "Impression", "What stood out"],
            ["Concerns", "Areas to probe", "Risks"],
            ["Practical", "Practicalities", "Terms"],
            ["Next steps", "Next step", "Follow-up"],
        ]
    }
}

extension DemoTexts.Writer {
    /// An interviewer's notes from an interview in a process: a header, then background, motivation,
    /// competence, strengths, concerns, practicalities and next steps, as labelled lines, prose or bullets.
    mutating func writeInterviewNote() {
        let maxLen = DemoTexts.interviewNoteBytes.upperBound - 8
        let minLen = DemoTexts.interviewNoteBytes.lowerBound + 24
        let target = 900 + below(560)
        say(.noteHeader)
        blankLine()
        let style = below(3)
        let sections: [(Int, Int)] = [
            (index(.noteBackground), index(.noteBackgroundMore)),
            (index(.noteMotivation), index(.noteMotivation)),
            (chance(50) ? index(.topic) : index(.noteCompetence), chance(50) ? index(.topic) : index(.noteCompetence)),
            (index(.noteStrength), index(.noteStrength)),
            (chance(50) ? index(.gap) : index(.noteConcern), index(.noteConcern)),
            (index(.notePractical), index(.notePractical)),
            (index(.noteNext), index(.noteNext)),
        ]
        let quota = max((target - out.count) / sections.count, 60)
        for (i, (first, more)) in sections.enumerated() {
            let limit = maxLen - (sections.count - 1 - i) * 80
            let start = out.count
            let label = pick(DemoTexts.NoteLayout.labels[i])
            switch style {
            case 0:
                text(label)
                lit(":")
            case 2:
                text(label)
                newline()
            default:
                break
            }
            var n = 0
            while n == 0 || (out.count - start < quota && n < 3) {
                let ok = noteSentence(n == 0 ? first : more, style: style, limit: limit)
                if !ok { break }
                n += 1
            }
            if n == 0 {
                out.removeLast(out.count - start)
                continue
            }
            if style == 0 { newline() } else { blankLine() }
        }
        if out.count < minLen {
            blankLine()
            var n = 0
            while out.count < minLen && n < 12 {
                noteSentence(index(.noteExtra), style: style == 2 ? 2 : 1, limit: maxLen, fresh: n < 6)
                n += 1
            }
        }
        while out.last == 10 { out.removeLast(1) }
        newline()
    }

    @discardableResult
    private mutating func noteSentence(_ bank: Int, style: Int, limit: Int, fresh: Bool = true) -> Bool {
        if fresh && exhausted(bank) { return false }
        if style == 2 {
            return attempt(limit: limit) { w in
                w.lit("- ")
                w.pickBank(bank)
                w.newline()
            }
        }
        return sentence(bank, limit: limit)
    }
}
