#include "CSQLiteScrub.h"
#include <stdlib.h>
#include <string.h>

// The b-tree page layout and cell formats are SQLite's file format (https://sqlite.org/fileformat2.html),
// stable since 3.0. Any doubt about a page leaves it as it was: zeroing a live byte would corrupt the file.

enum { INTERIOR_INDEX = 2, INTERIOR_TABLE = 5, LEAF_INDEX = 10, LEAF_TABLE = 13 };

typedef struct { int start; int end; int keep; } Span;

static int get2(const unsigned char *p) { return (p[0] << 8) | p[1]; }

/// Reads one SQLite varint at `p` (no further than `limit`) into `value`; returns its length or 0.
static int read_varint(const unsigned char *p, const unsigned char *limit, unsigned long long *value) {
    unsigned long long v = 0;
    for (int i = 0; i < 9; i++) {
        if (p + i >= limit) return 0;
        if (i == 8) { v = (v << 8) | p[i]; *value = v; return 9; }
        v = (v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) { *value = v; return i + 1; }
    }
    return 0;
}

/// The bytes of a payload of `total` bytes kept on the page (the rest goes to overflow pages).
static long long local_payload(unsigned long long total, int max_local, int min_local, int usable) {
    if (total <= (unsigned long long)max_local) return (long long)total;
    long long k = min_local + (long long)((total - min_local) % (unsigned long long)(usable - 4));
    return k <= max_local ? k : min_local;
}

/// The size of the cell at `cell`, or -1 if it does not fit in `room` bytes.
static int cell_size(int type, const unsigned char *cell, int room, int usable) {
    const unsigned char *limit = cell + room;
    const unsigned char *p = cell;
    unsigned long long payload = 0, rowid = 0;
    int n;
    int table_max = usable - 35;
    int index_max = ((usable - 12) * 64 / 255) - 23;
    int min_local = ((usable - 12) * 32 / 255) - 23;
    long long size;
    switch (type) {
    case INTERIOR_TABLE:
        if (room < 5 || !(n = read_varint(p + 4, limit, &rowid))) return -1;
        size = 4 + n;
        break;
    case LEAF_TABLE:
        if (!(n = read_varint(p, limit, &payload))) return -1;
        p += n;
        if (!(n = read_varint(p, limit, &rowid))) return -1;
        p += n;
        size = (p - cell) + local_payload(payload, table_max, min_local, usable);
        if (payload > (unsigned long long)table_max) size += 4;
        if (size < 4) size = 4;
        break;
    case LEAF_INDEX:
    case INTERIOR_INDEX:
        if (type == INTERIOR_INDEX) p += 4;
        if (p >= limit || !(n = read_varint(p, limit, &payload))) return -1;
        p += n;
        size = (p - cell) + local_payload(payload, index_max, min_local, usable);
        if (payload > (unsigned long long)index_max) size += 4;
        if (size < 4) size = 4;
        break;
    default:
        return -1;
    }
    return size <= room ? (int)size : -1;
}

static int by_start(const void *a, const void *b) {
    return ((const Span *)a)->start - ((const Span *)b)->start;
}

int rekry_scrub_btree_page(unsigned char *page, int header_offset, int usable) {
    if (usable < 480 || usable > 65536 || (header_offset != 0 && header_offset != 100)) return -1;
    const unsigned char *h = page + header_offset;
    int type = h[0];
    if (type != INTERIOR_INDEX && type != INTERIOR_TABLE && type != LEAF_INDEX && type != LEAF_TABLE) return 0;
    int header_size = (type == LEAF_INDEX || type == LEAF_TABLE) ? 8 : 12;
    int first_free = get2(h + 1);
    int cells = get2(h + 3);
    int content = get2(h + 5);
    if (content == 0) content = 65536;
    int pointers_end = header_offset + header_size + 2 * cells;
    if (pointers_end > usable || content < pointers_end || content > usable) return -1;

    // Spans of live bytes in the content area: each cell, each freeblock (its header kept).
    Span *spans = malloc(sizeof(Span) * (size_t)(cells + usable / 4 + 1));
    if (!spans) return -1;
    int count = 0;
    for (int i = 0; i < cells; i++) {
        int offset = get2(page + header_offset + header_size + 2 * i);
        if (offset < content || offset >= usable) { free(spans); return -1; }
        int size = cell_size(type, page + offset, usable - offset, usable);
        if (size < 0) { free(spans); return -1; }
        spans[count++] = (Span){ offset, offset + size, 1 };
    }
    for (int block = first_free, guard = 0; block != 0; guard++) {
        if (block < content || block + 4 > usable || guard > usable / 4) { free(spans); return -1; }
        int next = get2(page + block), size = get2(page + block + 2);
        if (size < 4 || block + size > usable || (next != 0 && next <= block + size - 1)) { free(spans); return -1; }
        spans[count++] = (Span){ block, block + size, 0 };
        block = next;
    }
    qsort(spans, (size_t)count, sizeof(Span), by_start);
    for (int i = 1; i < count; i++) {
        if (spans[i].start < spans[i - 1].end) { free(spans); return -1; }
    }

    int zeroed = 0;
    int cursor = pointers_end;   // the unallocated gap begins after the cell pointer array
    for (int i = 0; i <= count; i++) {
        int start = i < count ? spans[i].start : usable;
        if (start > cursor) {
            for (int j = cursor; j < start; j++) if (page[j]) { page[j] = 0; zeroed++; }
        }
        if (i == count) break;
        if (spans[i].keep) {
            cursor = spans[i].end;
        } else {
            // A freeblock: its next pointer and size stay; its body is free.
            for (int j = spans[i].start + 4; j < spans[i].end; j++) if (page[j]) { page[j] = 0; zeroed++; }
            cursor = spans[i].end;
        }
    }
    free(spans);
    return zeroed;
}
