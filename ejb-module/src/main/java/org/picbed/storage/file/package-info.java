/** Blobs as files on a volume: {@code FileBlobStore}, sharded {@code ab/cd/<id>}, hard-linked into place and fsynced. */
package org.picbed.storage.file;
