extension DemoTexts {
    /// CV layout words, picked per CV so that CVs differ in shape as well as in content. All ASCII.
    enum CVLayout {
        static let profile = ["Profile", "Summary", "About me", "Professional summary", "Personal profile", "In brief"]
        static let skills = ["Key skills", "Skills", "Core competencies", "Competencies", "Skills and tools", "Expertise"]
        static let experience = ["Experience", "Work experience", "Professional experience", "Employment history",
                                 "Career history", "Employment"]
        static let education = ["Education", "Education and training", "Academic background", "Studies"]
        static let languages = ["Languages", "Language skills"]
        static let certifications = ["Certifications", "Certificates", "Certifications and courses", "Courses and certifications"]
        static let courses = ["Further training", "Courses", "Professional development", "Continuing education"]
        static let volunteering = ["Voluntary work", "Volunteering", "Non-profit engagement", "Board and association work"]
        static let interests = ["Interests", "Outside work", "Personal interests", "Leisure"]
        static let other = ["Other", "Other information", "Additional information", "Miscellaneous"]
        static let projects = ["Selected projects", "Projects", "Project highlights", "Key projects"]
        static let talks = ["Talks and publications", "Presentations", "Talks"]
        static let references = ["References", "Referees"]
        static let bullets = ["- ", "• ", "* ", "– ", "· "]
        static let present = ["present", "now", "today", "ongoing"]
        static let levels = ["expert", "advanced", "very good", "good", "proficient", "working knowledge"]
        static let native = ["native", "mother tongue", "native speaker", "first language"]
        static let fluent = ["fluent", "very good", "professional working proficiency", "fluent, spoken and written"]
        static let fair = ["good", "intermediate", "conversational", "good understanding"]
        static let basic = ["basic", "elementary", "basic, spoken", "school level"]
        static let swedishAsSecond = ["intermediate (Swedish for immigrants completed)", "good working knowledge",
                                      "conversational", "fluent", "good, currently studying at upper level"]
    }

    /// One position in the employment history. Years are calendar years; `end == nil` is the current job.
    struct Job {
        var start: Int
        var end: Int?
        var startMonth: Int
        var endMonth: Int
        /// 0 entry, 1 mid, 2 senior, 3 the current title.
        var level: Int
        var employer: String
        var town: String
    }
}

extension DemoTexts.Writer {
    typealias Layout = DemoTexts.CVLayout
    typealias Facts = DemoTexts.Facts

    mutating func writeCV(_ p: DemoPerson) {
        let maxLen = DemoTexts.cvBytes.upperBound - 8
        let minLen = DemoTexts.cvBytes.lowerBound + 24
        let target = 2300 + below(1550)
        let style = below(5)
        let lower = p.birthYear + 16, upper = p.currentYear
        let datable = lower <= upper
        let careerStart = datable ? min(max(upper - max(p.yearsOfExperience, 1), lower), upper) : upper

        cvHeader(p, datable: datable)
        cvProfile(style: style, limit: maxLen - 900)
        cvSkills(style: style, years: p.yearsOfExperience, limit: maxLen - 800)

        // Education and languages go after the experience, but are written first (aside) so that the
        // experience can take whatever room is left.
        var tail = DemoTexts.TextBuffer(capacity: 700)
        swap(&out, &tail)
        let degree = cvEducation(p, style: style, datable: datable, careerStart: careerStart)
        cvLanguages(style: style)
        swap(&out, &tail)

        let reserve = 120 + below(350)
        let budget = max(target - out.count - tail.count - reserve, 200)
        cvExperience(p, style: style, datable: datable, careerStart: careerStart, degree: degree, budget: budget,
                     limit: maxLen - tail.count - 16)
        blankLine()
        out.append(contentsOf: tail)

        // Optional sections, in a random order, until the target length.
        var sections = [0, 1, 2, 3, 4, 5, 6]
        for i in stride(from: sections.count - 1, to: 0, by: -1) { sections.swapAt(i, below(i + 1)) }
        let refs = chance(70)
        let sectionLimit = maxLen - (refs ? 60 : 0)
        for s in sections where out.count < target {
            attempt(limit: sectionLimit) { w in
                w.cvOptional(s, style: style, datable: datable, careerStart: careerStart, currentYear: upper)
            }
        }
        if out.count < minLen {
            heading(pick(Layout.other), style)
            var n = 0
            while out.count < minLen && n < 24 {
                sentence(.cvExtra, limit: maxLen, fresh: n < 9)
                n += 1
            }
            newline()
        }
        if refs {
            attempt(limit: maxLen) { w in
                w.heading(w.pick(Layout.references), style)
                w.say(.cvReferences)
                w.newline()
            }
        }
        if out.count > DemoTexts.cvBytes.upperBound { cut(to: DemoTexts.cvBytes.upperBound) }
    }

    /// Shortens the text to at most `n` bytes, at a line break.
    mutating func cut(to n: Int) {
        var k = min(n, out.count) - 1
        while k > 0 && out[k] != 10 { k -= 1 }
        out.removeLast(out.count - (k + 1))
    }

    mutating func heading(_ name: String, _ style: Int) {
        blankLine()
        switch style {
        case 0:
            for b in name.utf8 { out.append(b >= 97 && b <= 122 ? b - 32 : b) }
        case 1:
            text(name)
            newline()
            for _ in 0..<name.utf8.count { out.append(45) }
        case 2:
            lit("== ")
            text(name)
            lit(" ==")
        case 3:
            text(name)
            byte(58)
        default:
            lit("## ")
            text(name)
        }
        newline()
    }

    // MARK: Header

    private mutating func cvHeader(_ p: DemoPerson, datable: Bool) {
        let nameHasGiven = p.fullName.utf8.starts(with: p.givenName.utf8)
            || DemoTexts.bytes(Array(p.fullName.utf8), contain: p.givenName.utf8)
        func fullName(_ w: inout Self) {
            w.text(p.fullName)
            if !nameHasGiven { w.lit(" ("); w.text(p.givenName); w.byte(41) }
        }
        func place(_ w: inout Self) {
            w.text(p.town)
            if w.c.country != .xx { w.lit(", "); w.text(w.c.country.name) }
        }
        let born = datable && chance(55)
        switch below(4) {
        case 0:
            fullName(&self)
            newline()
            text(p.title)
            lit(" · ")
            place(&self)
            newline()
            if chance(60) { phone(); newline() }
            if born { lit("Born "); year(p.birthYear); newline() }
        case 1:
            if chance(50) { lit("CURRICULUM VITAE") } else { lit("Curriculum vitae") }
            lit("\n\n")
            fullName(&self)
            newline()
            text(p.title)
            lit(", ")
            text(p.employer)
            newline()
            place(&self)
            if chance(60) { lit(" · "); phone() }
            newline()
            if born { lit("Year of birth: "); year(p.birthYear); newline() }
        case 2:
            fullName(&self)
            lit(" – ")
            text(p.title)
            newline()
            place(&self)
            lit(" | ")
            phone()
            if born { lit(" | born "); year(p.birthYear) }
            newline()
        default:
            lit("Name: ")
            fullName(&self)
            lit("\nCurrent role: ")
            text(p.title)
            lit(", ")
            text(p.employer)
            lit("\nLocation: ")
            place(&self)
            newline()
            if born { lit("Year of birth: "); year(p.birthYear); newline() }
            if chance(70) { lit("Phone: "); phone(); newline() }
        }
    }

    /// The person's phone (and email, when known), or a mobile number in the country's format.
    mutating func phone() {
        if let number = c.phone {
            text(number)
            if let address = c.email { lit(" · "); text(address) }
            return
        }
        func digits(_ w: inout Self, _ n: Int) { for _ in 0..<n { w.byte(48 + UInt8(w.below(10))) } }
        switch c.country.home {
        case .no:
            lit("+47 9"); digits(&self, 2); byte(32); digits(&self, 2); byte(32); digits(&self, 3)
        case .dk:
            lit("+45 "); digits(&self, 2); byte(32); digits(&self, 2); byte(32); digits(&self, 2); byte(32); digits(&self, 2)
        case .fi:
            lit("+358 "); text(pick(["40", "44", "50"])); byte(32); digits(&self, 3); byte(32); digits(&self, 2)
            byte(32); digits(&self, 2)
        default:
            lit("+46 7"); text(pick(["0", "2", "3", "6", "9"])); byte(32); digits(&self, 3); byte(32); digits(&self, 2)
            byte(32); digits(&self, 2)
        }
    }

    // MARK: Profile and skills

    private mutating func cvProfile(style: Int, limit: Int) {
        heading(pick(Layout.profile), style)
        let firstPerson = chance(55)
        say(firstPerson ? .cvProfileOpenI : .cvProfileOpenN)
        let extra = 1 + below(3)
        for _ in 0..<extra {
            if firstPerson {
                let r = below(10)
                sentence(r < 5 ? index(.cvProfileMidI) : r < 8 ? index(.profileLine) : index(.cvProfileMidN), limit: limit)
            } else {
                sentence(.cvProfileMidN, limit: limit)
            }
        }
        if chance(60) { sentence(firstPerson ? .cvProfileCloseI : .cvProfileCloseN, limit: limit) }
        newline()
    }

    private mutating func cvSkills(style: Int, years: Int, limit: Int) {
        heading(pick(Layout.skills), style)
        let extras = 2 + below(3)
        switch below(3) {
        case 0:
            for (k, s) in c.skills.enumerated() {
                if k > 0 { lit(" · ") }
                text(s)
            }
            for _ in 0..<extras {
                attempt(limit: limit) { w in
                    if !w.out.isEmpty && w.out.last != 10 { w.lit(" · ") }
                    w.toolUnlessSkill()
                }
            }
            newline()
        case 1:
            let mark = pick(Layout.bullets)
            for s in c.skills {
                text(mark)
                text(s)
                lit(" – ")
                text(pick(Layout.levels))
                if chance(60) {
                    let y = 1 + below(max(years, 1))
                    lit(" (")
                    int(y)
                    if y == 1 { lit(" year)") } else { lit(" years)") }
                }
                newline()
            }
            text(mark)
            lit("Also: ")
            for k in 0..<extras {
                if k > 0 { lit(k == extras - 1 ? " and " : ", ") }
                toolUnlessSkill()
            }
            newline()
        default:
            lit(pick(["Main skills: ", "Specialist skills: ", "Strongest areas: "]))
            for (k, s) in c.skills.enumerated() {
                if k > 0 { lit(", ") }
                text(s)
            }
            newline()
            lit(pick(["Tools and methods: ", "Other: ", "Also experienced in: "]))
            for k in 0..<extras {
                if k > 0 { lit(", ") }
                toolUnlessSkill()
            }
            newline()
        }
    }

    /// A tool of the person's field that is not already one of their skills.
    private mutating func toolUnlessSkill() {
        for _ in 0..<4 {
            let mark = out.count
            say(.tool)
            let n = out.count - mark
            var clash = false
            for s in c.skills where out.endsWith(s, from: mark) { clash = true; break }
            if !clash { return }
            out.removeLast(n)
        }
        say(.tool)
    }

    // MARK: Experience

    private mutating func cvExperience(_ p: DemoPerson, style: Int, datable: Bool, careerStart: Int, degree: (Int, Int)?,
                                       budget: Int, limit: Int) {
        heading(pick(Layout.experience), style)
        let maxJobs = max(1, min(7, budget / 150))
        var jobs: [DemoTexts.Job] = []
        jobs.reserveCapacity(maxJobs + 1)
        let upper = p.currentYear
        if datable {
            var end = upper
            while true {
                let current = jobs.isEmpty
                let length = current ? 1 + below(6) : 2 + below(5)
                let start = jobs.count == maxJobs - 1 || end - length <= careerStart ? careerStart : end - length
                jobs.append(DemoTexts.Job(start: start, end: current ? nil : end, startMonth: 1 + below(12), endMonth: 12,
                                          level: 1, employer: "", town: ""))
                if start == careerStart { break }
                end = start
            }
        } else {
            jobs.append(DemoTexts.Job(start: 0, end: nil, startMonth: 1, endMonth: 12, level: 3, employer: "", town: ""))
        }
        // Titles, employers, towns, end months.
        let months = chance(30)
        let n = jobs.count
        let kind = DemoTexts.EmployerKind.primary(c.field)
        let home = c.country.home
        for i in 0..<n {
            if i == 0 {
                jobs[0].level = 3
                jobs[0].employer = p.employer
                jobs[0].town = p.town
                continue
            }
            // The first job is junior unless it lasted long; the one before today's is senior for the experienced.
            let long = (jobs[i].end ?? upper) - jobs[i].start > 3
            jobs[i].level = i == n - 1 ? (long || (p.yearsOfExperience >= 8 && n == 2) ? 1 : 0)
                : i == 1 && p.yearsOfExperience >= 12 ? 2 : 1
            let townRoll = below(100)
            jobs[i].town = townRoll < 65 ? p.town
                : c.country == .xx && i >= n - 2 && townRoll < 90 ? pick(Facts.towns(.xx)) : pick(Facts.towns(home))
            if i == 1 && chance(20) {
                jobs[i].employer = p.employer
                jobs[i].town = p.town
            } else {
                let r = below(10)
                let abroad = c.country == .xx && !Facts.towns(home).contains(jobs[i].town) && jobs[i].town != p.town
                let list = Facts.employers(home, abroad ? .corporate : r < 7 ? kind : r < 9 ? .corporate : .publicSector)
                var e = pick(list)
                var tries = 0
                while (e == p.employer || e == jobs[i - 1].employer) && tries < 4 { e = pick(list); tries += 1 }
                placeEmployer(e, &jobs[i])
            }
            // The job ends the month before the next one starts.
            let nextStart = jobs[i - 1].startMonth
            if !months {
                jobs[i].endMonth = 12
            } else if nextStart == 1 {
                jobs[i].endMonth = 12
                jobs[i].end = jobs[i].end! - 1
                if jobs[i].end! < jobs[i].start { jobs[i].end = jobs[i].start }
            } else {
                jobs[i].endMonth = nextStart - 1
            }
            if jobs[i].end == jobs[i].start && jobs[i].endMonth < jobs[i].startMonth { jobs[i].startMonth = 1 }
        }

        // Bullets: the current job gets the largest share; the oldest jobs may get none.
        let expStart = out.count
        let rangeStyle = below(3)
        let present = pick(Layout.present)
        let format = below(4)
        let mark = pick(Layout.bullets)
        let prose = chance(20)
        for i in 0..<n {
            let remaining = budget - (out.count - expStart) - (n - i) * 60
            let share = i == 0 && n > 1 ? remaining * 2 / 5 : remaining / (n - i)
            if i > 0 && format != 0 && format != 3 { newline() }
            if !attempt(limit: limit, { w in w.jobHeader(jobs[i], format: format, months: months, rangeStyle: rangeStyle,
                                                        present: present, datable: datable) }) { break }
            let startCount = out.count
            var bullets = 0
            let most = i == 0 ? 5 : i < 3 ? 4 : 2
            if chance(25) && share > 120 {
                if prose { sentence(.cvJobIntro, limit: limit - 1) } else {
                    attempt(limit: limit) { w in w.lit("  "); w.say(.cvJobIntro); w.newline() }
                }
            }
            while bullets < most && out.count - startCount < share && (bullets > 0 || i < 3 || share > 80) {
                var bank = chance(i == 0 ? 45 : 35) ? index(.achieve) : index(.duty)
                if exhausted(bank) { bank = bank == index(.duty) ? index(.achieve) : index(.duty) }
                if exhausted(bank) { break }
                let ok: Bool
                if prose {
                    ok = sentence(bank, limit: limit - 1)
                } else {
                    ok = attempt(limit: limit) { w in
                        w.lit("  ")
                        w.text(mark)
                        w.pickBank(bank)
                        w.newline()
                    }
                }
                if !ok { break }
                bullets += 1
            }
            if prose && out.last != 10 { newline() }
        }
        // A job during the studies.
        if let (s, e) = degree, e - s >= 2, chance(35) {
            let from = s + 1 + below(e - s - 1)
            attempt(limit: limit) { w in
                if format != 0 && format != 3 { w.newline() }
                w.year(from)
                if e > from { w.lit("–"); w.year(e) }
                w.lit("  ")
                w.say(.cvStudentJob)
                w.newline()
            }
        }
    }

    /// Sets a job's employer; "Name|Town" moves the job to that town, "@municipality" names the town's.
    private mutating func placeEmployer(_ e: String, _ job: inout DemoTexts.Job) {
        if e.utf8.first == 64 {   // "@municipality…"
            let rest = e.utf8.dropFirst(13)
            let name = c.country.home == .fi ? "City of " + job.town : job.town + " Municipality"
            job.employer = rest.isEmpty ? name : name + String(Substring(rest))
        } else if let bar = e.utf8.firstIndex(of: 124) {   // "Name|Town"
            job.employer = String(Substring(e.utf8[..<bar]))
            job.town = String(Substring(e.utf8[e.utf8.index(after: bar)...]))
        } else {
            job.employer = e
        }
    }

    private mutating func jobHeader(_ j: DemoTexts.Job, format: Int, months: Bool, rangeStyle: Int, present: String,
                                    datable: Bool) {
        func range(_ w: inout Self) {
            guard datable else { w.text(j.end == nil ? "Current position" : "Earlier"); return }
            if months { w.text(Facts.months[j.startMonth - 1]); w.byte(32) }
            w.year(j.start)
            w.lit(rangeStyle == 1 ? "–" : rangeStyle == 2 ? " - " : " – ")
            if let end = j.end {
                if months { w.text(Facts.months[j.endMonth - 1]); w.byte(32) }
                w.year(end)
            } else {
                w.text(present)
            }
        }
        func title(_ w: inout Self) {
            guard j.level < 3 else { w.text(w.c.title); return }
            // An earlier job at the current employer has another title than today's.
            let bank: DemoTexts.FieldBank = j.level == 0 ? .entryTitle : j.level == 1 ? .midTitle : .seniorTitle
            for _ in 0..<4 {
                let mark = w.out.count
                w.say(bank)
                if j.employer != w.c.employer || !w.out.endsWith(w.c.title, from: mark) { return }
                w.out.removeLast(w.out.count - mark)
            }
            w.say(j.level == 0 ? .midTitle : .entryTitle)
        }
        switch format {
        case 0:
            range(&self)
            lit("  ")
            title(&self)
            lit(", ")
            text(j.employer)
            lit(", ")
            text(j.town)
        case 1:
            title(&self)
            lit(" – ")
            text(j.employer)
            lit(" (")
            text(j.town)
            lit(")\n")
            range(&self)
        case 2:
            text(j.employer)
            lit(", ")
            text(j.town)
            newline()
            title(&self)
            lit(", ")
            range(&self)
        default:
            range(&self)
            lit(" | ")
            title(&self)
            lit(" | ")
            text(j.employer)
        }
        newline()
    }

    // MARK: Education and languages

    /// Writes the education; returns the university years, if any.
    private mutating func cvEducation(_ p: DemoPerson, style: Int, datable: Bool, careerStart: Int) -> (Int, Int)? {
        heading(pick(Layout.education), style)
        let b = p.birthYear
        let ageAtStart = careerStart - b
        let needsDegree = c.field == .health || c.field == .education || c.field == .engineering
        var degree: (Int, Int)?
        let abroad = c.country == .xx && chance(55)
        let uniCountry: DemoTexts.Country = abroad ? .xx : c.country.home
        let school = DemoTexts.School(c.field)
        // Most recent first: studies alongside work, the degree or vocational training, upper secondary school.
        if datable && p.currentYear - careerStart >= 4 && chance(20) {
            year(careerStart + 2 + below(p.currentYear - careerStart - 1))
            lit("  ")
            say(.cvLaterStudy)
            newline()
        }
        if datable && ageAtStart >= 21 && (needsDegree || chance(80)) {
            let end = max(min(careerStart, b + 22 + below(5)), b + 21)
            let start = max(b + 18, end - pick([3, 3, 4, 5, 5]))
            degree = (start, end)
            year(start); lit("–"); year(end); lit("  ")
            say(.degree)
            lit(", ")
            text(pick(Facts.universities(uniCountry, school)))
            newline()
            if chance(45) { lit("    Thesis: “"); say(.thesis); lit("”\n") }
            if end - start >= 3 && chance(20) {
                lit("    Exchange semester at ")
                text(pick(Facts.exchange))
                lit(", ")
                year(start + 1 + below(end - start - 1))
                newline()
            }
        } else if !datable {
            say(.degree)
            lit(", ")
            text(pick(Facts.universities(uniCountry, school)))
            newline()
        } else {
            let to = min(careerStart, p.currentYear)
            if to - 1 >= b + 19 {
                let from = max(b + 19, to - 1 - below(2))
                year(from); lit("–"); year(to); lit("  ")
                say(.vocational)
                newline()
            }
        }
        if datable && b + 19 <= p.currentYear && (degree == nil || chance(45)) {
            year(b + 16); lit("–"); year(b + 19); lit("  ")
            upperSecondary(abroad: abroad)
            newline()
        }
        return degree
    }

    private mutating func upperSecondary(abroad: Bool) {
        let country = abroad ? DemoTexts.Country.xx : c.country.home
        let list = Facts.upperSecondary[country.rawValue]
        var k = below(list.count)
        if country == .se {
            switch c.field {
            case .tech, .data, .engineering: k = below(2)
            case .health: k = chance(50) ? 0 : 5
            case .finance, .sales, .management: k = chance(60) ? 3 : 2
            default: break
            }
        } else if country == .no && (c.field == .tech || c.field == .engineering || c.field == .data) {
            k = 1 + below(2)
        }
        text(list[k])
    }

    private mutating func cvLanguages(style: Int) {
        heading(pick(Layout.languages), style)
        var langs: [(String, String)] = []
        langs.reserveCapacity(4)
        switch c.country {
        case .se:
            langs.append(("Swedish", pick(Layout.native)))
            langs.append(("English", pick(Layout.fluent)))
            if chance(25) { langs.append((pick(["Norwegian", "Danish"]), "good understanding")) }
        case .no:
            langs.append(("Norwegian", pick(Layout.native)))
            langs.append(("English", pick(Layout.fluent)))
            if chance(40) { langs.append(("Swedish", pick(["good understanding", "fluent", "good"]))) }
        case .dk:
            langs.append(("Danish", pick(Layout.native)))
            langs.append(("English", pick(Layout.fluent)))
            if chance(35) { langs.append((pick(["Swedish", "Norwegian"]), "good understanding")) }
        case .fi:
            if chance(20) {
                langs.append(("Swedish", pick(Layout.native)))
                langs.append(("Finnish", pick(Layout.fluent)))
            } else {
                langs.append(("Finnish", pick(Layout.native)))
                langs.append(("Swedish", pick(Layout.fair)))
            }
            langs.append(("English", pick(Layout.fluent)))
        case .xx:
            langs.append((pick(Facts.foreignLanguages), pick(Layout.native)))
            langs.append(("English", pick(Layout.fluent)))
            langs.append(("Swedish", pick(Layout.swedishAsSecond)))
        }
        if chance(45) {
            let l = pick(Facts.secondLanguages)
            if !langs.contains(where: { $0.0 == l }) { langs.append((l, chance(50) ? pick(Layout.basic) : pick(Layout.fair))) }
        }
        switch below(3) {
        case 0:
            for (k, l) in langs.enumerated() {
                if k > 0 { lit(k == langs.count - 1 ? " and " : ", ") }
                text(l.0); lit(" ("); text(l.1); byte(41)
            }
            lit(".\n")
        case 1:
            for l in langs { text(l.0); lit(" – "); text(l.1); newline() }
        default:
            for l in langs { text(l.0); lit(": "); text(l.1); newline() }
        }
    }

    // MARK: Optional sections

    mutating func cvOptional(_ section: Int, style: Int, datable: Bool, careerStart: Int, currentYear: Int) {
        switch section {
        case 0:
            heading(pick(Layout.certifications), style)
            let mark = pick(Layout.bullets)
            for _ in 0..<(1 + below(3)) {
                text(mark)
                say(.cert)
                if datable && chance(60) {
                    lit(" (")
                    year(careerStart + below(currentYear - careerStart + 1))
                    byte(41)
                }
                newline()
            }
        case 1:
            heading(pick(Layout.courses), style)
            let mark = pick(Layout.bullets)
            for _ in 0..<(1 + below(3)) { text(mark); say(.cvCourse); newline() }
        case 2:
            heading(pick(Layout.volunteering), style)
            for _ in 0..<(1 + below(2)) { say(.cvVolunteer); newline() }
        case 3:
            heading(pick(Layout.interests), style)
            say(.cvInterest)
            newline()
        case 4:
            heading(pick(Layout.other), style)
            for _ in 0..<(1 + below(3)) { say(.cvOther); newline() }
        case 5:
            heading(pick(Layout.projects), style)
            let mark = pick(Layout.bullets)
            for _ in 0..<(1 + below(3)) { text(mark); say(.project); newline() }
        default:
            heading(pick(Layout.talks), style)
            for _ in 0..<(1 + below(2)) { say(.cvTalk); newline() }
        }
    }
}
