import Base
import Query

/// One record a block, one field a line (psql's `\x`): for a table too wide for the terminal
/// (`set format auto`) or asked for (`set format record`). Field names on the left; a value wider
/// than the room left wraps on word boundaries under itself; nothing is cut.
enum RecordRenderer {
    static func render(_ result: ResultSet, _ options: RenderOptions) -> String {
        let prepared = TableRenderer.Prepared(result, isCancelled: options.isCancelled)
        let label = prepared.header.map(displayWidth).max() ?? 0
        // Room for values: what the width leaves after the names, but never less than a word's room.
        let room = options.width.map { max(TableFit.longestUnbroken, $0 - label - TableFit.gap) }
        let rule = options.width.map { min($0, label + TableFit.gap + (prepared.natural.max() ?? 0)) } ?? label + TableFit.gap + (prepared.natural.max() ?? 0)
        var out = ""
        for (number, row) in prepared.cells.enumerated() {
            if number % 4096 == 4095 && options.isCancelled() { break }
            let title = Message.recordTitle(number + 1).text
            out += title + String(repeating: "-", count: max(0, rule - displayWidth(title))) + "\n"
            for (i, cell) in row.enumerated() {
                var name = prepared.header[i] + String(repeating: " ", count: label - displayWidth(prepared.header[i]) + TableFit.gap)
                if options.colour { name = "\u{1B}[1m" + name + "\u{1B}[0m" }
                let lines = room.map { TableFit.wrap(cell, width: $0) } ?? [cell]
                let indent = String(repeating: " ", count: label + TableFit.gap)
                for (k, text) in lines.enumerated() {
                    var line = (k == 0 ? name : indent) + text
                    while line.hasSuffix(" ") { line.removeLast() }
                    out += line + "\n"
                }
            }
        }
        return out + TableRenderer.footer(result)
    }
}
