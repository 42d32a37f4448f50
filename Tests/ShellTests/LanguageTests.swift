import Catalogue
import Foundation
import Query
import Shell
import Testing

/// Bahasa Indonesia both ways: the language chosen by the locale, `--lang` and `set language`.
@Suite("The language of messages, headers and help")
struct LanguageTests {
    @Test("the locale chooses: LC_ALL, then LC_MESSAGES, then LANG; id_ID is Indonesian")
    func fromEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "id_ID.UTF-8"]) == .indonesian)
        #expect(Language.fromEnvironment(["LANG": "in_ID"]) == .indonesian)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "id_ID.UTF-8"]) == .english)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "id_ID", "LANG": "en_US"]) == .indonesian)
        #expect(Language.fromEnvironment([:]) == .english)
    }

    @Test("set language changes the statements after it, and back")
    func setLanguage() {
        let shell = Shell(keepGoing: true)
        #expect(!shell.run("atur bahasa id; show indicators x; set language en; show indicators x"))
        #expect(shell.err.contains("<query>:1:33: galat: "))
        #expect(shell.err.contains("<query>:1:69: error: "))
        #expect(shell.session.language == .english)
    }

    @Test("set language takes id or en, and says so otherwise")
    func badLanguage() {
        let shell = Shell()
        #expect(!shell.run("set language fr"))
        #expect(shell.err == """
            <query>:1:14: error: expected id or en after 'set language', found 'fr'
            set language fr
                         ^~

            """)
    }
}

@Suite("Messages in Bahasa Indonesia")
struct IndonesianMessageTests {
    @Test("a message reads in the language current where it becomes text")
    func text() {
        let message = Message.unknownField("x", thing: "indicators")
        #expect(message.text == "unknown field 'x' for indicators")
        Language.$current.withValue(.indonesian) {
            #expect(message.text == "kolom 'x' tidak dikenal untuk indicators")
            #expect(Message.didYouMean(["capaian"])?.text == "apakah maksud Anda capaian?")
            #expect(Diagnostic.Severity.error.word == "galat")
        }
    }

    @Test("an error in a session set to Indonesian, rendered whole")
    func diagnostic() {
        let shell = Shell()
        #expect(!shell.run("set language id; show indicators where achievement < \"a\""))
        #expect(shell.err == """
            <query>:1:52: galat: tidak dapat membandingkan 'achievement' (percent) dengan "a" (text)
            set language id; show indicators where achievement < "a"
                                                               ^
                teks dibandingkan dengan teks: tulis nilainya di antara tanda petik, atau bandingkan kolom angka

            """)
    }
}

@Suite("The banner in the session's language")
struct BannerLanguageTests {
    @Test("the banner greets in Indonesian when the session is")
    func banner() {
        let shell = Shell()
        #expect(shell.session.banner().hasSuffix("Type 'help' for help."))
        shell.session.language = .indonesian
        let banner = shell.session.banner()
        #expect(banner.contains(" jabatan, ") && banner.contains(" indikator, periode terakhir 2026-"))
        #expect(banner.hasSuffix("Ketik 'bantuan' untuk bantuan."))
    }
}
