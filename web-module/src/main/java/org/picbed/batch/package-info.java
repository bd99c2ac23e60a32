/**
 * {@code /api/groups}: creating a group of uploads with rules and reading its progress; the rules themselves are
 * checked in ejb-module's {@code batch}.
 */
package org.picbed.batch;
