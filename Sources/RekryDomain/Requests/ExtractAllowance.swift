/// The firm's promise on register extracts: one a year is free; a second within a year may be charged a
/// reasonable fee or refused with reasons (Art. 12(5)), so it is flagged for the DPO to decide.
public enum ExtractAllowance {
    /// Whether an access request received on `received` is the second (or later) within a year, given the
    /// days earlier access requests of the same person were received (refused ones not counted by the caller).
    public static func isSecondWithinYear(received: CivilDate, earlier: [CivilDate]) -> Bool {
        let yearBefore = CivilDate(year: received.year, month: received.month, day: received.day).adding(months: -12)
        return earlier.contains { $0.dayNumber > yearBefore.dayNumber && $0.dayNumber <= received.dayNumber }
    }
}
