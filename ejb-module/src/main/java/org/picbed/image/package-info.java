/**
 * Images: the ingestion that stores the bytes once (after {@link org.picbed.image.format.ImageFormats} has checked
 * the sniffed format, the header limits and the structure) and records who uploaded them, display names, and
 * deletion with a tombstone; the catalogue ({@code ImageCatalog}) and the library of stored images, newest first
 * in cursor pages ({@code ImageLibrary}). Reading image bytes is {@code org.picbed.image.format}'s job, never this
 * package's. May use: {@code image.format}, {@code storage}, {@code auth}, {@code cache}, {@code config},
 * {@code error}; it announces new images by CDI event and through the {@code ImageEvents} and
 * {@code DerivedCopies} ports instead of calling the variant side.
 */
package org.picbed.image;
