/**
 * Batches on the queues: {@code JmsBatchQueue} implements {@code batch.BatchQueue} (a group's fetch and process
 * messages, sent in the caller's transaction), the listeners fetch sources by URL, apply the group's rules and
 * deliver callbacks, each idempotent and retried with back-off into the dead-letter queue.
 */
package org.picbed.batch;
