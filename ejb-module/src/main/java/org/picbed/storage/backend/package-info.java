/** Which storage adapter this deployment uses ({@code PICBED_STORAGE}), and its health. */
package org.picbed.storage.backend;
