extension DemoTexts {
    /// The phrase banks, by name: templates refer to them as `{@name}`, writers as `.name`. Their entries are
    /// in the `…Phrases` tables; field-dependent banks are `FieldBank`s.
    enum Bank: Int, CaseIterable, Sendable {
        // Shared
        case trait, traitAdj, nextStep, attract, devArea, hobby, atBest, pride, roleDesc
        // CV
        case cvProfileOpenI, cvProfileOpenN, cvProfileMidI, cvProfileMidN, cvProfileCloseI, cvProfileCloseN
        case cvJobIntro, cvCourse, cvVolunteer, cvInterest, cvOther, cvTalk, cvReferences, cvExtra, cvStudentJob, cvLaterStudy
        // Cover letter
        case letterSubject, letterGreet, letterGreetClient, letterOpen, letterOpen2, letterCurrent, letterTransition
        case letterExperience, letterAchievement, letterSkills, letterValue, letterWhyClient, letterWhyRole
        case letterPersonal, letterPractical, letterExtra, letterClose, letterSignoff
        // Interview notes
        case noteHeader, noteFormat, noteRound, noteBackground, noteBackgroundMore, noteMotivation, noteCompetence, noteStrength
        case noteConcern, notePractical, noteNext, noteExtra
        // Recruiter assessment
        case assessHeader, assessStrong, assessGood, assessMixed, assessWeak, assessStrength, assessMatch
        case assessMotivation, assessRisk, assessFit
        case recommendStrong, recommendGood, recommendMixed, recommendWeak
        // Reference statements
        case refTitle, refOpenManager, refOpenColleague, refOpenClient, refOpenReport, refOpenOther
        case refBody, refBodyManager, refBodyColleague, refBodyClient, refBodyReport, refDevelop, refClose, refSign
        case refCallHeader, refCallOpen, refCall, refCallDevelop, refRehire
    }

    /// Every bank's phrases; `Grammar` checks that each bank is defined exactly once.
    static var phraseBanks: [(Bank, [String])] {
        commonPhrases + cvPhrases + letterPhrases + notePhrases + referencePhrases
    }
}
