#ifndef ARSRAPPORT_FILE_SWAP_H
#define ARSRAPPORT_FILE_SWAP_H

/// Atomically exchanges the directory entries `a` and `b`, both of which must exist.
/// Returns 0 on success; -1 with errno set on failure (ENOSYS/EINVAL where the platform or
/// file system cannot do it, so that the caller can fall back to two renames).
int arsrapport_exchange_paths(const char *a, const char *b);

#endif
