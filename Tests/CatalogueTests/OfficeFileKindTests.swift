import Foundation
import Testing
@testable import Catalogue

/// A file of the wrong kind given to the workbook reader: one message per case, and a zip that is
/// no Office file says the same (one message, `office-zip-not-office`) to the Word and the Excel
/// reader. The Word reader's cases are in `WordCatalogueTests.badDocuments`.
@Suite("Catalogue: Office files of the wrong kind")
struct OfficeFileKindTests {
    static func fixture(_ name: String) -> String { packageRoot.appendingPathComponent("Tests/Fixtures/office/\(name)").path }

    static func workbookError(_ name: String) -> Diagnostic? {
        do {
            _ = try Workbook.read(path: fixture(name))
            return nil
        } catch {
            return error
        }
    }

    @Test("not a zip, given as realisations")
    func notAZip() {
        let error = Self.workbookError("bad-not-zip.xlsx")
        #expect(error?.id == "office-not-a-zip")
        #expect(error?.description == "\(Self.fixture("bad-not-zip.xlsx")): error: not a Word or Excel file (it is not a zip archive); save it again as .docx or .xlsx, or give the text export")
    }

    @Test("a zip that is no Office file: the same message from the workbook and the Word reader")
    func zipNotOffice() {
        let error = Self.workbookError("bad-not-excel.xlsx")
        #expect(error?.id == "office-zip-not-office")
        #expect(error?.description == "\(Self.fixture("bad-not-excel.xlsx")): error: a zip archive but not a Word or Excel document (no [Content_Types].xml); save it from Word or Excel as .docx or .xlsx")
        let (_, word) = Catalogue.load(path: Self.fixture("zip-not-word.docx"))
        #expect(word.map(\.id) == ["office-zip-not-office"])
    }

    @Test("a Word document given as realisations names --catalogue")
    func wordAsRealisations() {
        let error = Self.workbookError("catalogue-word.docx")
        #expect(error?.id == "excel-not-a-workbook")
        #expect(error?.description == "\(Self.fixture("catalogue-word.docx")): error: not an Excel workbook (no xl/workbook.xml; a Word catalogue goes to --catalogue); save the realisations from Excel as .xlsx")
    }
}
