import RekryDomain

/// The words a candidate is found by as one types: folded words of name, email, title and employer, the
/// phone number's digits, and the joined pinyin of a CJK name (so `xiaoming` finds 王小明).
@_spi(Testing) public enum SearchTokens {
    public static func tokens(fullName: String, email: String?, phone: String?, title: String?, employer: String?) -> Set<String> {
        var out = Set<String>()
        let nameWords = SearchFolding.words(fullName)
        out.formUnion(nameWords)
        if nameWords.count > 1 && fullName.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
            out.insert(nameWords.joined())
        }
        if let email { out.formUnion(SearchFolding.words(email)) }
        if let phone { out.formUnion(phoneTokens(phone)) }
        if let title { out.formUnion(SearchFolding.words(title)) }
        if let employer { out.formUnion(SearchFolding.words(employer)) }
        return out
    }

    /// The tokens as the JSON array the candidate row keeps (tokens are `[a-z0-9]`, so no escaping is needed).
    public static func json<S: Sequence>(_ tokens: S) -> String where S.Element == String {
        "[" + tokens.sorted().map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// The digits of a phone number, in international form and in national form (`+46 70…` → `070…`).
    public static func phoneTokens(_ phone: String) -> [String] {
        let digits = String(phone.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        guard !digits.isEmpty else { return [] }
        if phone.hasPrefix("+"), digits.count > 4 {
            return [digits, "0" + digits.dropFirst(2)]
        }
        return [digits]
    }
}
