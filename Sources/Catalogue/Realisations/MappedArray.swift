/// The store's rows and number pool: an array of its own, or a view of a mapped snapshot (read in
/// place: a province's 60 MB of rows and numbers were copied out of the mapping on every warm
/// open). `owner` keeps the mapping for as long as any view of it lives. The first change to a
/// view (a `load` statement appending rows) copies it into an array of its own.
///
/// The view is only made of bytes the snapshot reader has checked (its checksum, then every row):
/// a mapped snapshot is never written in place (a new one is renamed over it).
struct MappedArray<Element: BitwiseCopyable>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, @unchecked Sendable {
    private var owned: [Element]
    private var mapped: UnsafeBufferPointer<Element>?
    /// What unmaps the view when it goes (the snapshot's `MappedFile`); immutable, so shared freely.
    private var owner: AnyObject?

    init() { owned = [] }
    init(_ array: [Element]) { owned = array }
    init(arrayLiteral elements: Element...) { owned = elements }

    /// A view of `elements`, valid while `owner` lives.
    init(mapping elements: UnsafeBufferPointer<Element>, owner: AnyObject) {
        owned = []
        mapped = elements
        self.owner = owner
    }

    /// Read in place from a mapping (not copied).
    var isMapped: Bool { mapped != nil }

    /// The mapped file a view reads, whose pages may be let go after a pass (`TouchedPages`).
    var mappedFile: MappedFile? { mapped == nil ? nil : owner as? MappedFile }

    var startIndex: Int { 0 }
    var endIndex: Int { mapped?.count ?? owned.count }

    subscript(i: Int) -> Element {
        get {
            if let mapped {
                precondition(i >= 0 && i < mapped.count, "index out of range")
                return mapped[i]
            }
            return owned[i]
        }
        set {
            own()
            owned[i] = newValue
        }
    }

    var capacity: Int { mapped?.count ?? owned.capacity }

    /// Copies a view into an array of its own before a change.
    private mutating func own() {
        guard let view = mapped else { return }
        owned = Array(view)
        mapped = nil
        owner = nil
    }

    mutating func reserveCapacity(_ n: Int) {
        own()
        owned.reserveCapacity(n)
    }

    mutating func append(_ element: Element) {
        own()
        owned.append(element)
    }

    mutating func append(contentsOf elements: some Collection<Element>) {
        own()
        owned.append(contentsOf: elements)
    }

    mutating func removeSubrange(_ range: PartialRangeFrom<Int>) {
        own()
        owned.removeSubrange(range)
    }

    /// Takes `array`'s storage over (it is left empty): no copy.
    mutating func take(_ array: inout [Element]) {
        owned = []
        mapped = nil
        owner = nil
        swap(&owned, &array)
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let mapped { return try body(mapped) }
        return try owned.withUnsafeBufferPointer(body)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }
}

/// Reflected as its elements, however they are held (the snapshot tests compare dumps).
extension MappedArray: CustomReflectable {
    var customMirror: Mirror { Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection) }
}

extension MappedArray: Equatable where Element: Equatable {
    static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

extension MappedArray: CustomStringConvertible {
    var description: String { Array(self).description }
}
