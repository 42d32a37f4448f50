import Foundation

/// Fenced code blocks of Markdown tagged `iki` (CommonMark: a fence of three or more backticks or
/// tildes, closed by a fence of the same character at least as long), with the line each starts on.
public enum MarkdownBlocks {
    public static func iki(in text: String) -> [(line: Int, text: String)] {
        var blocks: [(line: Int, text: String)] = []
        var open: (character: Character, length: Int, isIki: Bool, line: Int, lines: [String])?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.drop { $0 == " " }
            let fenceCharacter = trimmed.first
            let fenceLength = fenceCharacter.map { c in trimmed.prefix { $0 == c }.count } ?? 0
            let isFence = (fenceCharacter == "`" || fenceCharacter == "~") && fenceLength >= 3
            if var block = open {
                let rest = trimmed.dropFirst(fenceLength).trimmingCharacters(in: .whitespaces)
                if isFence, fenceCharacter == block.character, fenceLength >= block.length, rest.isEmpty {
                    if block.isIki { blocks.append((block.line, block.lines.joined(separator: "\n"))) }
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if isFence, let c = fenceCharacter {
                let info = trimmed.dropFirst(fenceLength).trimmingCharacters(in: .whitespaces)
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                open = (c, fenceLength, language == "iki", index + 2, [])
            }
        }
        return blocks
    }
}
