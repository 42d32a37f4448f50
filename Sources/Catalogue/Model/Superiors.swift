/// The chain of superiors (PermenPANRB 6/2022: every result names the superior's result it
/// supports): each position reports to its unit's head, a head to the head of the unit above,
/// and the head of a bidang, the Sekretariat or a UPT to the head of office.
public struct Superiors: Sendable {
    public enum Superior: Sendable, Equatable {
        /// Index into `Catalogue.positions`.
        case position(Int)
        /// The head of office, who signs the catalogue and has no block of their own: their title.
        case headOfOffice(String)
    }

    /// Per position; nil while its unit is unknown (or, for the head of office, above everyone).
    public let superior: [Superior?]
    /// Per position: how many positions report to it directly.
    public let subordinates: [Int]

    public init(_ catalogue: Catalogue) {
        let positions = catalogue.positions, org = catalogue.organisation
        var head: [Int: Int] = [:]
        for (p, position) in positions.enumerated() { if let u = position.heads, head[u] == nil { head[u] = p } }
        // A catalogue may hold the head of office's own block; else the signature names them.
        var officeHead: [Int: Int] = [:]
        for (p, position) in positions.enumerated() where OrganisationInference.isHeadOfOffice(position.title) && officeHead[position.office] == nil {
            officeHead[position.office] = p
        }
        func aboveOffice(_ office: Int) -> Superior {
            if let p = officeHead[office] { return .position(p) }
            let metadata = catalogue.offices.indices.contains(office) ? catalogue.offices[office].metadata : catalogue.metadata
            return .headOfOffice((metadata.headTitle ?? "Kepala Dinas").uppercased())
        }
        /// The head of `unit` or, when it has none, of the nearest unit above it with one.
        func headAbove(_ unit: Int?, office: Int) -> Superior? {
            var current = unit
            var steps = 0
            while let u = current, steps <= org.units.count {
                if let h = head[u] { return .position(h) }
                current = org.units[u].parent
                steps += 1
            }
            // A bidang-level unit without a head: its staff report to the head of office.
            if let u = unit, org.bidangLevel(of: u) != nil { return aboveOffice(office) }
            return nil
        }
        var superior: [Superior?] = []
        superior.reserveCapacity(positions.count)
        for (p, position) in positions.enumerated() {
            if officeHead[position.office] == p {
                superior.append(nil)
            } else if let u = position.heads {
                superior.append(org.units[u].kind.isBidangLevel ? aboveOffice(position.office) : org.units[u].parent.flatMap { headAbove($0, office: position.office) })
            } else {
                superior.append(position.unit.flatMap { headAbove($0, office: position.office) })
            }
        }
        var subordinates = [Int](repeating: 0, count: positions.count)
        for case .position(let s)? in superior { subordinates[s] += 1 }
        self.superior = superior
        self.subordinates = subordinates
    }

    /// The superior's title: a position's, or the head of office's.
    public func title(of p: Int, in catalogue: Catalogue) -> String? {
        switch superior[p] {
        case .position(let s)?: return catalogue.positions[s].title
        case .headOfOffice(let title)?: return title
        case nil: return nil
        }
    }
}
