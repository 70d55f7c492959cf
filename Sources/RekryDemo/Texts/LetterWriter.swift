extension DemoTexts.Writer {
    /// A cover letter for a process: greeting, four or five paragraphs and a sign-off.
    mutating func writeCoverLetter() {
        let maxLen = DemoTexts.coverLetterBytes.upperBound - 8
        let minLen = DemoTexts.coverLetterBytes.lowerBound + 24
        let target = 1150 + below(800)

        // The closing is written first, aside, so that the body knows how much room it has.
        var tail = DemoTexts.TextBuffer(capacity: 200)
        swap(&out, &tail)
        say(.letterClose)
        lit("\n\n")
        say(.letterSignoff)
        newline()
        swap(&out, &tail)
        let limit = maxLen - tail.count - 2

        if chance(30) {
            text(c.full)
            newline()
            text(c.town)
            newline()
            phone()
            lit("\n\n")
        }
        if chance(60) {
            say(.letterSubject)
            lit("\n\n")
        }
        say(c.client != nil && chance(60) ? .letterGreetClient : .letterGreet)
        lit("\n\n")

        let practical = chance(60)
        let paragraphs = practical ? 5 : 4
        let quota = max((target - out.count - tail.count) / paragraphs, 120)
        let changingField = c.processField != c.field && c.processField != .general

        paragraph(index(.letterOpen), index(.letterOpen2), quota: quota, limit: limit, most: 2)
        let start = out.count
        sentence(.letterCurrent, limit: limit)
        if changingField { sentence(.letterTransition, limit: limit) }
        var k = 0
        while out.count - start < quota && k < 3 {
            if !sentence(k == 1 ? index(.letterAchievement) : index(.letterExperience), limit: limit) { break }
            k += 1
        }
        blankLine()
        paragraph(index(.letterSkills), index(.letterValue), quota: quota, limit: limit, most: 3)
        paragraph(index(c.client != nil ? .letterWhyClient : .letterWhyRole), index(.letterPersonal),
                  quota: quota, limit: limit, most: 3)
        if practical { paragraph(index(.letterPractical), index(.letterPractical), quota: quota, limit: limit, most: 2) }
        if out.count + tail.count < minLen {
            var n = 0
            while out.count + tail.count < minLen && n < 12 {
                sentence(.letterExtra, limit: limit, fresh: n < 5)
                n += 1
            }
            blankLine()
        }
        out.append(contentsOf: tail)
    }

    /// A paragraph: one entry of `first`, then up to `most` entries of `more` while it is shorter than `quota`.
    mutating func paragraph(_ first: Int, _ more: Int, quota: Int, limit: Int, most: Int) {
        let start = out.count
        sentence(first, limit: limit)
        var k = 0
        while out.count - start < quota && k < most {
            if !sentence(more, limit: limit) { break }
            k += 1
        }
        blankLine()
    }
}
