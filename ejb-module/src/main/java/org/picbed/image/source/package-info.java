/**
 * Remote sources in imgproxy's URL forms ({@code plain/<url>}, base64url): allow-listed origins only, fetched
 * through the SSRF-safe fetcher once per URL (again after a refresh time), stored content-addressed like uploads.
 */
package org.picbed.image.source;
