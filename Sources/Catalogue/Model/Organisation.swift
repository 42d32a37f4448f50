/// The kinds of unit an Indonesian regional office (dinas) is made of.
public enum UnitKind: String, Sendable, CaseIterable {
    case sekretariat
    case bidang
    case seksi
    case subBagian = "sub bagian"
    case upt

    /// Bidang-level units hang directly under the head of office.
    public var isBidangLevel: Bool { self == .sekretariat || self == .bidang || self == .upt }

    /// The words a full name starts with.
    var prefix: String {
        switch self {
        case .sekretariat: return "Sekretariat"
        case .bidang: return "Bidang"
        case .seksi: return "Seksi"
        case .subBagian: return "Sub Bagian"
        case .upt: return "UPT"
        }
    }
}

public struct Unit: Sendable, Equatable {
    public var kind: UnitKind
    /// "Bidang Bina Fasilitasi Pembiayaan"
    public var fullName: String
    /// "Fasilitasi Pembiayaan": what analysts type and tables show.
    public var shortName: String
    public var parent: Int?
    /// Index into `Catalogue.offices`.
    public var office: Int = 0

    public init(kind: UnitKind, fullName: String, shortName: String, parent: Int? = nil) {
        self.kind = kind
        self.fullName = fullName
        self.shortName = shortName
        self.parent = parent
    }
}

public struct Organisation: Sendable {
    public var units: [Unit] = []
    /// Unit ids by name key (full and short names), built by `index()` for many offices' units;
    /// used while no unit has been added since (names and kinds do not change once loaded).
    /// (Internal, not private: a snapshot keeps it rather than computing every key again.)
    var keyIndex: [String: [Int]]?
    var indexedCount = 0
    public init() { index() }

    /// Builds the name index, so `units(named:)` stays fast with thousands of units.
    public mutating func index() {
        var index: [String: [Int]] = [:]
        for (id, unit) in units.enumerated() {
            let full = UnitName.key(unit.fullName), short = UnitName.key(unit.shortName)
            index[full, default: []].append(id)
            if short != full { index[short, default: []].append(id) }
        }
        keyIndex = index
        indexedCount = units.count
    }

    /// The bidang-level unit a unit belongs to (itself when it is one); nil while its parent is unknown.
    public func bidangLevel(of id: Int) -> Int? {
        // A chain longer than the number of units is a cycle: no bidang. (No Set: this runs per row.)
        var current = id
        var steps = 0
        while !units[current].kind.isBidangLevel {
            guard let parent = units[current].parent, steps < units.count else { return nil }
            current = parent
            steps += 1
        }
        return current
    }

    /// Units whose name matches `name` by the unit matching rule (see `UnitName.key`).
    public func units(named name: String) -> [Int] {
        if let keyIndex, indexedCount == units.count { return keyIndex[UnitName.key(name)] ?? [] }
        let key = UnitName.key(name)
        return units.indices.filter { UnitName.key(units[$0].fullName) == key || UnitName.key(units[$0].shortName) == key }
    }

    mutating func add(_ unit: Unit) -> Int {
        let key = UnitName.key(unit.fullName)
        if let existing = units(named: unit.fullName).first(where: { units[$0].kind == unit.kind && UnitName.key(units[$0].fullName) == key }) {
            return existing
        }
        units.append(unit)
        // Keep the name index current, so adding many units stays linear.
        if keyIndex != nil && indexedCount == units.count - 1 {
            let short = UnitName.key(unit.shortName)
            keyIndex![key, default: []].append(units.count - 1)
            if short != key { keyIndex![short, default: []].append(units.count - 1) }
            indexedCount = units.count
        }
        return units.count - 1
    }
}
