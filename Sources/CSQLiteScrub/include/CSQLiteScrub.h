#ifndef REKRY_SQLITE_SCRUB_H
#define REKRY_SQLITE_SCRUB_H

#include <stddef.h>

/// Zeroes every byte of one b-tree page that holds no live content; returns the count of bytes zeroed,
/// 0 for a page that is not a b-tree page, or -1 for a page whose layout does not parse (left as it was).
///
/// Live content is the page header, the cell pointer array, every cell (its local payload and overflow
/// pointer) and each freeblock's four-byte header, which SQLite's allocator walks. Everything else (the
/// unallocated gap, freeblock bodies and fragments) is free space, where SQLite leaves old copies of cells
/// it moved when it rebuilt the page: `secure_delete` zeroes a cell that is deleted, not the copy a
/// rebalance left behind. `header_offset` is 100 on page 1 (the database header comes first), else 0;
/// `usable` is the page size less the reserved bytes at the end of each page.
int rekry_scrub_btree_page(unsigned char *page, int header_offset, int usable);

/// Registers, once, the scrubbing VFS as SQLite's default and returns SQLite's result code.
///
/// It wraps the platform VFS and changes one thing: every page written to a main database file (by a
/// checkpoint or a rollback-journal commit) first passes through `rekry_scrub_btree_page`. WAL frames are
/// written unchanged (their checksums cover the page), and the WAL is truncated by the checkpoint an
/// erasure waits for; so once an erasure's TRUNCATE checkpoint returns, no rebuilt page in either file
/// holds a stale copy of the person. Call it before the first connection opens, after any
/// `sqlite3_config`, since registering a VFS initializes SQLite.
int rekry_sqlite_install_scrubbing_vfs(void);

/// The count of main-database pages the scrubbing VFS has rewritten with free space zeroed (for tests).
long rekry_scrubbed_page_count(void);

#endif
