/** Blobs (and, through {@code variant.store.S3VariantStore}, variants) in an S3-compatible bucket, through the AWS SDK v2. */
package org.picbed.storage.s3;
