#ifndef REKRY_NCURSESW_SHIM_H
#define REKRY_NCURSESW_SHIM_H

// The wide-character API stays hidden unless this is defined before curses.h.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// Swift 6 rejects the C globals and function-like macros; these getters stand in for them.
static inline FILE *rekry_stdout(void) { return stdout; }
static inline FILE *rekry_stdin(void) { return stdin; }
static inline attr_t rekry_a_normal(void) { return A_NORMAL; }
static inline attr_t rekry_a_bold(void) { return A_BOLD; }
static inline attr_t rekry_a_reverse(void) { return A_REVERSE; }
static inline attr_t rekry_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rekry_a_dim(void) { return A_DIM; }
static inline int rekry_key_code_yes(void) { return KEY_CODE_YES; }

// Crash guard: restores the terminal from a fatal signal without endwin (not async-signal-safe).
// State lives in function-local statics: file-scope statics in a module header are not emitted for Swift.
struct rekry_guard_state { struct termios termios; int have_termios; char reset[512]; int reset_len; };
static inline struct rekry_guard_state *rekry_guard(void) { static struct rekry_guard_state state; return &state; }

static inline void rekry_crash_handler(int sig) {
    struct rekry_guard_state *g = rekry_guard();
    if (g->have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &g->termios);
    if (g->reset_len > 0) { ssize_t r = write(STDOUT_FILENO, g->reset, (size_t)g->reset_len); (void)r; }
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Saves the terminal modes; call before newterm.
static inline void rekry_save_terminal(void) {
    rekry_guard()->have_termios = tcgetattr(STDIN_FILENO, &rekry_guard()->termios) == 0;
}

static inline void rekry_append_cap(const char *name) {
    char *s = tigetstr((char *)name);
    if (s == NULL || s == (char *)-1) return;
    struct rekry_guard_state *g = rekry_guard();
    size_t n = strlen(s);
    if (g->reset_len + n >= sizeof g->reset) return;
    memcpy(g->reset + g->reset_len, s, n);
    g->reset_len += (int)n;
}

/// Records the reset strings of the current terminal and installs the fatal-signal handlers; call after newterm.
static inline void rekry_install_crash_guard(void) {
    rekry_guard()->reset_len = 0;
    rekry_append_cap("sgr0");
    rekry_append_cap("cnorm");
    rekry_append_cap("rmkx");
    rekry_append_cap("rmcup");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = rekry_crash_handler;
    sa.sa_flags = (int)SA_RESETHAND;
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}

#endif
