/**
 * Bytes that do not hash to their id are never served as that id. {@code BlobVerifier} checks a blob where it is
 * cheap (before a render, before an original is first served by this node, before a peer gets it);
 * {@code Scrubber} re-hashes every stored blob once per period at a bounded rate, like Ceph's deep scrub;
 * {@code Corruptions} quarantines a bad copy, repairs it from a peer site ({@code PeerCopies}, implemented by
 * {@code site.ReadRepair}) and reports it (metrics, health, admin JSON).
 */
package org.picbed.integrity;
