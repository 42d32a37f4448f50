#!/usr/bin/env python3
"""Checks a workbook iki wrote, as Excel would see it (openpyxl), and fills a template.

    check_xlsx.py audit FILE.xlsx          prints one line per column: name and the cell types seen;
                                           exits 1 if any cell holds a formula
    check_xlsx.py fill TEMPLATE.xlsx OUT   fills `value` (ratios 87.5, counts 1250.5) and saves OUT
"""
import sys
import openpyxl

if sys.argv[1] == "audit":
    ws = openpyxl.load_workbook(sys.argv[2]).active
    header = [c.value for c in ws[1]]
    types = {name: set() for name in header}
    formulas = 0
    for row in ws.iter_rows(min_row=2):
        for name, cell in zip(header, row):
            if cell.value is None:
                continue
            types[name].add(cell.data_type + ("%" if "%" in cell.number_format else ""))
            formulas += cell.data_type == "f"
    for name in header:
        print(name, "".join(sorted(types[name])))
    print("frozen", ws.freeze_panes, "bold", ws["A1"].font.b)
    sys.exit(1 if formulas else 0)
else:
    wb = openpyxl.load_workbook(sys.argv[2])
    ws = wb.active
    header = [c.value for c in ws[1]]
    kind, value = header.index("kind"), header.index("value")
    for row in ws.iter_rows(min_row=2):
        row[value].value = 87.5 if row[kind].value == "ratio" else 1250.5
    wb.save(sys.argv[3])
