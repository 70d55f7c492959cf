#ifndef REKRY_SQLITE_TUNING_H
#define REKRY_SQLITE_TUNING_H

/// Turns off SQLite's memory statistics before SQLite initializes; returns SQLite's result code.
///
/// With statistics on (Debian's default), every allocation SQLite makes takes one process-wide mutex, so
/// two connections searching the full-text index on two threads take as long as one. sqlite3_config is
/// variadic and so cannot be called from Swift; it only works before the first connection opens
/// (SQLITE_MISUSE after), which is why the register calls this before it opens anything.
int rekry_sqlite_disable_memory_statistics(void);

#endif
