/** Batches: groups of image tasks (by URL or upload, with ordered rules), their progress and callbacks. */
package org.picbed.batch;
