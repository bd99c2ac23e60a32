/**
 * Batches: a group of tasks (an image by URL or by upload, each with ordered rules) runs through JMS stages
 * (fetch, process, complete, callback) on MDBs whose concurrency each node sets; high-priority tasks overtake
 * low ones on the same queues; the group's callback is signed and retried.
 */
package org.picbed.batch;
