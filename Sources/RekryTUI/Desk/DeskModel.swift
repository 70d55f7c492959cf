import RekryGate

/// The DPO's desk as read through the gate: the requests and the breach log, the tab shown and each tab's
/// selection. Pseudonyms only: no name of anyone is on this screen.
struct DeskModel {
    var tab: DeskTab = .requests
    var requests: RequestList
    var breaches: BreachList
    /// What the retention profile says is due, grouped by rule.
    var retention = RetentionQueue(whole: [], parts: [])
    var selected: [DeskTab: Int] = [:]

    /// How many rows the tab lists.
    func count(_ tab: DeskTab) -> Int {
        switch tab {
        case .requests: requests.requests.count
        case .breaches: breaches.breaches.count
        case .retention: retention.items.count
        }
    }

    func selection(_ tab: DeskTab) -> Int { min(selected[tab] ?? 0, max(0, count(tab) - 1)) }

    var selectedRequest: RequestSummary? {
        requests.requests.indices.contains(selection(.requests)) ? requests.requests[selection(.requests)] : nil
    }

    var selectedBreach: BreachSummary? {
        breaches.breaches.indices.contains(selection(.breaches)) ? breaches.breaches[selection(.breaches)] : nil
    }

    var selectedRetention: RetentionQueue.Item? {
        retention.items.indices.contains(selection(.retention)) ? retention.items[selection(.retention)] : nil
    }

    /// Moves the selection on the shown tab by `delta` rows, within the list.
    mutating func move(by delta: Int) {
        selected[tab] = max(0, min(count(tab) - 1, selection(tab) + delta))
    }
}
