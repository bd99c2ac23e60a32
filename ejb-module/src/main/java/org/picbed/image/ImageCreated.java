package org.picbed.image;

/**
 * CDI event, fired synchronously inside the transaction that creates an image row, so observers (the eager
 * variants) write their rows in that same transaction. The image side does not know who listens.
 */
public record ImageCreated(ImageId id, ImageFormat format) {
}
