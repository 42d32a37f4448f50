#!/usr/bin/env python3
"""Builds the Excel fixtures of the tests from the bundled example data (deterministic).

    python3 Tests/Fixtures/office/build_xlsx.py     # from the package root; needs openpyxl

Writes, next to this script:
  realisations-long.xlsx  sheets Realisasi (examples/realisations-2026.csv) and Target
                          (examples/targets-2026.csv), long layout, numbers as numbers
  realisations-wide.xlsx  sheet 2026: code and one column per month (Januari..Oktober); ratios as
                          percentage cells (0.513 shown as 51.3%); sheet Target as in the long one
  dates.xlsx              periods as date cells (mmm-yy, dd/mm/yyyy), a percentage ratio, inline
                          and shared strings, a wide sheet headed Jan/Feb/TW I with a tahun column
  bad-*.xlsx              one problem each: not a zip, a zip that is not Excel, a sheet the
                          workbook names but lacks, a merged header, a date where a code should be,
                          a month header without a year
"""
import csv, datetime, io, os, zipfile
import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober"]


def rows(name):
    with open(os.path.join(ROOT, "examples", name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def number(text):
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def typed_sheet(ws, table, numeric):
    for r, row in enumerate(table):
        ws.append([cell if r == 0 or i not in numeric else number(cell) for i, cell in enumerate(row)])
    ws["A1"].font = Font(bold=True)


def save(wb, name):
    path = os.path.join(HERE, name)
    wb.save(path)
    # openpyxl stamps the time into docProps/core.xml and each entry; rewrite both fixed, so a
    # rebuild gives the same bytes.
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for filename, data in parts:
            if filename == "docProps/core.xml":
                data = b'<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
            z.writestr(zipfile.ZipInfo(filename, (2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def targets_sheet(wb):
    ws = wb.create_sheet("Target")
    typed_sheet(ws, rows("targets-2026.csv"), {2})


def long_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    typed_sheet(ws, rows("realisations-2026.csv"), {2, 3, 4})
    targets_sheet(wb)
    save(wb, "realisations-long.xlsx")


def wide_workbook():
    table = rows("realisations-2026.csv")
    header, data = table[0], table[1:]
    col = {name: i for i, name in enumerate(header)}
    values = {}
    for row in data:
        code, period = row[col["code"]], row[col["period"]]
        month = int(period[5:7])
        if row[col["value"]] != "":
            values[(code, month)] = number(row[col["value"]])
        elif row[col["numerator"]] != "":
            # A ratio as Excel keeps a percentage: the fraction, shown with a % format.
            values[(code, month)] = ("%", float(row[col["numerator"]]) / float(row[col["denominator"]]))
    codes = list(dict.fromkeys(row[col["code"]] for row in data))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026"
    ws.append(["code"] + MONTHS)
    for code in codes:
        ws.append([code])
        r = ws.max_row
        for m in range(1, 11):
            v = values.get((code, m))
            if v is None:
                continue
            cell = ws.cell(row=r, column=m + 1)
            if isinstance(v, tuple):
                cell.value = v[1]
                cell.number_format = "0.0%"
            else:
                cell.value = v
    targets_sheet(wb)
    save(wb, "realisations-wide.xlsx")


def dates_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["code", "period", "value", "numerator", "denominator", "note"])
    ws.append(["KSPER-1", datetime.datetime(2026, 11, 1), 2.5, None, None, "mmm-yy"])
    ws["B2"].number_format = "mmm-yy"
    ws.append(["SDIN-1", datetime.datetime(2026, 11, 1), 0.85, None, None, "85% typed in Excel"])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["C3"].number_format = "0%"
    ws.append(["SDIN-2", "Nopember 2026", None, 45, 50, True])
    ws = wb.create_sheet("Lebar")
    ws.append(["code", "tahun", "Jan", "Feb", "TW I"])
    ws.append(["KSBUKEP-1", 2026, 3, 4, None])
    ws.append(["KSBUKEP-2", 2026, None, None, 12])
    wb.create_sheet("Catatan").append(["dibuat oleh", "Sekretariat"])
    save(wb, "dates.xlsx")


def bad_workbooks():
    with open(os.path.join(HERE, "bad-not-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("code,period,value\nKSPER-1,2026-10,3\n")
    with zipfile.ZipFile(os.path.join(HERE, "bad-not-excel.xlsx"), "w") as z:
        z.writestr(zipfile.ZipInfo("realisasi.csv", (2026, 1, 1, 0, 0, 0)), "code,period,value\n")

    wb = openpyxl.Workbook()
    wb.active.title = "Realisasi"
    wb.active.append(["code", "period", "value"])
    wb.active.append(["KSPER-1", "2026-10", 3])
    wb.create_sheet("Target").append(["code", "period", "target"])
    save(wb, "bad-missing-sheet.xlsx")
    path = os.path.join(HERE, "bad-missing-sheet.xlsx")
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != "xl/worksheets/sheet2.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for filename, data in parts:
            z.writestr(zipfile.ZipInfo(filename, (2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["code", "period", "value"])
    ws.append(["KSPER-1", "2026-10", 3])
    ws.merge_cells("B1:C1")
    save(wb, "bad-merged-header.xlsx")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["code", "period", "value"])
    ws.append(["KSPER-1", "2026-10", 3])
    ws.append([datetime.datetime(2026, 1, 1), "2026-10", 4])
    ws["A3"].number_format = "yyyy-mm-dd"
    save(wb, "bad-date-as-code.xlsx")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["code", "Januari", "Februari"])
    ws.append(["KSPER-1", 3, 4])
    save(wb, "bad-header-without-year.xlsx")


if __name__ == "__main__":
    long_workbook()
    wide_workbook()
    dates_workbook()
    bad_workbooks()
