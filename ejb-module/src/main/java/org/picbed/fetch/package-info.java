/**
 * Fetching images by URL without becoming a proxy into private networks: the host is resolved once, every
 * address is checked (loopback, private, link-local, unique-local, multicast, unspecified, metadata and the
 * numeric spellings of those are refused unless allow-listed), the connection goes to the checked address, every
 * redirect is checked again, and size and time are capped.
 */
package org.picbed.fetch;
