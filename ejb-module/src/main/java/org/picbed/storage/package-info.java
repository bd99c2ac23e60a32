/**
 * Where image bytes live. The port {@code BlobStore} (content-addressed, never overwritten, read as streams and
 * ranges), what every adapter shares ({@code StagingArea}: uploads hashed and fsynced on local disk before a store
 * takes them; the 503 {@code StorageUnavailable}) and the settings. Adapters: {@code storage.file} (a POSIX volume
 * shared by a site's nodes) and {@code storage.s3} (an S3-compatible bucket); {@code storage.backend} chooses one
 * per deployment and reports its health.
 */
package org.picbed.storage;
