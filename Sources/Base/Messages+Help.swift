// Help texts in both languages: the shell's topics and the command line's help (kept apart from
// Messages+Shell.swift, which would pass 400 lines with them).

/// The shell's help topics (`help show`, `bantuan set`, ...), each in both languages; the syntax
/// in them is the language's own and stays as it is typed.
extension Message {
    public static var helpShow: Message {
        Message(id: "help-show", """
        show THING [item, ...] [where COND] [for PERIOD] [group by expr, ...] [order by expr [asc|desc], ...] [limit N]
          item      an expression, optionally 'as name': code, achievement, realisation - target as gap
          group by  every column grouped or aggregated: count(*), count(x), sum(x), avg(x), min(x), max(x)
          order by  a column's name or alias, or an expression; missing values sort last
          for       the period; without it, the latest with realisations (realisations: every period)
        Examples:
          show indicators where achievement < 80% order by achievement limit 10
          show indicators bidang, avg(achievement) as average group by bidang order by average desc
          show realisations period, achievement where code = SDIN-1 for 2026

        """, id: """
        tampilkan BENDA [butir, ...] [dimana KONDISI] [untuk PERIODE] [kelompokkan berdasarkan ekspr, ...] [urutkan berdasarkan ekspr [naik|turun], ...] [batas N]
          butir        sebuah ekspresi, boleh dengan 'sebagai nama': kode, capaian, realisasi - target sebagai selisih
          kelompokkan  setiap kolom dikelompokkan atau diagregasi: count(*), count(x), sum(x), avg(x), min(x), max(x)
          urutkan      nama kolom atau aliasnya, atau sebuah ekspresi; nilai kosong diurutkan terakhir
          untuk        periodenya; tanpa itu, periode terakhir yang memiliki realisasi (realisasi: semua periode)
        Contoh:
          show indicators where achievement < 80% order by achievement limit 10
          show indicators bidang, avg(achievement) as average group by bidang order by average desc
          show realisations period, achievement where code = SDIN-1 for 2026

        """)
    }

    public static var helpDescribe: Message {
        Message(id: "help-describe", """
        describe THING                 the fields of a thing, with types and meaning
        describe indicator CODE        the card of one indicator: formula, source, target, achievement
        describe position "TITLE"      the card of one position (title, part of it, or its code)

        """, id: """
        jelaskan BENDA                 kolom-kolom sebuah benda, dengan tipe dan artinya
        jelaskan indikator KODE        kartu satu indikator: formula, sumber, target, capaian
        jelaskan jabatan "NAMA"        kartu satu jabatan (namanya, sebagian namanya, atau kodenya)

        """)
    }

    public static var helpExplain: Message {
        Message(id: "help-explain", """
        explain show ...    the plan of the show, without reading a row: the thing, the period, the
                            filter as a tree, the group by keys, every output column with its type,
                            the order and the limit. Every node of a tree says its type.
        Example:
          explain show indicators bidang, avg(achievement) - 80 as gap group by bidang order by gap

        """, id: """
        rencana tampilkan ...  rencana sebuah tampilkan, tanpa membaca satu baris pun: bendanya, periodenya,
                            saringan sebagai pohon, kunci group by, setiap kolom keluaran dengan
                            tipenya, urutan dan batasnya. Setiap simpul pohon menyebut tipenya.
        Contoh:
          explain show indicators bidang, avg(achievement) - 80 as gap group by bidang order by gap

        """)
    }

    public static var helpOperators: Message {
        Message(id: "help-operators", """
        = != <> < <= > >=        comparison; text compares case-insensitively, units by the unit rule
        in (a, b)  not in (...)  between a and b  contains "x"  like "Jumlah%"  is [not] missing
        and or not ( )           + - * /   (division by zero is missing)
        80% is the number 80. A comparison with a missing value is false.

        """, id: """
        = != <> < <= > >=        perbandingan; teks dibandingkan tanpa membedakan huruf besar, unit dengan aturan unit
        in (a, b)  not in (...)  between a and b  contains "x"  like "Jumlah%"  is [not] missing
        and or not ( )           + - * /   (pembagian dengan nol menjadi kosong)
        80% adalah angka 80. Perbandingan dengan nilai kosong bernilai salah.

        """)
    }

    public static var helpPeriods: Message {
        Message(id: "help-periods", """
        2026-10 (month)  2026-Q3, TW3 2026, Triwulan III 2026 (quarter)
        2026-S1, Semester I 2026 (semester)  2026 (year)  Oktober 2026

        """, id: """
        2026-10 (bulan)  2026-Q3, TW3 2026, Triwulan III 2026 (triwulan)
        2026-S1, Semester I 2026 (semester)  2026 (tahun)  Oktober 2026

        """)
    }

    public static func helpSet(formats: String) -> Message {
        Message(id: "help-set", """
        set format \(formats)   how results are printed
        set period 2026-10 | set period latest   the period of statements without 'for'
        set output "file" | set output stdout     send results to a file (started afresh) until switched back
        set timer on|off                          print how long each statement took
        set width 80 | set width 0                fit results to 80 columns (text wrapped, never cut) | no limit
        set param NAME = VALUE                    a typed parameter for $NAME
        set language id|en                        messages, headers and help in Bahasa Indonesia or English
        set rules lkjip|capped-100|skp-2021       the rule set: capping, bands and score (README, Rule sets)
        set pager on|off                          results taller than the terminal through $PAGER (less -FRX)

        """, id: """
        atur format \(formats)   cara hasil dicetak
        atur periode 2026-10 | atur periode terakhir   periode pernyataan tanpa 'untuk'
        atur keluaran "berkas" | atur keluaran stdout   kirim hasil ke berkas (dimulai baru) sampai dikembalikan
        atur pewaktu nyala|mati                   cetak lama setiap pernyataan berjalan
        atur lebar 80 | atur lebar 0              muatkan hasil dalam 80 kolom (teks dibungkus, tidak dipotong) | tanpa batas
        atur parameter NAMA = NILAI               parameter bertipe untuk $NAMA
        atur bahasa id|en                         pesan, judul kolom dan bantuan dalam Bahasa Indonesia atau Inggris
        atur aturan lkjip|capped-100|skp-2021     aturan penilaian: batas atas, rentang predikat dan skor (README, Rule sets)
        atur halaman nyala|mati                   hasil yang lebih tinggi dari layar lewat $PAGER (less -FRX)

        """)
    }

    public static func helpExport(formats: String, extensions: String) -> Message {
        Message(id: "help-export", """
        export show ... to "file.csv" [format \(formats)]
        Writes the whole result to the file, or nothing: a temporary file is renamed over it at the end.
        The format comes from the extension (\(extensions)) unless given.

        """, id: """
        ekspor tampilkan ... ke "berkas.csv" [format \(formats)]
        Menulis seluruh hasil ke berkas, atau tidak sama sekali: berkas sementara diganti namanya menjadi berkas itu di akhir.
        Formatnya dari ekstensi (\(extensions)) kecuali disebutkan.

        """)
    }

    public static var helpLoad: Message {
        Message(id: "help-load", """
        load catalogue "file"        another catalogue (its organisation and realisations are reset)
        load organisation "file"     an organisation file for the current catalogue
        load realisations "file"     add a realisations/targets file
        Nothing is loaded when a file has errors.

        """, id: """
        muat katalog "berkas"        katalog lain (organisasi dan realisasinya dikosongkan)
        muat organisasi "berkas"     berkas organisasi untuk katalog yang sekarang
        muat realisasi "berkas"      tambahkan berkas realisasi/target
        Tidak ada yang dimuat bila sebuah berkas mengandung galat.

        """)
    }

    public static var helpAliasesTitle: Message {
        Message(id: "help-aliases-title", "Bahasa Indonesia aliases (grammar/aliases.md):", id: "Alias Bahasa Indonesia (grammar/aliases.md):")
    }

    /// `(field)` after a field's alias in `help aliases`.
    public static var helpFieldWord: Message { Message(id: "help-field-word", "field", id: "kolom") }

    public static func helpFieldsTitle(_ thing: String) -> Message {
        Message(id: "help-fields-title", "Fields of \(thing):", id: "Kolom \(thing):")
    }
}

/// The command line's own help (`iki --help`, `iki check --help`), in the language of `--lang`
/// or the locale: each command's abstract and discussion, each option's help. swift-argument-
/// parser builds the help from the command definitions, which read these when they are made.
extension Message {
    public static var cliAbstract: Message {
        Message(id: "cli-abstract", "Query Indikator Kinerja Individu (IKI) catalogues and their realisations.",
                id: "Kueri katalog Indikator Kinerja Individu (IKI) dan realisasinya.")
    }

    public static var cliDiscussion: Message {
        Message(id: "cli-discussion", "Without --catalogue, the bundled catalogue of Dinas Koperasi dan Usaha Mikro, Kabupaten Malang, its organisation file and example realisations for 2026 are used.",
                id: "Tanpa --catalogue, dipakai katalog bawaan Dinas Koperasi dan Usaha Mikro, Kabupaten Malang, berkas organisasinya dan contoh realisasi 2026.")
    }

    public static var runAbstract: Message {
        Message(id: "run-abstract", "Run queries (-c) and scripts; with neither, read statements from standard input.",
                id: "Jalankan kueri (-c) dan skrip; tanpa keduanya, baca pernyataan dari masukan standar.")
    }

    public static var runDiscussion: Message {
        Message(id: "run-discussion", """
        Example: iki -c 'show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%'
        Exit status: 0 on success, 1 when a statement fails, 2 for bad invocation or unreadable input.
        """, id: """
        Contoh: iki -c 'tampilkan indikator dimana bidang = "Fasilitasi Pembiayaan" dan capaian < 80%'
        Status keluar: 0 bila berhasil, 1 bila ada pernyataan yang gagal, 2 bila pemanggilan salah atau masukan tidak terbaca.
        """)
    }

    public static var checkAbstract: Message {
        Message(id: "check-abstract", "Load the catalogue, organisation and realisations; print a summary and every diagnostic.",
                id: "Muat katalog, organisasi dan realisasi; cetak ringkasan dan setiap diagnosis.")
    }

    public static var checkDiscussion: Message {
        Message(id: "check-discussion", "Exit status 0 when there are no errors (warnings allowed), 1 otherwise.",
                id: "Status keluar 0 bila tidak ada galat (peringatan boleh), selain itu 1.")
    }

    public static var templateAbstract: Message {
        Message(id: "template-abstract", "Print a realisations CSV for one period, one row per indicator, target pre-filled where known.",
                id: "Cetak CSV realisasi untuk satu periode, satu baris per indikator, target sudah terisi bila diketahui.")
    }

    public static var organisationAbstract: Message {
        Message(id: "organisation-abstract", "Print the organisation as a tree, each position with its evidence and confidence.",
                id: "Cetak organisasi sebagai pohon, setiap jabatan dengan buktinya dan tingkat keyakinannya.")
    }

    public static var organisationDiscussion: Message {
        Message(id: "organisation-discussion", """
        Unresolved positions are marked 'unresolved', those of low confidence 'check'. With --draft, an \
        organisation CSV (position,unit,parent,note) of exactly those, each with its candidates and \
        evidence in 'note': fill in 'unit' (and 'parent'), then load it with --organisation.
        """, id: """
        Jabatan yang belum terpecahkan ditandai 'unresolved', yang keyakinannya rendah 'check'. Dengan \
        --draft, CSV organisasi (position,unit,parent,note) berisi tepat jabatan-jabatan itu, masing-masing \
        dengan kandidat dan buktinya di 'note': isi 'unit' (dan 'parent'), lalu muat dengan --organisation.
        """)
    }

    public static var lintAbstract: Message {
        Message(id: "lint-abstract", "Check the catalogue's indicators against the SAKIP and SMART-C rules; list each finding with its place.",
                id: "Periksa indikator katalog terhadap aturan SAKIP dan SMART-C; daftar setiap temuan dengan tempatnya.")
    }

    public static var lintDiscussion: Message {
        Message(id: "lint-discussion", "Exit status 1 when a finding is an error (warnings allowed).",
                id: "Status keluar 1 bila ada temuan berupa galat (peringatan boleh).")
    }

    public static var queryOptionHelp: Message {
        Message(id: "query-option-help", "A query to run; statements separated by ';'. Repeatable.",
                id: "Kueri yang dijalankan; pernyataan dipisah ';'. Boleh berulang.")
    }

    public static func formatOptionHelp(_ choices: String) -> Message {
        Message(id: "format-option-help", "Output format: \(choices).", id: "Format keluaran: \(choices).")
    }

    public static var widthOptionHelp: Message {
        Message(id: "width-option-help", "Fit tables to this many columns (text wrapped, never cut); 0 for no limit. Default: the terminal's width on a terminal, no limit in a pipe.",
                id: "Muatkan tabel dalam sekian kolom (teks dibungkus, tidak dipotong); 0 tanpa batas. Bawaan: lebar terminal di terminal, tanpa batas di pipa.")
    }

    public static func shortcutHelp(_ format: String) -> Message {
        Message(id: "shortcut-help", "Shortcut for --format \(format).", id: "Singkatan untuk --format \(format).")
    }

    public static var fileOptionHelp: Message {
        Message(id: "file-option-help", "A script to run (as psql and DuckDB); repeatable, before the script arguments.",
                id: "Skrip yang dijalankan (seperti psql dan DuckDB); boleh berulang, sebelum argumen skrip.")
    }

    public static var runOutputHelp: Message {
        Message(id: "run-output-help", "Write the results to this file, whole or not at all (nothing when a statement fails).",
                id: "Tulis hasil ke berkas ini, utuh atau tidak sama sekali (tidak ada bila sebuah pernyataan gagal).")
    }

    public static var paramOptionHelp: Message {
        Message(id: "param-option-help", "A typed parameter for $name in queries, e.g. --param period=2026-10. Repeatable.",
                id: "Parameter bertipe untuk $nama dalam kueri, mis. --param period=2026-10. Boleh berulang.")
    }

    public static var keepGoingHelp: Message {
        Message(id: "keep-going-help", "After a failing statement, report it and go on; the exit status is still 1.",
                id: "Setelah pernyataan yang gagal, laporkan lalu lanjutkan; status keluar tetap 1.")
    }

    public static var strictHelp: Message {
        Message(id: "strict-help", "Stop before running anything when the data has errors (exit 2); by default the rows with errors are listed and left out.",
                id: "Berhenti sebelum menjalankan apa pun bila data mengandung galat (keluar 2); biasanya baris bergalat didaftar dan ditinggalkan.")
    }

    public static var safeHelp: Message {
        Message(id: "safe-help", "Safe mode, for scripts you did not write (as sqlite3's -safe; also IKI_SAFE=1): load and set output to a file are refused, export and -o write only into --export-dir.",
                id: "Mode aman, untuk skrip yang bukan buatan Anda (seperti -safe sqlite3; juga IKI_SAFE=1): load dan set output ke berkas ditolak, export dan -o hanya menulis ke --export-dir.")
    }

    public static var exportDirHelp: Message {
        Message(id: "export-dir-help", "In safe mode, the folder exports and -o go into; their names must stay inside it.",
                id: "Dalam mode aman, folder tujuan export dan -o; namanya harus tetap di dalamnya.")
    }

    public static var scriptsArgumentHelp: Message {
        Message(id: "scripts-argument-help", "Scripts to run after the -c queries; '-' reads standard input.",
                id: "Skrip yang dijalankan setelah kueri -c; '-' membaca masukan standar.")
    }

    public static var catalogueOptionHelp: Message {
        Message(id: "catalogue-option-help", "Catalogue in the IKI text format or a Word .docx, or a folder of them; repeat for several offices (default: the bundled catalogue).",
                id: "Katalog dalam format teks IKI atau Word .docx, atau folder berisi katalog; ulangi untuk beberapa kantor (bawaan: katalog bawaan).")
    }

    public static var organisationOptionHelp: Message {
        Message(id: "organisation-option-help", "Organisation CSV (position,unit,parent) that completes the inferred organisation.",
                id: "CSV organisasi (position,unit,parent) yang melengkapi organisasi hasil simpulan.")
    }

    public static var realisationsOptionHelp: Message {
        Message(id: "realisations-option-help", "Realisations/targets CSV or Excel workbook (.xlsx), or a folder of them; repeat for several.",
                id: "CSV atau buku kerja Excel (.xlsx) realisasi/target, atau folder berisi berkas itu; ulangi untuk beberapa.")
    }

    public static var decimalCommaHelp: Message {
        Message(id: "decimal-comma-help", "Files use decimal commas and ';' between cells (Excel in Indonesian locale).",
                id: "Berkas memakai koma desimal dan ';' di antara sel (Excel dengan lokal Indonesia).")
    }

    public static var scaleOptionHelp: Message {
        Message(id: "scale-option-help", "Category bands, e.g. \"91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang\".",
                id: "Rentang predikat, mis. \"91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang\".")
    }

    public static func rulesOptionHelp(_ names: String) -> Message {
        Message(id: "rules-option-help", "Rule set: \(names) (default lkjip); see README, Rule sets.",
                id: "Aturan penilaian: \(names) (bawaan lkjip); lihat README, Rule sets.")
    }

    public static var noConfigHelp: Message {
        Message(id: "no-config-help", "Ignore the configuration file (iki.toml or .ikirc here, else $XDG_CONFIG_HOME/iki/iki.toml).",
                id: "Abaikan berkas konfigurasi (iki.toml atau .ikirc di sini, selain itu $XDG_CONFIG_HOME/iki/iki.toml).")
    }

    public static var periodOptionHelp: Message {
        Message(id: "period-option-help", "The period to report, e.g. 2026-10, 2026-Q3, TW3 2026, 2026.",
                id: "Periode yang dilaporkan, mis. 2026-10, 2026-Q3, TW3 2026, 2026.")
    }

    public static var draftHelp: Message {
        Message(id: "draft-help", "Print the organisation CSV of the unresolved and low-confidence positions instead.",
                id: "Cetak CSV organisasi berisi jabatan yang belum terpecahkan dan yang keyakinannya rendah.")
    }

    public static func organisationFormatHelp(_ choices: String) -> Message {
        Message(id: "organisation-format-help", "Output format: \(choices) (default: table; csv with --draft).",
                id: "Format keluaran: \(choices) (bawaan: table; csv dengan --draft).")
    }

    /// The words swift-argument-parser writes around the help, as it writes them (English) and
    /// in Indonesian: the help printed in Indonesian has them replaced. Single words and whole
    /// lines only, which its wrapping never splits.
    public static var helpFrame: [Message] {
        [Message(id: "help-frame-overview", "OVERVIEW:", id: "IKHTISAR:"),
         Message(id: "help-frame-usage", "USAGE:", id: "PENGGUNAAN:"),
         Message(id: "help-frame-arguments", "ARGUMENTS:", id: "ARGUMEN:"),
         Message(id: "help-frame-options", "OPTIONS:", id: "OPSI:"),
         Message(id: "help-frame-subcommands", "SUBCOMMANDS:", id: "SUBPERINTAH:"),
         Message(id: "help-frame-values", "(values:", id: "(nilai:"),
         Message(id: "help-frame-default", "default:", id: "bawaan:"),
         Message(id: "help-frame-help", "Show help information.", id: "Tampilkan informasi bantuan."),
         Message(id: "help-frame-version", "Show the version.", id: "Tampilkan versi."),
         Message(id: "help-frame-see", "See 'iki help <subcommand>' for detailed help.", id: "Lihat 'iki help <subperintah>' untuk bantuan terinci."),
         Message(id: "help-frame-see-command", "  See '", id: "  Lihat '"),
         Message(id: "help-frame-more", "' for more information.", id: "' untuk keterangan lebih lanjut."),
         Message(id: "help-frame-unknown-option", "Unknown option", id: "Opsi tidak dikenal"),
         Message(id: "help-frame-missing-argument", "Missing expected argument", id: "Argumen yang diharapkan tidak ada"),
         Message(id: "help-frame-error", "Error: ", id: "Galat: "),
         Message(id: "help-frame-help-line", "Help:  ", id: "Bantuan:  "),
         Message(id: "help-frame-usage-line", "Usage: ", id: "Penggunaan: ")]
    }
}
