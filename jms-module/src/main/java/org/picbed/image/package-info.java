/**
 * {@code JmsImageEvents} implements {@code image.ImageEvents}: eager-variant work for a new image and its
 * announcement to the peer sites, sent in the transaction that changed the catalogue (the outbox point).
 */
package org.picbed.image;
