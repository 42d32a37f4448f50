import Foundation

/// Values keyed by texts byte for byte (unlike String's ==, a text written with other code points
/// for the same characters is another key), each text hashed once per lookup by `Text.hash`. Open
/// addressing, a power of two long, at most half full: a Dictionary keyed by a text's bytes hashed it
/// twice on a miss and ran SipHash over its hash each time (~5% of a check's instructions).
struct TextTable<Value> {
    /// An entry's index + 1, 0 where none is.
    private var slots = [Int32](repeating: 0, count: 256)
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private var values: [Value] = []

    var count: Int { keys.count }

    /// The text's value, made by `make` and kept the first time the text is met.
    mutating func value(of text: String, orMake make: () -> Value) -> Value {
        let (entry, slot, hash) = find(text)
        if let entry { return values[entry] }
        let value = make()
        add(text, value, hash: hash, slot: slot)
        return value
    }

    /// The String kept for this text: the one met first, which a repeat then shares.
    mutating func kept(_ text: String) -> String where Value == Void {
        let (entry, slot, hash) = find(text)
        if let entry { return keys[entry] }
        add(text, (), hash: hash, slot: slot)
        return text
    }

    /// The text's entry, or the empty slot where it goes; and its hash.
    private func find(_ text: String) -> (entry: Int?, slot: Int, hash: UInt64) {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0
            Text.hash(bytes, into: &hash)
            let mask = slots.count - 1
            var slot = Self.slot(hash) & mask
            while slots[slot] != 0 {
                let n = Int(slots[slot] - 1)
                if hashes[n] == hash && Self.same(keys[n], bytes) { return (n, slot, hash) }
                slot = (slot + 1) & mask
            }
            return (nil, slot, hash)
        }
    }

    private mutating func add(_ text: String, _ value: Value, hash: UInt64, slot: Int) {
        slots[slot] = Int32(keys.count + 1)
        hashes.append(hash)
        keys.append(text)
        values.append(value)
        guard keys.count * 2 > slots.count else { return }
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in hashes.indices {
            var slot = Self.slot(hashes[n]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n + 1)
        }
    }

    private static func same(_ key: String, _ bytes: Text.Bytes) -> Bool {
        var key = key
        return key.utf8.count == bytes.count && key.withUTF8 { k in
            k.isEmpty || memcmp(k.baseAddress!, bytes.baseAddress!, k.count) == 0
        }
    }

    /// The table's slot for a hash, before the mask: its high bits folded into the low ones.
    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }
}
