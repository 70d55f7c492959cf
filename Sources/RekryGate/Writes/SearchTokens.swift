import RekryDomain

/// The words a candidate is found by as one types: folded words of name, email (local part, domain, and
/// the local part run together), title and employer, the phone number in the forms people type it, and the
/// joined pinyin of a CJK name (so `xiaoming` finds 王小明). Part of the write model: nothing else computes
/// a candidate's tokens.
enum SearchTokens {
    static func tokens(fullName: String, email: String?, phone: String?, country: String, title: String?,
                       employer: String?) -> [String] {
        var out = Set<String>()
        let nameWords = SearchFolding.words(fullName)
        out.formUnion(nameWords)
        if nameWords.count > 1 && fullName.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
            out.insert(nameWords.joined())
        }
        if let email {
            out.formUnion(SearchFolding.words(email))
            if let at = email.firstIndex(of: "@") {
                let local = SearchFolding.words(String(email[..<at]))
                if local.count > 1 { out.insert(local.joined()) }
            }
        }
        if let phone { out.formUnion(PhoneNumber.searchTokens(phone, country: country)) }
        if let title { out.formUnion(SearchFolding.words(title)) }
        if let employer { out.formUnion(SearchFolding.words(employer)) }
        return out.sorted()
    }
}
