import RekryDomain
import RekryStorage

extension Gate {
    /// The refusal of a correction or an erasure of a profile the storage withholds from this member's login, or nil.
    ///
    /// On a server register (`CandidateWriting.writesOnlyReadableProfiles`) a recruiter's or lead's login reads no
    /// lapsed profile, and the write model derives from the whole profile what such a write changes: a correction's
    /// search keys and name order, an erasure's suppression hashes, the references the person gave for others and
    /// their name in the breach log. The DPO, whose writes answer the person's request, reads every profile and
    /// makes these; the write policy is otherwise the same on both backends.
    func withheldProfileRefusal(_ s: any StorageSession, _ record: CandidateRecord, action: WriteAction) -> Wording? {
        guard s.writesOnlyReadableProfiles, actor.role != .dpo, !mayRead(.profile, of: record) else { return nil }
        return Wording("gate.refusedWithheldOnServer", ["action": .action(action), "id": "\(record.id)"])
    }
}
