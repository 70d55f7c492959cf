/// The tabs of the DPO's desk. A new tab is a new case here, its rows in `DeskModel`, its drawing in
/// `DeskScreen`, and its write actions mapped in `tab(of:)`.
public enum DeskTab: Int, CaseIterable, Sendable {
    case requests, breaches, retention

    /// The title in `language`.
    public func title(in language: UILanguage) -> String { language.text("desk.tab.\(String(describing: self))") }

    /// The title in English.
    public var title: String { title(in: .en) }

    /// The tab a desk action works on; nil for actions that work on every tab (moving, switching, help).
    public static func tab(of action: Action) -> DeskTab? {
        switch action {
        case .addRequest, .extendRequest, .closeRequest: .requests
        case .recordBreach, .markBreachNotified: .breaches
        case .eraseRetentionGroup: .retention
        default: nil
        }
    }

    /// The tab a number key opens.
    static func numbered(_ action: Action) -> DeskTab? {
        switch action {
        case .tab1: .requests
        case .tab2: .breaches
        case .tab3: .retention
        default: nil
        }
    }
}

extension KeyMap {
    /// The desk's table as the hint line shows it on `tab`: other tabs' writes keep their keys (which then say
    /// where they work) but leave the hint line.
    func scoped(to tab: DeskTab) -> KeyMap {
        KeyMap(key: key, bindings: bindings.map { b in
            var b = b
            if let own = DeskTab.tab(of: b.action), own != tab { b.hinted = false }
            return b
        })
    }
}
