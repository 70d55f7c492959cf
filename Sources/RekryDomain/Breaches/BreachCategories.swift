import Foundation

/// The categories of personal data a breach concerns (Art. 33(3)(a)): the register's own data categories, so
/// the log names kinds of data, never the data.
public enum BreachCategories {
    /// Parses `contact,documents`; throws naming the first unknown category.
    public static func parse(_ list: String) -> Result<[DataCategory], BreachCategoryError> {
        let words = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return .failure(BreachCategoryError(word: "")) }
        var out: [DataCategory] = []
        for word in words {
            guard let c = DataCategory(rawValue: word) else { return .failure(BreachCategoryError(word: word)) }
            if !out.contains(c) { out.append(c) }
        }
        return .success(out)
    }
}

/// A category word that is not one of the register's data categories.
public struct BreachCategoryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var word: String
    public init(word: String) { self.word = word }
    public var description: String {
        let all = DataCategory.allCases.map(\.rawValue).joined(separator: ", ")
        return word.isEmpty ? "name at least one category: \(all)" : "'\(word)' is not a category; use \(all)"
    }
}
