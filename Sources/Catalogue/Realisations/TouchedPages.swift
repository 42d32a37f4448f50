import Foundation

/// The pages of a mapped snapshot's rows and numbers that an evaluation read since they were last
/// let go. A query evaluates each indicator once, reading its rows once: a block of indicators
/// evaluated, their rows' pages can go (they are read again from the file if touched), so a
/// query over a province holds a few blocks' rows resident, not all 60 MB of rows and numbers.
/// Inactive (marks nothing) unless the array is a view of a `MappedFile`: an array of its own
/// must never be let go (its pages would read back as zeros).
struct TouchedPages {
    /// Lets a run of whole pages go; nil: inactive.
    private let letGo: ((UnsafeRawBufferPointer) -> Void)?
    /// The region's first page's address, where the region starts past it, the element's size.
    private let start: Int, offset: Int, stride: Int
    static let pageShift = Int(sysconf(Int32(_SC_PAGESIZE))).trailingZeroBitCount
    /// `pageShift`, read where marking reads it (a static's every read checks it is made).
    private let shift = Self.pageShift
    /// A bit per page; `low...high` bounds the words with a bit set.
    private var words: [UInt64] = []
    private var low = Int.max, high = -1

    init<T>(_ array: MappedArray<T>) {
        let file = array.mappedFile
        self.init(array.withUnsafeBytes { $0 }, stride: MemoryLayout<T>.stride, letGo: file.map { file in { file.release($0) } })
    }

    /// Pages of `region`, whose elements are `stride` bytes, let go by `letGo`.
    init(_ region: UnsafeRawBufferPointer, stride: Int, letGo: ((UnsafeRawBufferPointer) -> Void)?) {
        let base = Int(bitPattern: region.baseAddress)
        start = (base >> Self.pageShift) << Self.pageShift
        offset = base - start
        self.stride = stride
        self.letGo = letGo
        guard letGo != nil, region.count > 0 else { return }
        let pages = (offset + region.count + (1 << Self.pageShift) - 1) >> Self.pageShift
        words = Array(repeating: 0, count: (pages + 63) / 64)
    }

    var isActive: Bool { !words.isEmpty }

    /// The page element `k` starts on (a number to compare: a caller marks a page once as long as
    /// the elements it reads stay on it, as an indicator's rows mostly do).
    @inline(__always)
    func page(of k: Int) -> Int { (offset &+ k &* stride) >> shift }

    /// Elements `first..<first + count` were read.
    mutating func mark(_ first: Int, count: Int = 1) {
        guard count > 0 else { return }
        for page in page(of: first)...(offset + (first + count) * stride - 1) >> shift { mark(page: page) }
    }

    mutating func mark(page: Int) {
        guard !words.isEmpty else { return }
        words[page >> 6] |= 1 << UInt64(page & 63)
        low = min(low, page >> 6)
        high = max(high, page >> 6)
    }

    /// Lets every marked page go, a run of pages per call, and forgets them.
    mutating func release() {
        guard let letGo, low <= high else { return }
        var runStart = -1
        for w in low...high + 1 {
            let word = w <= high ? words[w] : 0
            if w <= high { words[w] = 0 }
            for bit in 0..<64 {
                let page = w * 64 + bit, set = word & (1 << UInt64(bit)) != 0
                if set, runStart < 0 { runStart = page }
                if !set, runStart >= 0 {
                    letGo(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: start + (runStart << shift)),
                                                 count: (page - runStart) << shift))
                    runStart = -1
                }
                if word == 0 && runStart < 0 { break }
            }
        }
        (low, high) = (Int.max, -1)
    }
}
