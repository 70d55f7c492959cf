import Foundation
import RekryTUI

/// The locale the screen is drawn under, set before ncurses starts.
///
/// A Swedish recruiter who SSHes in brings `LANG=sv_SE.UTF-8`, which the host often has not installed;
/// macOS sends `LC_CTYPE=UTF-8`, which glibc does not know. `setlocale` then fails and leaves the C locale,
/// under which ncursesw drops every non-ASCII letter ("bbe Jrgensen"). So the screen is always drawn under a
/// UTF-8 `LC_CTYPE`: the user's own if it is installed and UTF-8, else `C.UTF-8` (in glibc since 2.35).
/// Whether the *terminal* takes UTF-8 is what the user's settings name: a locale naming UTF-8 (installed or
/// not) says it does; one that names none (`LANG=C`, `POSIX`, a Latin-1 locale) says it may not, and the
/// screen is then sent in ASCII (`AsciiSpelling`), every letter kept as its base letter and every column in
/// place.
enum TerminalLocale {
    /// Sets the process locale for the screen; returns whether the terminal is to be sent UTF-8.
    static func configure(_ env: [String: String]) -> Bool {
        let installed = setlocale(LC_ALL, "") != nil
        if installed, isUTF8() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        return Theme.localeNamesUTF8(env)
    }

    /// Whether the process's `LC_CTYPE` now has the UTF-8 codeset.
    static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }
}
