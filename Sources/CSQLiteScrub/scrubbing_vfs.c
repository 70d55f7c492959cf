// The scrubbing VFS for the system SQLite, which holds the register (see scrubbing_vfs_body.h).
#include <sqlite3.h>

#define SCRUB_VFS_FIND sqlite3_vfs_find
#define SCRUB_VFS_REGISTER sqlite3_vfs_register
#define SCRUB_INSTALL rekry_sqlite_install_scrubbing_vfs
#define SCRUB_COUNT rekry_scrubbed_page_count

#include "scrubbing_vfs_body.h"
