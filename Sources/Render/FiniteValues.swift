import Query

extension Value {
    /// The value as renderers print it: a number that is not finite (infinity, NaN) is missing,
    /// so no format ever prints `inf` or `nan`, and JSON stays valid (`null`).
    var finite: Value {
        if case .number(let n) = self, !n.isFinite { return .missing }
        return self
    }
}
