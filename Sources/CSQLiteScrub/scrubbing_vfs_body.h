// The scrubbing VFS, written once and compiled twice: by `scrubbing_vfs.c` against the system SQLite, and by
// the CSQLiteNIOScrub target against the SQLite inside sqlite-nio (whose functions carry a `sqlite_nio_`
// prefix; its types and constants are SQLite's own). The includer first includes its SQLite header and
// defines SCRUB_VFS_FIND, SCRUB_VFS_REGISTER, SCRUB_INSTALL (the installer's name) and SCRUB_COUNT (the
// page counter's name).
#include "include/CSQLiteScrub.h"
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

// A shim over the platform VFS. Only main database files get a different io_methods; every other file
// (WAL, journal, temp) is the real file, unwrapped. The wrapped file is the real one followed in memory by
// what the shim keeps: so the shim's sqlite3_file is [ScrubFile][real file of szOsFile bytes].

typedef struct ScrubFile {
    sqlite3_file base;            // must come first: SQLite sees this
    sqlite3_file *real;           // the platform's file, allocated right after this struct
    int page_size;                // 0 until known from the database header
    int reserved;                 // bytes reserved at the end of each page
    unsigned char *scratch;       // one page, the copy that is scrubbed before it is written
} ScrubFile;

static sqlite3_vfs scrub_vfs;
static sqlite3_vfs *platform_vfs;
static sqlite3_io_methods scrub_methods;
static atomic_long scrubbed_pages;

long SCRUB_COUNT(void) { return atomic_load(&scrubbed_pages); }

static int learn_page_size(ScrubFile *f, const unsigned char *header) {
    int size = (header[16] << 8) | header[17];
    if (size == 1) size = 65536;
    if (size < 512 || size > 65536 || (size & (size - 1))) return 0;
    f->page_size = size;
    f->reserved = header[20];
    return 1;
}

static int scrub_close(sqlite3_file *file) {
    ScrubFile *f = (ScrubFile *)file;
    int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    free(f->scratch);
    f->scratch = NULL;
    return rc;
}

static int scrub_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset) {
    ScrubFile *f = (ScrubFile *)file;
    return f->real->pMethods->xRead(f->real, buf, amount, offset);
}

static int scrub_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset) {
    ScrubFile *f = (ScrubFile *)file;
    const unsigned char *bytes = buf;
    if (offset == 0 && amount >= 100) learn_page_size(f, bytes);
    if (f->page_size == 0) {
        unsigned char header[100];
        if (f->real->pMethods->xRead(f->real, header, 100, 0) == SQLITE_OK) learn_page_size(f, header);
    }
    if (f->page_size > 0 && amount == f->page_size && offset % amount == 0) {
        if (!f->scratch) f->scratch = malloc((size_t)f->page_size);
        if (f->scratch) {
            memcpy(f->scratch, bytes, (size_t)amount);
            int zeroed = rekry_scrub_btree_page(f->scratch, offset == 0 ? 100 : 0, amount - f->reserved);
            if (zeroed > 0) {
                atomic_fetch_add(&scrubbed_pages, 1);
                return f->real->pMethods->xWrite(f->real, f->scratch, amount, offset);
            }
        }
    }
    return f->real->pMethods->xWrite(f->real, buf, amount, offset);
}

static int scrub_truncate(sqlite3_file *file, sqlite3_int64 size) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xTruncate(f->real, size);
}
static int scrub_sync(sqlite3_file *file, int flags) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xSync(f->real, flags);
}
static int scrub_file_size(sqlite3_file *file, sqlite3_int64 *size) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xFileSize(f->real, size);
}
static int scrub_lock(sqlite3_file *file, int level) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xLock(f->real, level);
}
static int scrub_unlock(sqlite3_file *file, int level) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xUnlock(f->real, level);
}
static int scrub_check_reserved_lock(sqlite3_file *file, int *out) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xCheckReservedLock(f->real, out);
}
static int scrub_file_control(sqlite3_file *file, int op, void *arg) {
    ScrubFile *f = (ScrubFile *)file;
    // A page size set before the first write (PRAGMA page_size, VACUUM) is taken from the next header.
    if (op == SQLITE_FCNTL_PRAGMA) f->page_size = 0;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}
static int scrub_sector_size(sqlite3_file *file) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xSectorSize(f->real);
}
static int scrub_device_characteristics(sqlite3_file *file) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xDeviceCharacteristics(f->real);
}
static int scrub_shm_map(sqlite3_file *file, int region, int size, int extend, void volatile **out) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xShmMap(f->real, region, size, extend, out);
}
static int scrub_shm_lock(sqlite3_file *file, int offset, int n, int flags) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}
static void scrub_shm_barrier(sqlite3_file *file) {
    ScrubFile *f = (ScrubFile *)file; f->real->pMethods->xShmBarrier(f->real);
}
static int scrub_shm_unmap(sqlite3_file *file, int delete_flag) {
    ScrubFile *f = (ScrubFile *)file; return f->real->pMethods->xShmUnmap(f->real, delete_flag);
}
// Memory-mapped pages would let SQLite bypass xWrite; the register never sets mmap_size, and the shim
// refuses to hand out mappings so that no setting can.
static int scrub_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out) {
    (void)file; (void)offset; (void)amount; *out = NULL; return SQLITE_OK;
}
static int scrub_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page) {
    (void)file; (void)offset; (void)page; return SQLITE_OK;
}

static int scrub_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    if (!(flags & SQLITE_OPEN_MAIN_DB)) {
        return platform_vfs->xOpen(platform_vfs, name, file, flags, out_flags);
    }
    ScrubFile *f = (ScrubFile *)file;
    memset(f, 0, sizeof(ScrubFile));
    f->real = (sqlite3_file *)((char *)file + sizeof(ScrubFile));
    int rc = platform_vfs->xOpen(platform_vfs, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        // The platform may have set pMethods on failure; SQLite calls xClose only when pMethods is set.
        if (f->real->pMethods) f->real->pMethods->xClose(f->real);
        f->base.pMethods = NULL;
        return rc;
    }
    scrub_methods.iVersion = f->real->pMethods->iVersion < 3 ? f->real->pMethods->iVersion : 3;
    f->base.pMethods = &scrub_methods;
    return SQLITE_OK;
}

static int scrub_delete(sqlite3_vfs *v, const char *n, int s) { (void)v; return platform_vfs->xDelete(platform_vfs, n, s); }
static int scrub_access(sqlite3_vfs *v, const char *n, int fl, int *o) { (void)v; return platform_vfs->xAccess(platform_vfs, n, fl, o); }
static int scrub_full_pathname(sqlite3_vfs *v, const char *n, int sz, char *o) { (void)v; return platform_vfs->xFullPathname(platform_vfs, n, sz, o); }
static void *scrub_dl_open(sqlite3_vfs *v, const char *n) { (void)v; return platform_vfs->xDlOpen(platform_vfs, n); }
static void scrub_dl_error(sqlite3_vfs *v, int n, char *o) { (void)v; platform_vfs->xDlError(platform_vfs, n, o); }
static void (*scrub_dl_sym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return platform_vfs->xDlSym(platform_vfs, h, s); }
static void scrub_dl_close(sqlite3_vfs *v, void *h) { (void)v; platform_vfs->xDlClose(platform_vfs, h); }
static int scrub_randomness(sqlite3_vfs *v, int n, char *o) { (void)v; return platform_vfs->xRandomness(platform_vfs, n, o); }
static int scrub_sleep(sqlite3_vfs *v, int us) { (void)v; return platform_vfs->xSleep(platform_vfs, us); }
static int scrub_current_time(sqlite3_vfs *v, double *o) { (void)v; return platform_vfs->xCurrentTime(platform_vfs, o); }
static int scrub_get_last_error(sqlite3_vfs *v, int n, char *o) { (void)v; return platform_vfs->xGetLastError ? platform_vfs->xGetLastError(platform_vfs, n, o) : 0; }
static int scrub_current_time_int64(sqlite3_vfs *v, sqlite3_int64 *o) { (void)v; return platform_vfs->xCurrentTimeInt64(platform_vfs, o); }
static int scrub_set_system_call(sqlite3_vfs *v, const char *n, sqlite3_syscall_ptr p) { (void)v; return platform_vfs->xSetSystemCall(platform_vfs, n, p); }
static sqlite3_syscall_ptr scrub_get_system_call(sqlite3_vfs *v, const char *n) { (void)v; return platform_vfs->xGetSystemCall(platform_vfs, n); }
static const char *scrub_next_system_call(sqlite3_vfs *v, const char *n) { (void)v; return platform_vfs->xNextSystemCall(platform_vfs, n); }

static int install(void) {
    platform_vfs = SCRUB_VFS_FIND(NULL);
    if (!platform_vfs || platform_vfs->iVersion < 3) return SQLITE_ERROR;
    scrub_methods = (sqlite3_io_methods){
        3, scrub_close, scrub_read, scrub_write, scrub_truncate, scrub_sync, scrub_file_size, scrub_lock,
        scrub_unlock, scrub_check_reserved_lock, scrub_file_control, scrub_sector_size,
        scrub_device_characteristics, scrub_shm_map, scrub_shm_lock, scrub_shm_barrier, scrub_shm_unmap,
        scrub_fetch, scrub_unfetch,
    };
    scrub_vfs = (sqlite3_vfs){
        3, (int)sizeof(ScrubFile) + platform_vfs->szOsFile, platform_vfs->mxPathname, NULL, "rekry-scrub",
        NULL, scrub_open, scrub_delete, scrub_access, scrub_full_pathname, scrub_dl_open, scrub_dl_error,
        scrub_dl_sym, scrub_dl_close, scrub_randomness, scrub_sleep, scrub_current_time, scrub_get_last_error,
        scrub_current_time_int64, scrub_set_system_call, scrub_get_system_call, scrub_next_system_call,
    };
    return SCRUB_VFS_REGISTER(&scrub_vfs, 1);
}

int SCRUB_INSTALL(void) {
    static int result = -1;
    if (result == -1) result = install();   // called once, from a Swift `static let`, so no race
    return result;
}
