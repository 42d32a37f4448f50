/// Messages about the zip container of Word and Excel files (`Catalogue/Reading/OfficeArchive.swift`).
extension Message {
    // MARK: - Office files: the zip container

    public static var notAZip: Message {
        Message(id: "office-not-a-zip",
                "not a Word or Excel file (it is not a zip archive); save it again as .docx or .xlsx, or give the text export",
                id: "bukan berkas Word atau Excel (bukan arsip zip); simpan ulang sebagai .docx atau .xlsx, atau berikan ekspor teksnya")
    }

    public static var zipNotOffice: Message {
        Message(id: "office-zip-not-office",
                "a zip archive but not a Word or Excel document (no [Content_Types].xml); save it from Word or Excel as .docx or .xlsx",
                id: "arsip zip tetapi bukan dokumen Word atau Excel (tidak ada [Content_Types].xml); simpan dari Word atau Excel sebagai .docx atau .xlsx")
    }

    public static func officePartUnreadable(part: String) -> Message {
        Message(id: "office-part-unreadable",
                "the part \(part) cannot be unpacked (the file is damaged); save it again from Word or Excel",
                id: "bagian \(part) tidak dapat dibuka (berkas rusak); simpan ulang dari Word atau Excel")
    }
}
