/**
 * Sites: data centres kept in step. Each site has its own database and blob volume; uploads and deletes are
 * sent to every peer site through the brokers (store-and-forward), the receiving site pulls the bytes from the
 * origin's internal endpoint and verifies their SHA-256, and a read for an image a site does not have yet is
 * served from a peer (read repair). Tombstones are never fetched back.
 */
package org.picbed.site;
