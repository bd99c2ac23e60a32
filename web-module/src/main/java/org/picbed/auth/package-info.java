/**
 * Upload tokens over HTTP: {@code POST /api/upload-tokens} (an API key issues one) and
 * {@code POST /api/admin/upload-tokens} (the logged-in operator's upload page gets one). They parse the request and
 * call ejb-module's {@code org.picbed.auth.UploadTokens}; using a token is {@code org.picbed.web.Authentication}'s
 * business.
 */
package org.picbed.auth;
