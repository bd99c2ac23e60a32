/**
 * Images: what an upload must be to be accepted (sniffed format, header limits, a complete structure), the
 * ingestion that stores the bytes once and records who uploaded them, and deletion with a tombstone.
 */
package org.picbed.image;
