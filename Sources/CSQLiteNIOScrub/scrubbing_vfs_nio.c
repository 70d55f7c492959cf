// The scrubbing VFS for the SQLite inside sqlite-nio (3.54.1), which holds the full-text index file; the
// same code as the register's (see ../CSQLiteScrub/scrubbing_vfs_body.h), linked to that library's names.
#include "sqlite_nio_sqlite3.h"

#define SCRUB_VFS_FIND sqlite_nio_sqlite3_vfs_find
#define SCRUB_VFS_REGISTER sqlite_nio_sqlite3_vfs_register
#define SCRUB_INSTALL rekry_nio_sqlite_install_scrubbing_vfs
#define SCRUB_COUNT rekry_nio_scrubbed_page_count

#include "../CSQLiteScrub/scrubbing_vfs_body.h"
