/// `parts` with `separator` between them, as `parts.joined(separator:)` gives, in a loop over a
/// concrete array: the standard library's `joined` is generic and not specialised into our code,
/// and its first call in a process has the runtime look up the array's associated types (~0.25 M
/// instructions, a twentieth of the bundled query's start: bench/results/cold-start.md). For the
/// texts made on every start; anywhere else `joined` is as good.
public func joinedText(_ parts: [String], separator: String) -> String {
    guard !parts.isEmpty else { return "" }
    var text = parts[0]
    for index in 1..<parts.count {
        text += separator
        text += parts[index]
    }
    return text
}
