/// Facts about a synthetic person the texts must agree with.
///
/// The texts never contradict these: the CV's current role is `title` at `employer`, the header names `town`,
/// the profile states `yearsOfExperience`, every skill is listed, and every employment year lies in
/// `birthYear + 16 ... currentYear`.
struct DemoPerson: Sendable {
    var givenName: String      // "Åsa"
    var fullName: String       // "Åsa Öberg"
    var town: String           // "Göteborg"
    var country: String        // "SE", "NO", "DK", "FI" or "XX"
    var title: String          // current title, e.g. "Backend developer"
    var employer: String       // current employer
    var skills: [String]       // 3–6 skills
    var yearsOfExperience: Int // 1...35
    var birthYear: Int         // 1955...2003
    var currentYear: Int       // the demo's "today" year, e.g. 2026
    var phone: String? = nil   // as stored on the register, when it holds one
    var email: String? = nil
}
