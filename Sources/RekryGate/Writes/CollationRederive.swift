import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// Re-derives every candidate's name-order key through the write model when the register is marked for it
    /// (`SettingKey.collationRederive`: rows stored before the key existed), then removes the mark. Run at
    /// sign-in, before anything is listed, in one write transaction, so a crash part-way leaves the mark for the
    /// next sign-in. Returns how many keys changed.
    ///
    /// The alphabet comes from the register's verified retention profile; while the profile is refused (edited
    /// outside Rekry) the keys wait, and the mark stays, until the DPO sets it again.
    @discardableResult
    func rederiveCollationKeysIfMarked() throws -> Int {
        guard try backend.read({ try $0.setting(SettingKey.collationRederive) }) != nil else { return 0 }
        return try backend.write { s in
            guard try s.setting(SettingKey.collationRederive) != nil else { return 0 }  // another process did it
            let model: WriteModel
            do { model = try writeModel(s) } catch is RegisterError { return 0 }
            var changed = 0, after: Int64 = 0
            while true {
                let batch = try s.candidateNames(after: after, limit: 2_000)
                guard let last = batch.last else { break }
                try s.setCollationKeys(batch.map { (candidateId: $0.id, key: model.collationKey(fullName: $0.fullName)) })
                changed += batch.count
                after = last.id
            }
            try s.setSetting(SettingKey.collationRederive, nil)
            return changed
        }
    }
}
