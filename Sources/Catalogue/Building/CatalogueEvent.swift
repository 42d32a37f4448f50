/// The seam between a catalogue's file format and its model: what a reader has found, in document
/// order. A reader knows its format (lines, tabs, blank lines, list markers; or a Word document's
/// paragraphs, numbering and tables) and nothing of positions, objectives, formulas, codes or the
/// organisation; `CatalogueBuilder` knows those and nothing of the format.
///
/// To add a format (a `.docx` reader, say): walk the document and hand the builder these events:
/// `.block` at each `INDIKATOR KINERJA INDIVIDU` heading, `.title` for `JABATAN`, `.list` then
/// `.listText` for `TUGAS` and `FUNGSI` (a numbered paragraph is a new entry), `.tableHeader` and
/// `.row` for the table (cells in column order: objective, indicator, formula, source), `.loose`
/// for text outside the blocks (the closing signature), and `.diagnostic` for what only the format
/// can tell is wrong. `line` and `column` are whatever locates the text for the user (a paragraph
/// number will do). Then `Catalogue.assemble(file:indexingCodes:read:)` runs what every format
/// shares: the builder's checks, indicator codes, organisation inference, and, with several
/// files, the organisation files and the merge of offices.
///
/// Text arrives as bytes valid for the call only (the text reader hands out slices of the file, so
/// the builder makes Strings only of what it keeps); a reader holding Strings passes their UTF-8.
package enum CatalogueEvent {
    /// A position block starts: its heading line.
    case block(line: Int)
    /// The position's title (`JABATAN : X`), trimmed; empty when the document gives none.
    /// `column`: where the title starts (or would).
    case title(Text.Bytes, line: Int, column: Int)
    /// `TUGAS` or `FUNGSI`: the list that the `.listText` after it belongs to.
    case list(CatalogueList, line: Int)
    /// Text of the current list, without its item marker (`a.`, `- b.`): a new entry, or more of
    /// the last one.
    case listText(Text.Bytes, newEntry: Bool)
    /// The table's header row.
    case tableHeader(line: Int)
    /// A table row: its cells, in order.
    case row([CatalogueCell], line: Int)
    /// Text outside any position block: the closing signature when it comes last, else ignored
    /// with a warning.
    case loose(String, line: Int)
    /// A problem only the reader can see (bytes that are not UTF-8, a row without a header line).
    case diagnostic(Diagnostic)
}

/// The two lists of a position block.
package enum CatalogueList { case tasks, functions }

/// A table cell: its trimmed text and the column where that text starts.
package struct CatalogueCell {
    package var text: Text.Bytes
    package var column: Int

    package init(text: Text.Bytes, column: Int) {
        self.text = text
        self.column = column
    }
}
