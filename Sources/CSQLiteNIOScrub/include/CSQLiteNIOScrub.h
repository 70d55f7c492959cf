#ifndef REKRY_SQLITE_NIO_SCRUB_H
#define REKRY_SQLITE_NIO_SCRUB_H

/// Registers, once, the scrubbing VFS as the default of the SQLite inside sqlite-nio (the one that opens the
/// full-text index file) and returns that SQLite's result code. The same VFS as
/// `rekry_sqlite_install_scrubbing_vfs`, for the other library.
int rekry_nio_sqlite_install_scrubbing_vfs(void);

/// The count of main-database pages this library's scrubbing VFS has rewritten with free space zeroed.
long rekry_nio_scrubbed_page_count(void);

#endif
