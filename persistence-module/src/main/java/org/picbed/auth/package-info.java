/**
 * Upload token rows: {@code UploadTokenUse}, how far a signed upload token has been used (requests, files). The
 * tokens themselves are not stored: they are signed and carry their scope.
 */
package org.picbed.auth;
