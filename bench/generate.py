#!/usr/bin/env python3
"""Writes benchmark data for iki: IKI catalogues in the bundled catalogue's text format, each
office's organisation file, yearly targets and twelve months of realisations.

Deterministic: the same --seed and tier give the same bytes (every office has its own random
stream, so the big tiers can be written by several processes).

    python3 bench/generate.py --tier small-province [--out bench/data] [--seed 2026] [--jobs N]
    python3 bench/generate.py --tier office,small-province,province
    python3 bench/generate.py --tier national          # ~1.2M positions, ~20M rows: only when asked
    python3 bench/generate.py --tier small-province --verify .build-bench/release/iki
    python3 bench/generate.py --tier province --layout one-file [--from bench/data/province]

Tiers (folder OUT/TIER):

    office          the bundled data (examples/): one office, 54 positions, 75 indicators, 10 months
    small-province  3 regions x 4 offices x ~50 positions (for CI)
    province        40 regions x 45 offices x ~50 positions: ~90k positions, ~130k indicators, ~1.6M rows
    national        514 regions x 47 offices x ~50 positions: ~1.2M positions, ~1.8M indicators, ~20M rows

Each tier folder has:

    catalogues/NAME.txt                  one office's catalogue (signature block names office and region)
    catalogues/NAME.organisation.csv     completes the inferred organisation, so every position has a unit
    realisations/NAME.targets-2026.csv   yearly targets (code,period,target,consolidation,polarity,note)
    realisations/NAME.realisations-2026.csv   months 2026-01..2026-12 (code,period,value,numerator,denominator,note)
    tier.json                            counts, the latest month, sizes

`--layout one-file` writes the tier as folder OUT/TIER-one-file instead, with the same catalogues
and rows but every office's targets and realisations in ONE file, realisations/all-2026.csv
(code,period,value,numerator,denominator,target,consolidation,polarity,note; offices in file-name
order, each office's targets then its months), the shape of a province's monthly export from one
system (the issue's 84 MB CSV), so the benchmark's figures do not depend on one file per office.
With `--from DIR` an existing tier (per-office layout) is converted instead of generated again: its
catalogues folder is linked (a symbolic link), its CSVs concatenated; DIR is only read.

The catalogues are built from the bundled catalogue's positions: every Dinas Koperasi dan Usaha Mikro
reuses its 54 positions (so every region has a Bidang Bina Fasilitasi Pembiayaan); every other
office reuses its Sekretariat positions and gets bidang, seksi, an optional UPT and their staff from
a vocabulary of 47 other kinds of office. The layout varies per office and position the way the
bundled file does: `- 1. JABATAN` / `1. JABATAN` / `3.FUNGSI`, `FUNGSI : -` and empty FUNGSI,
list items `- a.` / `a.` / inline on the heading's line, header cells SASARAN STRATEGIS / SASARAN
SATRATEGIS / KINERJA, objectives numbered `1.` / `a.` / not, rows continuing the objective above,
LaTeX, underlined and `A / B x 100%` ratio formulas, plain counts and `sebanyak N X` targets,
CRLF line ends in some files and a BOM in some, the signature's office name on one or two lines.

Indicator codes are computed here by iki's documented rule (README "Indicator codes" and "Several
offices": position code from the title's initials and last word, FNV-1a letters on a clash, the
office's REGION.OFFICE code in front when several offices are loaded); region and office names are
chosen so that no two offices' codes clash, so no code depends on file paths. `--verify IKI`
compares every code, kind and catalogue target with `iki template` and runs `iki check`.
"""
import argparse
import csv
import io
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXAMPLES = os.path.join(ROOT, "examples")
YEAR = 2026

TIERS = {
    # name: (regions, offices per region, mean positions per office)
    "small-province": (3, 4, 50),
    "province": (40, 45, 53),
    "national": (514, 47, 53),
}

# ----------------------------------------------------------------------------------------------
# iki's indicator code rule (Sources/Catalogue/Building/IndicatorCodes.swift, Merge.swift)

STOP_WORDS = {"DAN", "DI", "KE", "DARI", "YANG", "SERTA", "ATAU", "UNTUK", "DENGAN"}
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def position_code(title):
    words = [w for w in _NON_ALNUM.split(title.upper()) if w and w not in STOP_WORDS]
    if not words:
        return "P"
    return "".join(w[0] for w in words[:-1])[:6] + words[-1][:3]


def _swift_space_join(title):
    # Swift: title.uppercased().split(separator: " ").joined(separator: " ") drops empty pieces.
    return " ".join(p for p in title.upper().split(" ") if p)


def fnv_suffix_exact(title):
    h = 2166136261
    for b in _swift_space_join(title).encode():
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[h % 26] + letters[(h // 26) % 26]


def assign_position_codes(titles):
    taken, codes = set(), []
    for title in titles:
        code = position_code(title)
        if code in taken:
            code += fnv_suffix_exact(title)
            candidate, n = code, 2
            while candidate in taken:
                candidate = code + str(n)
                n += 1
            code = candidate
        taken.add(code)
        codes.append(code)
    return codes


def office_code(office, region):
    return position_code(region) + "." + position_code(office)


# ----------------------------------------------------------------------------------------------
# The seed: the bundled catalogue and organisation file

HEADER_FIELD = re.compile(r"^\s*(?:-\s*)?\d+\s*\.\s*(JABATAN|TUGAS|FUNGSI)\s*:?\s*(.*)$", re.I)
LIST_ITEM = re.compile(r"^(?:-\s*)?[A-Za-z][.)][ \t]+(.*)$")
NUMBERING = re.compile(r"^(?:\d+|[A-Za-z])[.)] (.*)$")
STATED = re.compile(r"\b(?:sebanyak|sejumlah)\s+(\d[\d.,]*)", re.I)


def classify(formula):
    """ratio or count, as iki's FormulaParser reads the cell (the shapes the seed and this generator write)."""
    if "\\frac" in formula:
        return "ratio"
    if re.search(r"<u>.*</u>\s*[xX×*]\s*100\s*%", formula):
        return "ratio"
    if re.search(r" / .*[xX×*]\s*100\s*%", formula):
        return "ratio"
    return "count"


def stated_target(formula):
    m = STATED.search(formula)
    if not m:
        return None
    text = m.group(1).rstrip(".,;:")
    parts = text.split(".")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        text = "".join(parts)
    return float(text.replace(",", "."))


def parse_seed():
    """The bundled catalogue as blocks: title, tasks, functions, rows (objective, indicator, formula, source)."""
    with open(os.path.join(EXAMPLES, "catalogue.txt"), encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    blocks, block, section = [], None, None
    for line in lines:
        stripped = line.strip()
        if stripped.upper() == "INDIKATOR KINERJA INDIVIDU":
            block = {"title": "", "tasks": [], "functions": [], "rows": []}
            blocks.append(block)
            section = "header"
            continue
        if block is None or not stripped:
            if section == "table":
                section = "after"
            continue
        m = HEADER_FIELD.match(line)
        if m:
            field, rest = m.group(1).upper(), m.group(2).strip()
            if field == "JABATAN":
                block["title"] = " ".join(rest.split())
                section = "header"
            else:
                section = "tasks" if field == "TUGAS" else "functions"
                if rest and rest != "-":
                    _add_item(block[section], rest)
            continue
        if "\t" in line and line.split("\t")[1].strip().upper().startswith("INDIKATOR"):
            section = "table"
            continue
        if section == "table" and "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            cells += [""] * (4 - len(cells))
            objective = cells[0]
            m = NUMBERING.match(objective)
            if m:
                objective = m.group(1).strip()
            blocks[-1]["rows"].append((objective, cells[1], cells[2], cells[3]))
            continue
        if section in ("tasks", "functions"):
            _add_item(block[section], stripped)
    return blocks


def _add_item(items, text):
    m = LIST_ITEM.match(text)
    if m:
        items.append(" ".join(m.group(1).split()))
    elif items:
        items[-1] += " " + " ".join(text.split())
    else:
        items.append(" ".join(text.split()))


def seed_organisation():
    with open(os.path.join(EXAMPLES, "organisation.csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


SEED = None
SEED_ORG = None
SEKRETARIAT_TITLES = [
    "SEKRETARIS DINAS", "KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN", "KEPALA SUB BAGIAN KEUANGAN DAN ASET",
    "KEPALA SUB BAGIAN PERENCANAAN, EVALUASI DAN PELAPORAN", "BENDAHARA GAJI", "BENDAHARA PENGELUARAN",
    "PEMROSES DATA KEPAGAWAIAN DAN UMUM", "PENGELOLA BAHAN PERENCANAAN", "PENGADMINISTRASI UMUM", "PRAMU KANTOR",
    "PETUGAS KEAMANAN", "PENGEMUDI", "PENGADMINISTRASI KEPEGAWAIAN", "OPERATOR UMUM DAN KEPEGAWAIAN",
    "TENAGA KEBERSIHAN", "PENGELOLA SISTEM INFORMASI", "PENGADMINISTRASI KEUANGAN", "PENGADMINISTRASI PERENCANAAN DAN PROGRAM",
]
SEKRETARIAT_HEADS = SEKRETARIAT_TITLES[:4]


def load_seed():
    global SEED, SEED_ORG
    if SEED is None:
        SEED = parse_seed()
        SEED_ORG = seed_organisation()
    return SEED, SEED_ORG


# ----------------------------------------------------------------------------------------------
# Vocabulary: kinds of office. (kind word, name, UPT or None, "BIDANG: SEKSI; SEKSI | BIDANG: ...")

OFFICE_TYPES_TEXT = r"""
DINAS|PENDIDIKAN|SATUAN PENDIDIKAN NONFORMAL|PEMBINAAN SEKOLAH DASAR: KURIKULUM SEKOLAH DASAR; PESERTA DIDIK SEKOLAH DASAR; SARANA PRASARANA SEKOLAH DASAR | PEMBINAAN SEKOLAH MENENGAH PERTAMA: KURIKULUM SEKOLAH MENENGAH PERTAMA; PESERTA DIDIK SEKOLAH MENENGAH PERTAMA; SARANA PRASARANA SEKOLAH MENENGAH PERTAMA | PEMBINAAN PENDIDIKAN ANAK USIA DINI: KURIKULUM PENDIDIKAN ANAK USIA DINI; KELEMBAGAAN PENDIDIKAN ANAK USIA DINI | PEMBINAAN KETENAGAAN: GURU; TENAGA KEPENDIDIKAN
DINAS|KESEHATAN|LABORATORIUM KESEHATAN DAERAH|KESEHATAN MASYARAKAT: KESEHATAN KELUARGA DAN GIZI; PROMOSI KESEHATAN; KESEHATAN LINGKUNGAN DAN KESEHATAN KERJA | PENCEGAHAN DAN PENGENDALIAN PENYAKIT: SURVEILANS DAN IMUNISASI; PENCEGAHAN PENYAKIT MENULAR; PENYAKIT TIDAK MENULAR DAN KESEHATAN JIWA | PELAYANAN KESEHATAN: PELAYANAN KESEHATAN PRIMER; PELAYANAN KESEHATAN RUJUKAN; MUTU DAN AKREDITASI | SUMBER DAYA KESEHATAN: KEFARMASIAN; ALAT KESEHATAN; SUMBER DAYA MANUSIA KESEHATAN
DINAS|PEKERJAAN UMUM DAN PENATAAN RUANG|PERALATAN DAN PERBENGKELAN|JALAN DAN JEMBATAN: PEMBANGUNAN JALAN; PEMELIHARAAN JALAN; JEMBATAN | SUMBER DAYA AIR: IRIGASI; SUNGAI DAN PANTAI; AIR BAKU | PENATAAN RUANG: PERENCANAAN TATA RUANG; PEMANFAATAN RUANG; PENGENDALIAN PEMANFAATAN RUANG | CIPTA KARYA: BANGUNAN GEDUNG; AIR MINUM; SANITASI
DINAS|PERUMAHAN DAN KAWASAN PERMUKIMAN||PERUMAHAN: PENYEDIAAN PERUMAHAN; RUMAH TIDAK LAYAK HUNI | KAWASAN PERMUKIMAN: PENATAAN KAWASAN KUMUH; PRASARANA PERMUKIMAN | PERTANAHAN: PENGADAAN TANAH; ADMINISTRASI PERTANAHAN
SATUAN|POLISI PAMONG PRAJA||PENEGAKAN PERATURAN DAERAH: PENYELIDIKAN DAN PENYIDIKAN; PEMBINAAN DAN PENGAWASAN | KETERTIBAN UMUM DAN KETENTRAMAN MASYARAKAT: OPERASI DAN PENGENDALIAN; KERJASAMA KETERTIBAN | PERLINDUNGAN MASYARAKAT: SATUAN PERLINDUNGAN MASYARAKAT; PENANGGULANGAN KEBAKARAN
DINAS|SOSIAL||REHABILITASI SOSIAL: REHABILITASI ANAK DAN LANJUT USIA; REHABILITASI PENYANDANG DISABILITAS | PERLINDUNGAN DAN JAMINAN SOSIAL: PERLINDUNGAN KORBAN BENCANA; JAMINAN SOSIAL KELUARGA | PEMBERDAYAAN SOSIAL DAN PENANGANAN FAKIR MISKIN: PEMBERDAYAAN SOSIAL; PENANGANAN FAKIR MISKIN
DINAS|TENAGA KERJA||PELATIHAN DAN PRODUKTIVITAS: PELATIHAN KERJA; PRODUKTIVITAS TENAGA KERJA | PENEMPATAN TENAGA KERJA: INFORMASI PASAR KERJA; PENEMPATAN DAN PERLUASAN KERJA | HUBUNGAN INDUSTRIAL: PERSYARATAN KERJA; PENYELESAIAN PERSELISIHAN
DINAS|PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK||PEMBERDAYAAN PEREMPUAN: KUALITAS HIDUP PEREMPUAN; PENGARUSUTAMAAN GENDER | PERLINDUNGAN ANAK: PEMENUHAN HAK ANAK; PERLINDUNGAN KHUSUS ANAK | DATA GENDER DAN ANAK: DATA DAN INFORMASI GENDER; PENGELOLAAN DATA ANAK
DINAS|KETAHANAN PANGAN||KETERSEDIAAN PANGAN: CADANGAN PANGAN; DISTRIBUSI PANGAN | KONSUMSI DAN KEAMANAN PANGAN: PENGANEKARAGAMAN KONSUMSI; KEAMANAN PANGAN SEGAR
DINAS|LINGKUNGAN HIDUP|TEMPAT PEMROSESAN AKHIR SAMPAH|TATA LINGKUNGAN: KAJIAN DAMPAK LINGKUNGAN; PEMELIHARAAN LINGKUNGAN | PENGELOLAAN SAMPAH DAN LIMBAH: PENANGANAN SAMPAH; LIMBAH BAHAN BERBAHAYA DAN BERACUN | PENAATAN DAN PENINGKATAN KAPASITAS: PENGADUAN DAN PENEGAKAN HUKUM LINGKUNGAN; PENINGKATAN KAPASITAS LINGKUNGAN
DINAS|KEPENDUDUKAN DAN PENCATATAN SIPIL||PELAYANAN PENDAFTARAN PENDUDUK: IDENTITAS PENDUDUK; PINDAH DATANG PENDUDUK | PELAYANAN PENCATATAN SIPIL: KELAHIRAN DAN KEMATIAN; PERKAWINAN DAN PERCERAIAN | PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN: SISTEM INFORMASI KEPENDUDUKAN; PENGOLAHAN DATA KEPENDUDUKAN
DINAS|PEMBERDAYAAN MASYARAKAT DAN DESA||PEMERINTAHAN DESA: ADMINISTRASI PEMERINTAHAN DESA; APARATUR DESA | PEMBERDAYAAN MASYARAKAT: KELEMBAGAAN MASYARAKAT; PARTISIPASI MASYARAKAT | EKONOMI DESA: BADAN USAHA MILIK DESA; SUMBER DAYA ALAM DESA
DINAS|PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA||PENGENDALIAN PENDUDUK: ADVOKASI DAN PENGGERAKAN; DATA DAN INFORMASI KELUARGA | KELUARGA BERENCANA: JAMINAN PELAYANAN KELUARGA BERENCANA; KESERTAAN KONTRASEPSI | KETAHANAN KELUARGA: PEMBERDAYAAN EKONOMI KELUARGA; KETAHANAN REMAJA
DINAS|PERHUBUNGAN|PENGUJIAN KENDARAAN BERMOTOR|LALU LINTAS: MANAJEMEN LALU LINTAS; PERLENGKAPAN JALAN | ANGKUTAN: ANGKUTAN ORANG; ANGKUTAN BARANG | PERPARKIRAN: PENGELOLAAN PARKIR; PENGAWASAN PARKIR
DINAS|KOMUNIKASI DAN INFORMATIKA||INFORMASI DAN KOMUNIKASI PUBLIK: PENGELOLAAN INFORMASI PUBLIK; KEMITRAAN MEDIA | APLIKASI INFORMATIKA: PENGEMBANGAN APLIKASI; INFRASTRUKTUR TEKNOLOGI INFORMASI | STATISTIK DAN PERSANDIAN: STATISTIK SEKTORAL; PERSANDIAN DAN KEAMANAN INFORMASI
DINAS|PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU||PENANAMAN MODAL: PROMOSI PENANAMAN MODAL; PENGENDALIAN PENANAMAN MODAL | PELAYANAN PERIZINAN: PERIZINAN USAHA; PERIZINAN NON USAHA | PENGADUAN DAN INFORMASI: PENGADUAN LAYANAN; INFORMASI PERIZINAN
DINAS|KEPEMUDAAN DAN OLAHRAGA||KEPEMUDAAN: PEMBERDAYAAN PEMUDA; KEPELOPORAN PEMUDA | OLAHRAGA: PEMBUDAYAAN OLAHRAGA; PRESTASI OLAHRAGA | SARANA DAN PRASARANA OLAHRAGA: PENGELOLAAN GELANGGANG; STANDARDISASI SARANA OLAHRAGA
DINAS|PARIWISATA||DESTINASI PARIWISATA: PENGEMBANGAN DESTINASI; DAYA TARIK WISATA | PEMASARAN PARIWISATA: PROMOSI WISATA; KEMITRAAN PARIWISATA | EKONOMI KREATIF: PENGEMBANGAN EKONOMI KREATIF; FASILITASI PELAKU EKONOMI KREATIF
DINAS|KEBUDAYAAN||CAGAR BUDAYA: PELESTARIAN CAGAR BUDAYA; PERMUSEUMAN | KESENIAN: PEMBINAAN KESENIAN; SEJARAH DAN NILAI TRADISI | BAHASA DAN SASTRA: BAHASA DAERAH; SASTRA DAERAH
DINAS|PERPUSTAKAAN DAN KEARSIPAN||PERPUSTAKAAN: LAYANAN PERPUSTAKAAN; PENGEMBANGAN KOLEKSI | KEARSIPAN: PENGELOLAAN ARSIP; PEMBINAAN KEARSIPAN
DINAS|KELAUTAN DAN PERIKANAN||PERIKANAN TANGKAP: SARANA PERIKANAN TANGKAP; PEMBERDAYAAN NELAYAN | PERIKANAN BUDIDAYA: PRODUKSI BUDIDAYA; KESEHATAN IKAN | PENGOLAHAN DAN PEMASARAN HASIL PERIKANAN: PENGOLAHAN HASIL PERIKANAN; PEMASARAN HASIL PERIKANAN
DINAS|TANAMAN PANGAN DAN HORTIKULTURA||TANAMAN PANGAN: PRODUKSI TANAMAN PANGAN; PERLINDUNGAN TANAMAN PANGAN | HORTIKULTURA: PRODUKSI HORTIKULTURA; PASCA PANEN HORTIKULTURA | PENYULUHAN PERTANIAN: KELEMBAGAAN PENYULUHAN; METODE PENYULUHAN | PRASARANA DAN SARANA PERTANIAN: ALAT DAN MESIN PERTANIAN; PUPUK DAN PESTISIDA
DINAS|PETERNAKAN DAN KESEHATAN HEWAN||PRODUKSI PETERNAKAN: BIBIT DAN PAKAN TERNAK; BUDIDAYA TERNAK | KESEHATAN HEWAN: PENGENDALIAN PENYAKIT HEWAN; PELAYANAN KESEHATAN HEWAN | KESEHATAN MASYARAKAT VETERINER: KEAMANAN PRODUK HEWAN; RUMAH POTONG HEWAN
DINAS|PERKEBUNAN DAN KEHUTANAN||PERKEBUNAN: PRODUKSI PERKEBUNAN; PERLINDUNGAN PERKEBUNAN | KEHUTANAN: REHABILITASI HUTAN DAN LAHAN; HUTAN RAKYAT | PENGOLAHAN HASIL PERKEBUNAN: MUTU HASIL PERKEBUNAN; PEMASARAN HASIL PERKEBUNAN
DINAS|PERINDUSTRIAN DAN PERDAGANGAN||PERINDUSTRIAN: INDUSTRI AGRO; INDUSTRI KECIL DAN MENENGAH | PERDAGANGAN DALAM NEGERI: DISTRIBUSI BARANG; PENGEMBANGAN PASAR | METROLOGI LEGAL: TERA DAN TERA ULANG; PENGAWASAN METROLOGI
DINAS|ENERGI DAN SUMBER DAYA MINERAL||ENERGI: KETENAGALISTRIKAN; ENERGI BARU TERBARUKAN | MINERAL DAN BATUBARA: PENGUSAHAAN MINERAL; PENGAWASAN PERTAMBANGAN | AIR TANAH DAN GEOLOGI: AIR TANAH; GEOLOGI DAN MITIGASI
DINAS|PEMADAM KEBAKARAN DAN PENYELAMATAN||PEMADAMAN: OPERASI PEMADAMAN; SARANA PEMADAMAN | PENYELAMATAN: OPERASI PENYELAMATAN; EVAKUASI | PENCEGAHAN KEBAKARAN: INSPEKSI BANGUNAN; PENYULUHAN KEBAKARAN
DINAS|PERTAMANAN DAN PEMAKAMAN||PERTAMANAN: PEMBANGUNAN TAMAN; PEMELIHARAAN TAMAN | PEMAKAMAN: PENGELOLAAN PEMAKAMAN; PELAYANAN PEMAKAMAN | PENERANGAN JALAN UMUM: PEMASANGAN PENERANGAN; PEMELIHARAAN PENERANGAN
BADAN|PERENCANAAN PEMBANGUNAN DAERAH||PEREKONOMIAN DAN SUMBER DAYA ALAM: PEREKONOMIAN; SUMBER DAYA ALAM | PEMERINTAHAN DAN PEMBANGUNAN MANUSIA: PEMERINTAHAN; PEMBANGUNAN MANUSIA | INFRASTRUKTUR DAN KEWILAYAHAN: INFRASTRUKTUR; KEWILAYAHAN | PENELITIAN DAN PENGEMBANGAN: INOVASI DAERAH; KAJIAN KEBIJAKAN
BADAN|PENGELOLAAN KEUANGAN DAN ASET DAERAH||ANGGARAN: PENYUSUNAN ANGGARAN; PENGENDALIAN ANGGARAN | PERBENDAHARAAN: BELANJA DAERAH; KAS DAERAH | AKUNTANSI: PELAPORAN KEUANGAN DAERAH; VERIFIKASI | ASET: PENATAUSAHAAN ASET; PEMANFAATAN ASET
BADAN|PENDAPATAN DAERAH||PENDATAAN DAN PENETAPAN: PENDATAAN PAJAK; PENETAPAN PAJAK | PENAGIHAN: PENAGIHAN PAJAK; KEBERATAN DAN PENGURANGAN | PAJAK BUMI DAN BANGUNAN: PELAYANAN PAJAK BUMI DAN BANGUNAN; BEA PEROLEHAN HAK ATAS TANAH
BADAN|KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA||MUTASI DAN PROMOSI: MUTASI; PROMOSI JABATAN | PENGEMBANGAN KOMPETENSI: PENDIDIKAN DAN PELATIHAN; SERTIFIKASI KOMPETENSI | PENILAIAN KINERJA DAN PENGHARGAAN: PENILAIAN KINERJA APARATUR; PENGHARGAAN DAN DISIPLIN
BADAN|PENANGGULANGAN BENCANA DAERAH||PENCEGAHAN DAN KESIAPSIAGAAN: PENCEGAHAN BENCANA; KESIAPSIAGAAN | KEDARURATAN DAN LOGISTIK: KEDARURATAN; LOGISTIK | REHABILITASI DAN REKONSTRUKSI: REHABILITASI PASCA BENCANA; REKONSTRUKSI
BADAN|KESATUAN BANGSA DAN POLITIK||IDEOLOGI DAN WAWASAN KEBANGSAAN: IDEOLOGI; WAWASAN KEBANGSAAN | POLITIK DALAM NEGERI: POLITIK; ORGANISASI KEMASYARAKATAN | KEWASPADAAN NASIONAL: KEWASPADAAN DINI; PENANGANAN KONFLIK
BADAN|RISET DAN INOVASI DAERAH||RISET: RISET SOSIAL; RISET TEKNOLOGI | INOVASI: PENGEMBANGAN INOVASI; DIFUSI INOVASI | KEMITRAAN RISET: JARINGAN RISET; PUBLIKASI RISET
DINAS|TRANSMIGRASI||PENYIAPAN PERMUKIMAN: PERENCANAAN KAWASAN TRANSMIGRASI; PEMBANGUNAN PERMUKIMAN TRANSMIGRASI | PENGEMBANGAN KAWASAN: PENGEMBANGAN EKONOMI TRANSMIGRASI; PENGEMBANGAN SOSIAL BUDAYA
DINAS|SUMBER DAYA AIR||IRIGASI DAN RAWA: OPERASI IRIGASI; PEMELIHARAAN RAWA | SUNGAI DAN DANAU: KONSERVASI SUNGAI; PENGENDALIAN BANJIR | AIR BAKU DAN DRAINASE: PENYEDIAAN AIR BAKU; DRAINASE PERKOTAAN
DINAS|BINA MARGA|PENGUJIAN BAHAN KONSTRUKSI|PEMBANGUNAN JALAN DAN JEMBATAN: JALAN KABUPATEN; JEMBATAN KABUPATEN | PRESERVASI JALAN: PEMELIHARAAN RUTIN JALAN; REHABILITASI JALAN | TEKNIK JALAN: PERENCANAAN TEKNIS JALAN; PENGAWASAN MUTU KONSTRUKSI
DINAS|PENGELOLAAN PASAR||PENDAPATAN PASAR: RETRIBUSI PASAR; PENAGIHAN RETRIBUSI | SARANA PASAR: PEMBANGUNAN PASAR; PEMELIHARAAN PASAR | KETERTIBAN PASAR: KEBERSIHAN PASAR; KEAMANAN PASAR
DINAS|PENDIDIKAN ANAK USIA DINI DAN PENDIDIKAN NONFORMAL||KURIKULUM DAN PENILAIAN: KURIKULUM ANAK USIA DINI; PENILAIAN ANAK USIA DINI | KESETARAAN: PAKET A DAN B; PAKET C | KURSUS DAN PELATIHAN: LEMBAGA KURSUS; PELATIHAN KECAKAPAN HIDUP
DINAS|PERTANAHAN DAN TATA RUANG||PENGADAAN TANAH: PERENCANAAN PENGADAAN TANAH; PELAKSANAAN PENGADAAN TANAH | TATA RUANG WILAYAH: RENCANA DETAIL TATA RUANG; PENGAWASAN TATA RUANG | SENGKETA TANAH: PENANGANAN SENGKETA; INVENTARISASI TANAH
DINAS|KEHUTANAN||PERLINDUNGAN HUTAN: PENGAMANAN HUTAN; PENGENDALIAN KEBAKARAN HUTAN | PEMANFAATAN HUTAN: HASIL HUTAN KAYU; HASIL HUTAN BUKAN KAYU | PENYULUHAN KEHUTANAN: KELOMPOK TANI HUTAN; PEMBERDAYAAN MASYARAKAT HUTAN
DINAS|TATA KOTA||PERENCANAAN KOTA: RENCANA TATA BANGUNAN; DESAIN KAWASAN | PENGENDALIAN BANGUNAN: PERSETUJUAN BANGUNAN GEDUNG; PENERTIBAN BANGUNAN | PERTAMANAN KOTA: RUANG TERBUKA HIJAU; DEKORASI KOTA
DINAS|KESEJAHTERAAN RAKYAT||KEAGAMAAN: SARANA IBADAH; PEMBINAAN LEMBAGA KEAGAMAAN | KESEJAHTERAAN MASYARAKAT: BANTUAN SOSIAL KEMASYARAKATAN; PENDIDIKAN MASYARAKAT
BADAN|PENGEMBANGAN WILAYAH||PENGEMBANGAN KAWASAN STRATEGIS: KAWASAN INDUSTRI; KAWASAN PERBATASAN | KERJASAMA DAERAH: KERJASAMA ANTAR DAERAH; KERJASAMA PIHAK KETIGA
BADAN|PENGELOLAAN PERBATASAN||PENGELOLAAN BATAS WILAYAH: PENEGASAN BATAS; PEMETAAN WILAYAH | PEMBANGUNAN KAWASAN PERBATASAN: INFRASTRUKTUR PERBATASAN; EKONOMI PERBATASAN
DINAS|PENGELOLAAN AIR MINUM||PRODUKSI AIR MINUM: PENGOLAHAN AIR; KUALITAS AIR | DISTRIBUSI AIR MINUM: JARINGAN PIPA; SAMBUNGAN RUMAH
"""


def office_types():
    types = [("DINAS", "KOPERASI DAN USAHA MIKRO", None, None)]  # the seed's own office
    for line in OFFICE_TYPES_TEXT.strip().splitlines():
        kind, name, upt, rest = line.split("|", 3)
        bidang = []
        for part in rest.split(" | "):
            head, seksi = part.split(":")
            bidang.append((head.strip(), [s.strip() for s in seksi.split(";")]))
        types.append((kind, name, upt or None, bidang))
    codes = [position_code(k + " " + n) for k, n, _, _ in types]
    assert len(set(codes)) == len(codes), "office kinds must make distinct office codes"
    return types


def unit_key(name):
    words = " ".join(name.lower().split())
    for prefix in ("sub bagian ", "subbagian ", "subbag ", "bidang ", "seksi ", "upt "):
        if words.startswith(prefix):
            words = words[len(prefix):]
            break
    return "".join(w for w in words.split(" ") if w != "bina")


# ----------------------------------------------------------------------------------------------
# Regions and people

REGION_NAMES = """Malang Blitar Kediri Madiun Mojokerto Pasuruan Probolinggo Jember Banyuwangi Bondowoso Situbondo
Lumajang Tulungagung Trenggalek Ponorogo Pacitan Ngawi Magetan Nganjuk Jombang Lamongan Gresik Tuban Bojonegoro
Bangkalan Sampang Pamekasan Sumenep Sidoarjo Surabaya Batu Banyumas Cilacap Purbalingga Banjarnegara Kebumen
Purworejo Wonosobo Magelang Boyolali Klaten Sukoharjo Wonogiri Karanganyar Sragen Grobogan Blora Rembang Pati
Kudus Jepara Demak Semarang Temanggung Kendal Batang Pekalongan Pemalang Tegal Brebes Salatiga Surakarta
Bogor Sukabumi Cianjur Bandung Garut Tasikmalaya Ciamis Kuningan Cirebon Majalengka Sumedang Indramayu Subang
Purwakarta Karawang Bekasi Pangandaran Depok Cimahi Banjar Serang Pandeglang Lebak Tangerang Cilegon Sleman
Bantul Gunungkidul Kulon_Progo Badung Gianyar Klungkung Bangli Karangasem Buleleng Jembrana Tabanan Denpasar
Lombok_Barat Lombok_Tengah Lombok_Timur Sumbawa Dompu Bima Mataram Kupang Belu Alor Ende Sikka Manggarai Ngada
Sumba_Timur Sumba_Barat Agam Pasaman Solok Sijunjung Dharmasraya Pesisir_Selatan Padang_Pariaman Tanah_Datar
Lima_Puluh_Kota Kampar Bengkalis Indragiri_Hulu Indragiri_Hilir Pelalawan Siak Rokan_Hulu Rokan_Hilir Kuantan_Singingi
Deli_Serdang Langkat Karo Simalungun Asahan Labuhanbatu Tapanuli_Utara Tapanuli_Tengah Tapanuli_Selatan Nias
Mandailing_Natal Dairi Toba Samosir Aceh_Besar Pidie Bireuen Aceh_Utara Aceh_Timur Aceh_Tengah Gayo_Lues Nagan_Raya
Ogan_Komering_Ilir Ogan_Komering_Ulu Muara_Enim Lahat Musi_Rawas Musi_Banyuasin Banyuasin Lampung_Selatan
Lampung_Tengah Lampung_Utara Lampung_Barat Tanggamus Pringsewu Pesawaran Way_Kanan Tulang_Bawang Mesuji
Ketapang Sambas Sanggau Sintang Kapuas_Hulu Landak Bengkayang Melawi Kotawaringin_Barat Kotawaringin_Timur
Barito_Selatan Barito_Utara Katingan Seruyan Banjarbaru Tapin Tabalong Balangan Kutai_Kartanegara Kutai_Barat
Kutai_Timur Berau Paser Penajam_Paser_Utara Bulungan Nunukan Malinau Gowa Maros Pangkajene Barru Bone Soppeng
Wajo Sidenreng_Rappang Pinrang Enrekang Luwu Tana_Toraja Bulukumba Bantaeng Jeneponto Takalar Selayar Minahasa
Bolaang_Mongondow Sangihe Talaud Gorontalo Boalemo Pohuwato Donggala Poso Banggai Tolitoli Buol Parigi_Moutong
Konawe Kolaka Muna Buton Bombana Wakatobi Mamuju Majene Polewali_Mandar Ambon Seram Buru Halmahera Jayapura
Merauke Biak_Numfor Nabire Mimika Sorong Manokwari Fakfak Kaimana"""

FIRST_NAMES = ["Budi", "Siti", "Agus", "Dewi", "Made", "Wayan", "Sri", "Joko", "Rina", "Hendra", "Nur", "Ahmad",
               "Yuli", "Bambang", "Retno", "Eko", "Ratna", "Teguh", "Dian", "Hadi", "Lilik", "Andi", "Puji", "Rudi"]
LAST_NAMES = ["Santoso", "Rahayu", "Wibowo", "Anggraeni", "Susanto", "Lestari", "Hidayat", "Purnomo", "Setiawan",
              "Kurniawan", "Wulandari", "Prasetyo", "Handayani", "Saputra", "Nugroho", "Hartono", "Maulana", "Fitriani"]
RANKS = ["Pembina Utama Muda", "Pembina Utama Madya", "Pembina Tingkat I", "Pembina"]


def region_names(count, rng):
    """`count` region names whose codes (K + initials + three letters) are all different."""
    pool = [w.replace("_", " ").upper() for w in REGION_NAMES.split()]
    rng.shuffle(pool)
    names, codes = [], set()
    candidates = []
    for i, base in enumerate(pool):
        candidates.append(("KOTA " if i % 6 == 5 else "KABUPATEN ") + base)
    syllables = ["BA", "MA", "LA", "SU", "KA", "RA", "JO", "WI", "TA", "NGA", "SI", "PU", "RO", "TU", "DA", "GI",
                 "LO", "MBA", "SE", "WA", "NU", "BE", "TO", "KU"]
    second = ["JAYA", "RAYA", "BARU", "UTARA", "SELATAN", "BARAT", "TIMUR", "TENGAH", "HULU", "HILIR", "PESISIR", "INDAH"]
    while len(candidates) < 20 * count:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice([2, 3]))) + rng.choice(["NG", "N", "", "R", "T"])
        candidates.append("KABUPATEN " + word + " " + rng.choice(second))
    # More names than those give (the national tier): toponyms with a first word, from their own stream.
    extra = random.Random(f"regions/{count}")
    first = ["TANAH", "HULU", "PULAU", "SUNGAI", "BUKIT", "KEPULAUAN", "MUARA", "TELUK", "LEMBAH", "GUNUNG", "BATANG",
             "PESISIR", "RANTAU", "AIR", "DANAU", "WAY"]
    while len(candidates) < 40 * count:
        word = "".join(extra.choice(syllables) for _ in range(extra.choice([2, 3]))) + extra.choice(["NG", "N", "", "R", "T"])
        candidates.append(("KABUPATEN " if extra.random() < 0.8 else "KOTA ") + extra.choice(first) + " " + word)
    for name in candidates:
        code = position_code(name)
        if code in codes or name in names:
            continue
        codes.add(code)
        names.append(name)
        if len(names) == count:
            return names
    raise SystemExit("not enough region names")


def person(rng):
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}".upper()
    before = rng.choice(["", "", "Drs. ", "Dr. ", "Ir. ", "H. ", "Dra. "])
    after = rng.choice(["", ", S.Sos", ", M.Si", ", S.H., M.H.", ", S.T., M.T.", ", M.Pd", ", S.E., M.M."])
    return before + name + after


def nip(rng):
    born = f"{rng.randrange(1965, 1985)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    hired = f"{rng.randrange(1990, 2012)}{rng.randrange(1, 13):02d}"
    return f"NIP. {born} {hired} {rng.randrange(1, 3)} {rng.randrange(1, 20):03d}"


# ----------------------------------------------------------------------------------------------
# Positions and indicators of generated offices

def cap(text):
    return text.lower()


def ratio_formula(rng, numerator, denominator):
    style = rng.random()
    if style < 0.6:
        return f"$\\frac{{\\text{{{numerator}}}}}{{\\text{{{denominator}}}}} \\times 100\\%$"
    if style < 0.8:
        words = numerator.split(" ")
        cut = max(1, len(words) // 2)
        return f"{' '.join(words[:cut])} <u>{' '.join(words[cut:])}</u> x 100% {denominator}"
    return f"{numerator} / {denominator} x 100%"


def indicators_for(rng, subject, role, count):
    """`count` rows (objective, indicator, formula, source, extra) about `subject` (a unit name, lower case)."""
    s = subject
    objectives = [f"Meningkatnya kualitas pelayanan {s}", f"Meningkatnya kinerja {s}", f"Terlaksananya program {s} tepat waktu",
                  f"Meningkatnya tertib administrasi {s}"]
    options = [
        ("ratio", f"Persentase kegiatan {s} yang terlaksana sesuai rencana", f"Jumlah kegiatan {s} yang terlaksana", f"Jumlah kegiatan {s} yang direncanakan"),
        ("ratio", f"Persentase dokumen {s} yang selesai tepat waktu", f"Jumlah dokumen {s} yang selesai tepat waktu", f"Jumlah dokumen {s} yang disusun"),
        ("ratio", f"Persentase pengaduan {s} yang ditindaklanjuti", f"Jumlah pengaduan {s} yang ditindaklanjuti", f"Jumlah pengaduan {s} yang diterima"),
        ("ratio", f"Persentase sasaran {s} yang tercapai", f"Jumlah sasaran {s} yang tercapai", f"Jumlah sasaran {s} yang ditetapkan"),
        ("count", f"Jumlah laporan {s} yang disusun tepat waktu", None, None),
        ("count", f"Jumlah kegiatan pembinaan {s}", None, None),
        ("count", f"Jumlah data {s} yang diolah", None, None),
        ("target", f"Jumlah peserta bimbingan teknis {s}", "orang", None),
        ("target", f"Jumlah dokumen {s} yang diverifikasi", "dokumen", None),
        ("negative", f"Jumlah temuan pemeriksaan {s} yang belum ditindaklanjuti", None, None),
        ("stock", f"Jumlah aplikasi {s} yang dikelola", None, None),
    ]
    if role == "head":
        options = options[:6] + options[9:10]
    picked = rng.sample(options, count)
    rows = []
    objective = rng.choice(objectives)
    for kind, name, a, b in picked:
        if rng.random() < 0.3:
            objective = rng.choice(objectives)
        source = rng.choice([f"Data {subject.title()}", f"Laporan {subject.title()}", f"Subbag Perencanaan - dokumen {s}", f"Aplikasi {s}"])
        extra = {}
        if kind == "ratio":
            formula = ratio_formula(rng, a, b)
        elif kind == "target":
            n = rng.choice([24, 36, 48, 60, 120, 125, 180, 240])
            formula = f"{name} {rng.choice(['sebanyak', 'sejumlah'])} {n} {a}"
            extra["stated"] = float(n)
        else:
            formula = name if rng.random() < 0.7 else f"{name} selama satu tahun"
            if kind == "negative":
                extra["polarity"] = "negative"
            if kind == "stock":
                extra["stock"] = True
        rows.append((objective, name, formula, source, extra))
    return rows


def n_indicators(rng):
    r = rng.random()
    return 1 if r < 0.6 else 2 if r < 0.92 else 3


def tasks_for(rng, title_unit, superior):
    verbs = ["Menyiapkan bahan", "Melaksanakan", "Menyusun rencana", "Melakukan monitoring dan evaluasi", "Mengumpulkan dan mengolah data",
             "Menyusun laporan", "Melakukan koordinasi"]
    tasks = [f"{v} kegiatan {title_unit} sesuai dengan ketentuan yang berlaku" for v in rng.sample(verbs, rng.randrange(2, 5))]
    tasks.append(f"Melaksanakan tugas lain yang diberikan oleh {superior} sesuai dengan bidang tugasnya.")
    return tasks


def functions_for(rng, title_unit):
    if rng.random() < 0.6:
        return []
    return [f"{v} {title_unit}" for v in rng.sample(["Perumusan kebijakan teknis", "Pelaksanaan kebijakan", "Pelaksanaan evaluasi dan pelaporan",
                                                      "Pelaksanaan administrasi"], rng.randrange(1, 4))]


STAFF = ["PENGOLAH DATA {}", "ANALIS {}", "PENGELOLA {}", "PENGADMINISTRASI {}", "PENGELOLA DATA SEKSI {}", "PELAKSANA {}"]


def generated_office(rng, kind, name, upt, bidang_list, mean_positions):
    """Positions (dicts) and organisation rows of one office of a generated kind."""
    seed_blocks, seed_org = load_seed()
    by_title = {b["title"]: b for b in seed_blocks}
    org_by_title = {r["position"]: r for r in seed_org if r["position"]}
    word = kind.title()  # Dinas, Badan, Satuan
    positions, org = [], []

    def seed_block(title):
        b = by_title[title]
        fix = (lambda t: t.replace("Dinas", word).replace("DINAS", kind)) if kind != "DINAS" else (lambda t: t)
        return {"title": fix(b["title"]), "tasks": [fix(t) for t in b["tasks"]], "functions": [fix(t) for t in b["functions"]],
                "rows": [(o, i, f, s, {}) for o, i, f, s in b["rows"]]}

    # Sekretariat: the seed's heads and a sample of its staff.
    staff = [t for t in SEKRETARIAT_TITLES[4:]]
    target = max(30, int(rng.gauss(mean_positions, 6)))
    n_staff = rng.randrange(7, len(staff) + 1)
    for title in SEKRETARIAT_HEADS:
        positions.append(seed_block(title))
    for title in sorted(rng.sample(staff, n_staff), key=staff.index):
        positions.append(seed_block(title))
        org.append((title, org_by_title[title]["unit"], ""))

    keys = {unit_key(u) for u in ("Sekretariat", "Sub Bagian Umum dan Kepegawaian", "Sub Bagian Keuangan dan Aset",
                                  "Sub Bagian Perencanaan, Evaluasi dan Pelaporan")}
    budget = target - len(positions) - (4 if upt else 0)
    per_seksi = max(1, round((budget - len(bidang_list)) / max(1, sum(len(s) for _, s in bidang_list)) - 1))
    for b, seksi_list in bidang_list:
        keys.add(unit_key("Bidang " + b))
        kabid = f"KEPALA BIDANG {b}"
        positions.append({"title": kabid, "tasks": tasks_for(rng, "bidang " + cap(b), f"Kepala {word}"),
                          "functions": functions_for(rng, "bidang " + cap(b)),
                          "rows": indicators_for(rng, "bidang " + cap(b), "head", n_indicators(rng))})
        for s in seksi_list:
            keys.add(unit_key("Seksi " + s))
            kasi = f"KEPALA SEKSI {s}"
            positions.append({"title": kasi, "tasks": tasks_for(rng, "seksi " + cap(s), f"Kepala Bidang {b.title()}"),
                              "functions": functions_for(rng, "seksi " + cap(s)),
                              "rows": indicators_for(rng, cap(s), "head", n_indicators(rng))})
            org.append(("", f"Seksi {s.title()}", f"Bidang {b.title()}"))
            n = max(0, per_seksi + rng.choice([-1, 0, 0, 1]))
            for pattern in rng.sample(STAFF, min(n, len(STAFF))):
                title = pattern.format(s)
                positions.append({"title": title, "tasks": tasks_for(rng, cap(s), f"Kepala Seksi {s.title()}"),
                                  "functions": [], "rows": indicators_for(rng, cap(s), "staff", n_indicators(rng))})
                org.append((title, f"Seksi {s.title()}", ""))
    if upt:
        keys.add(unit_key("UPT " + upt))
        keys.add(unit_key("Sub Bagian Tata Usaha"))
        positions.append({"title": f"KEPALA UPT {upt}", "tasks": tasks_for(rng, "UPT " + cap(upt), f"Kepala {word}"),
                          "functions": [], "rows": indicators_for(rng, "UPT " + cap(upt), "head", n_indicators(rng))})
        positions.append({"title": f"KEPALA SUB BAGIAN TATA USAHA UPT {upt}", "tasks": tasks_for(rng, "tata usaha UPT", f"Kepala UPT {upt.title()}"),
                          "functions": [], "rows": indicators_for(rng, "tata usaha UPT " + cap(upt), "head", n_indicators(rng))})
        for pattern in rng.sample(["PENGOLAH DATA UPT {}", "TEKNISI UPT {}"], 2):
            title = pattern.format(upt)
            positions.append({"title": title, "tasks": tasks_for(rng, "UPT " + cap(upt), f"Kepala UPT {upt.title()}"),
                              "functions": [], "rows": indicators_for(rng, cap(upt), "staff", n_indicators(rng))})
            org.append((title, f"UPT {upt.title()}", ""))
    n_units = 4 + sum(1 + len(s) for _, s in bidang_list) + (2 if upt else 0)
    assert len(keys) == n_units, f"unit names of {name} are not distinct"
    return positions, org


def koperasi_office():
    seed_blocks, seed_org = load_seed()
    positions = [{"title": b["title"], "tasks": list(b["tasks"]), "functions": list(b["functions"]),
                  "rows": [(o, i, f, s, {}) for o, i, f, s in b["rows"]]} for b in seed_blocks]
    org = [(r["position"], r["unit"], r["parent"]) for r in seed_org]
    return positions, org


# ----------------------------------------------------------------------------------------------
# Writing a catalogue with the seed's variations

def write_catalogue(rng, positions, kind, name, region, head, index):
    out = ["", ""]
    # Some files with CRLF, some with a BOM; the second and third office of every tier for sure.
    crlf = rng.random() < 0.12 or index == 1
    bom = rng.random() < 0.1 or index == 2
    office_style = rng.random()
    for p in positions:
        dash = rng.random() < 0.12
        tight = rng.random() < 0.06
        item_style = rng.choice(["dash", "plain", "plain", "indent"])
        inline = rng.random() < 0.35

        def heading(n, field):
            prefix = "- " if dash else ""
            gap = "" if (tight and field == "FUNGSI") else " "
            return f"{prefix}{n}.{gap}{field} :"

        def items(field_line, entries):
            letters = "abcdefghijklmnopqrstuvwxyz"
            lines = []
            for k, text in enumerate(entries):
                marker = f"{letters[k % 26]}. {text}"
                if k == 0 and inline:
                    lines.append(f"{field_line} {marker}")
                    continue
                if k == 0:
                    lines.append(field_line)
                lines.append({"dash": f" - {marker}", "plain": marker, "indent": f" {marker}"}[item_style])
            return lines

        out += ["INDIKATOR KINERJA INDIVIDU", "", f"{heading(1, 'JABATAN')} {p['title']}"]
        out += items(heading(2, "TUGAS"), p["tasks"]) if p["tasks"] else [heading(2, "TUGAS")]
        if p["functions"]:
            out += items(heading(3, "FUNGSI"), p["functions"])
        else:
            out.append(heading(3, "FUNGSI") + (" -" if rng.random() < 0.6 else ""))
        out.append("")
        first = rng.choices(["SASARAN STRATEGIS", "SASARAN SATRATEGIS", "KINERJA"], [0.88, 0.06, 0.06])[0]
        out.append(f"{first}\tINDIKATOR KINERJA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA")
        numbering = rng.choices(["1", "none", "a"], [0.6, 0.3, 0.1])[0]
        previous, k = None, 0
        for objective, indicator, formula, source, _ in p["rows"]:
            if not objective or objective == previous:
                first_cell = ""  # continues the objective above
            else:
                k += 1
                first_cell = {"1": f"{k}. {objective}", "none": objective, "a": f"{'abcdefghij'[(k - 1) % 10]}. {objective}"}[numbering]
            previous = objective or previous
            out.append(f"{first_cell}\t{indicator}\t{formula}\t{source}")
        out.append("")
    office_words = f"{kind} {name}"
    if office_style < 0.5:
        out += [f"KEPALA {kind}", name]
    else:
        out += [f"KEPALA {office_words}"]
    out += [region, "", "", "", head["name"], "", head["rank"], "", head["nip"]]
    text = ("\r\n" if crlf else "\n").join(out)
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


# ----------------------------------------------------------------------------------------------
# Targets and realisations (the bundled generator's model, twelve months)

STOCK_WORDS = ("Gedung", "Mobil Dinas", "aplikasi")


def number(x):
    return f"{x:.2f}".rstrip("0").rstrip(".")


def realisation_rows(rng, indicators, months):
    """indicators: (code, kind, name, stated target or None, extra). Returns (targets, realisations) rows."""
    targets, rows = [], []
    for code, kind, name, stated, extra in indicators:
        level = rng.choice([0.55, 0.65, 0.72, 0.78]) if rng.random() < 0.27 else rng.uniform(0.85, 1.12)
        stock = kind == "count" and (extra.get("stock") or any(w.lower() in name.lower() for w in STOCK_WORDS)) and stated is None
        negative = extra.get("polarity") == "negative" and stated is None and kind == "count"
        if kind == "ratio":
            yearly = rng.choice([90, 95, 100, 100])
            targets.append([code, str(YEAR), number(yearly), "", "", "target in percent"])
        elif stock:
            yearly = rng.choice([1, 2, 3, 4])
            targets.append([code, str(YEAR), number(yearly), "average", "", "a state, not a flow: the year is the monthly average"])
        elif stated is not None:
            yearly = stated  # stated in the catalogue; iki takes it from there
        elif negative:
            yearly = rng.choice([12, 24, 36])
            targets.append([code, str(YEAR), number(yearly), "", "negative", "smaller is better"])
        else:
            yearly = rng.choice([12, 24, 36, 48, 60, 120, 240])
            targets.append([code, str(YEAR), number(yearly), "", "", ""])
        missing_month = rng.randrange(1, months + 1) if rng.random() < 0.25 else None
        unreported_month = rng.randrange(1, months + 1) if rng.random() < 0.2 else None
        for month in range(1, months + 1):
            period = f"{YEAR}-{month:02d}"
            if month == missing_month:
                continue
            if month == unreported_month:
                rows.append([code, period, "", "", "", "belum dilaporkan"])
                continue
            noise = rng.uniform(0.85, 1.15)
            if kind == "ratio":
                denominator = rng.randrange(8, 160)
                share = min(1.0, yearly / 100 * level * noise)
                rows.append([code, period, "", str(round(denominator * share)), str(denominator), ""])
            elif stock:
                rows.append([code, period, str(max(0, round(yearly * min(1.0, level * noise)))), "", "", ""])
            elif negative:
                rows.append([code, period, str(max(0, round(yearly / 12 * (2 - level) * noise))), "", "", ""])
            else:
                rows.append([code, period, str(max(0, round(yearly / 12 * level * noise))), "", "", ""])
    return targets, rows


def csv_bytes(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


# ----------------------------------------------------------------------------------------------
# One office, start to finish (runs in a worker)

def make_office(job):
    seed, tier, index, region, kind, name, upt, bidang, mean_positions, folders, several = job
    rng = random.Random(f"{seed}/{tier}/{index}")
    if bidang is None:
        positions, org = koperasi_office()
    else:
        positions, org = generated_office(rng, kind, name, upt, bidang, mean_positions)
    head = {"name": person(rng), "rank": rng.choice(RANKS), "nip": nip(rng)}
    catalogue = write_catalogue(rng, positions, kind, name, region, head, index)
    prefix = office_code(f"{kind} {name}", region) + "." if several else ""
    codes = assign_position_codes([p["title"] for p in positions])
    indicators = []
    for p, code in zip(positions, codes):
        for k, (objective, indicator, formula, source, extra) in enumerate(p["rows"], start=1):
            indicators.append((f"{prefix}{code}-{k}", classify(formula), indicator, stated_target(formula), extra))
    targets, rows = realisation_rows(rng, indicators, 12)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{region} {kind} {name}".lower()).strip("-")
    paths = {
        "catalogue": os.path.join(folders["catalogues"], slug + ".txt"),
        "organisation": os.path.join(folders["catalogues"], slug + ".organisation.csv"),
        "targets": os.path.join(folders["realisations"], slug + ".targets-2026.csv"),
        "realisations": os.path.join(folders["realisations"], slug + ".realisations-2026.csv"),
    }
    with open(paths["catalogue"], "wb") as f:
        f.write(catalogue)
    with open(paths["organisation"], "wb") as f:
        f.write(csv_bytes(["position", "unit", "parent"], org))
    with open(paths["targets"], "wb") as f:
        f.write(csv_bytes(["code", "period", "target", "consolidation", "polarity", "note"], targets))
    with open(paths["realisations"], "wb") as f:
        f.write(csv_bytes(["code", "period", "value", "numerator", "denominator", "note"], rows))
    return {
        "positions": len(positions), "indicators": len(indicators), "rows": len(rows) + len(targets),
        "realisation_rows": len(rows), "target_rows": len(targets), "catalogue_bytes": len(catalogue),
    }


# ----------------------------------------------------------------------------------------------
# Tiers

def folders_for(out, tier, fresh=True):
    base = os.path.join(out, tier)
    if fresh and os.path.exists(base):
        shutil.rmtree(base)
    folders = {"base": base, "catalogues": os.path.join(base, "catalogues"), "realisations": os.path.join(base, "realisations")}
    for path in folders.values():
        os.makedirs(path, exist_ok=True)
    return folders


def sizes(folder, suffix):
    return sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder) if n.endswith(suffix))


def write_tier_json(folders, info):
    info["catalogue_bytes"] = sizes(folders["catalogues"], ".txt")
    info["organisation_bytes"] = sizes(folders["catalogues"], ".organisation.csv")
    info["realisations_bytes"] = sizes(folders["realisations"], ".csv")
    with open(os.path.join(folders["base"], "tier.json"), "w") as f:
        json.dump(info, f, indent=2, sort_keys=True)
        f.write("\n")


def office_tier(out):
    folders = folders_for(out, "office")
    name = "kabupaten-malang-dinas-koperasi-dan-usaha-mikro"
    shutil.copy(os.path.join(EXAMPLES, "catalogue.txt"), os.path.join(folders["catalogues"], name + ".txt"))
    shutil.copy(os.path.join(EXAMPLES, "organisation.csv"), os.path.join(folders["catalogues"], name + ".organisation.csv"))
    shutil.copy(os.path.join(EXAMPLES, "targets-2026.csv"), os.path.join(folders["realisations"], name + ".targets-2026.csv"))
    shutil.copy(os.path.join(EXAMPLES, "realisations-2026.csv"), os.path.join(folders["realisations"], name + ".realisations-2026.csv"))
    latest, rows, indicators = None, 0, set()
    for file in sorted(os.listdir(folders["realisations"])):
        with open(os.path.join(folders["realisations"], file), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows += 1
                indicators.add(row["code"])
                reported = row.get("value") or (row.get("numerator") and row.get("denominator"))
                if reported and len(row["period"]) == 7 and (latest is None or row["period"] > latest):
                    latest = row["period"]
    blocks, _ = load_seed()
    write_tier_json(folders, {"tier": "office", "offices": 1, "regions": 1, "positions": len(blocks),
                              "indicators": sum(len(b["rows"]) for b in blocks), "rows": rows, "latest": latest,
                              "seed": None, "months": 10})
    return folders


def generated_tier(out, tier, seed, jobs):
    regions_n, offices_n, mean_positions = TIERS[tier]
    rng = random.Random(f"{seed}/{tier}")
    regions = region_names(regions_n, rng)
    types = office_types()
    assert offices_n <= len(types)
    folders = folders_for(out, tier)
    work = []
    for r, region in enumerate(regions):
        # Every region has the Dinas Koperasi (the bidang of the mission's query); the rest are sampled.
        chosen = [types[0]] + rng.sample(types[1:], offices_n - 1)
        for kind, name, upt, bidang in chosen:
            work.append((seed, tier, len(work), region, kind, name, upt, bidang, mean_positions, folders, True))
    totals = {"positions": 0, "indicators": 0, "rows": 0, "realisation_rows": 0, "target_rows": 0}
    if jobs > 1 and len(work) > 8:
        with multiprocessing.Pool(jobs) as pool:
            results = pool.imap_unordered(make_office, work, chunksize=8)
            for k, result in enumerate(results, 1):
                for key in totals:
                    totals[key] += result[key]
                if k % 500 == 0:
                    print(f"  {tier}: {k}/{len(work)} offices", file=sys.stderr)
    else:
        for job in work:
            result = make_office(job)
            for key in totals:
                totals[key] += result[key]
    info = dict(totals, tier=tier, seed=seed, regions=regions_n, offices=len(work), latest=f"{YEAR}-12", months=12)
    write_tier_json(folders, info)
    return folders


def verify(folders, iki):
    """Codes, kinds and catalogue targets against `iki template`; `iki check` must report 0 errors."""
    catalogues, realisations = folders["catalogues"], folders["realisations"]
    template = subprocess.run([iki, "template", "--period", str(YEAR), "--catalogue", catalogues],
                              check=True, capture_output=True, text=True).stdout
    iki_rows = {r["code"]: (r["kind"], r["target"]) for r in csv.DictReader(io.StringIO(template))}
    ours = {}
    for file in os.listdir(realisations):
        if file.endswith(".realisations-2026.csv") or file.endswith(".targets-2026.csv"):
            with open(os.path.join(realisations, file), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    ours[row["code"]] = True
    unknown = [c for c in ours if c not in iki_rows]
    if unknown:
        raise SystemExit(f"verify: {len(unknown)} generated codes unknown to iki, e.g. {unknown[:5]}")
    # An indicator without a yearly target in the files has one stated in the catalogue.
    with_file_target = set()
    for file in os.listdir(realisations):
        with open(os.path.join(realisations, file), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row.get("target"):
                    with_file_target.add(row["code"])
    no_target = [c for c, (_, target) in iki_rows.items() if c not in with_file_target and not target]
    if no_target:
        raise SystemExit(f"verify: {len(no_target)} indicators have no target anywhere, e.g. {no_target[:5]}")
    check = subprocess.run([iki, "check", "--catalogue", catalogues, "--realisations", realisations], capture_output=True, text=True)
    summary = check.stdout.strip().splitlines()
    if check.returncode != 0 or not summary or not summary[-1].startswith("diagnostics: 0 errors"):
        sys.stderr.write(check.stderr[-4000:])
        raise SystemExit(f"verify: iki check failed: {summary[-1] if summary else check.returncode}")
    print(f"verify {folders['base']}: {len(iki_rows)} indicators, every generated code known; {summary[-1]}", file=sys.stderr)


ONE_FILE_COLUMNS = ["code", "period", "value", "numerator", "denominator", "target", "consolidation", "polarity", "note"]


def one_file(source, base):
    """`source` (a tier in the per-office layout) as `base` with every realisation and target row in
    one CSV; the catalogues folder a symbolic link to the source's. Rows are copied as text, column
    by column, so values are the same bytes; a column a file lacks is empty."""
    if os.path.exists(base):
        shutil.rmtree(base)
    os.makedirs(os.path.join(base, "realisations"))
    os.symlink(os.path.abspath(os.path.join(source, "catalogues")), os.path.join(base, "catalogues"))
    folder = os.path.join(source, "realisations")
    files = sorted(n for n in os.listdir(folder) if n.endswith(".csv") and not n.startswith("."))
    # Each office's targets before its months, as a person merging the exports would.
    files.sort(key=lambda n: (n.rsplit(".", 2)[0], 0 if ".targets-" in n else 1))
    rows = 0
    with open(os.path.join(base, "realisations", "all-2026.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(ONE_FILE_COLUMNS)
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
                reader = csv.reader(f)
                header = [c.strip().lower() for c in next(reader)]
                unknown = [c for c in header if c not in ONE_FILE_COLUMNS]
                if unknown:
                    raise SystemExit(f"{name}: columns {unknown} have no place in the one-file layout")
                where = [header.index(c) if c in header else None for c in ONE_FILE_COLUMNS]
                for row in reader:
                    if not any(cell.strip() for cell in row):
                        continue
                    writer.writerow(["" if k is None or k >= len(row) else row[k] for k in where])
                    rows += 1
    with open(os.path.join(source, "tier.json")) as f:
        info = json.load(f)
    if info["rows"] != rows:
        raise SystemExit(f"one-file: {rows} rows written, {source}/tier.json counts {info['rows']}")
    info["layout"] = "one-file"
    info["realisations_bytes"] = sizes(os.path.join(base, "realisations"), ".csv")
    with open(os.path.join(base, "tier.json"), "w") as f:
        json.dump(info, f, indent=2, sort_keys=True)
        f.write("\n")
    return {"base": base, "catalogues": os.path.join(base, "catalogues"), "realisations": os.path.join(base, "realisations")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tier", required=True, help="office, small-province, province, national (comma-separated)")
    parser.add_argument("--out", default=os.path.join(HERE, "data"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--verify", metavar="IKI", help="check codes and load with this iki binary")
    parser.add_argument("--layout", choices=["per-office", "one-file"], default="per-office",
                        help="one-file: every office's targets and realisations in one CSV, folder OUT/TIER-one-file")
    parser.add_argument("--from", dest="source", metavar="DIR",
                        help="with --layout one-file and one tier: convert this existing tier folder instead of generating")
    args = parser.parse_args()
    if args.source and (args.layout != "one-file" or "," in args.tier):
        raise SystemExit("--from converts one tier to --layout one-file")
    for tier in args.tier.split(","):
        if tier != "office" and tier not in TIERS and not args.source:
            raise SystemExit(f"unknown tier '{tier}'")
        if args.layout == "one-file":
            source = args.source
            if source is None:
                # The per-office tier first (kept beside it), then its rows in one file.
                source = (office_tier(args.out) if tier == "office" else generated_tier(args.out, tier, args.seed, args.jobs))["base"]
            folders = one_file(source, os.path.join(args.out, tier + "-one-file"))
        elif tier == "office":
            folders = office_tier(args.out)
        elif tier in TIERS:
            folders = generated_tier(args.out, tier, args.seed, args.jobs)
        else:
            raise SystemExit(f"unknown tier '{tier}'")
        with open(os.path.join(folders["base"], "tier.json")) as f:
            info = json.load(f)
        print(f"wrote {folders['base']}: {info['offices']} offices, {info['positions']} positions, {info['indicators']} indicators, "
              f"{info['rows']} rows, catalogues {info['catalogue_bytes'] / 1e6:.1f} MB, realisations {info['realisations_bytes'] / 1e6:.1f} MB",
              file=sys.stderr)
        if args.verify:
            verify(folders, args.verify)


if __name__ == "__main__":
    main()
