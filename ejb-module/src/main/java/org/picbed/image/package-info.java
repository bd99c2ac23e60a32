/**
 * Images: the ingestion that stores the bytes once (after {@link org.picbed.image.format.ImageFormats} has checked
 * the sniffed format, the header limits and the structure) and records who uploaded them, display names, and
 * deletion with a tombstone. Reading image bytes is {@code org.picbed.image.format}'s job, never this package's.
 */
package org.picbed.image;
