/**
 * The operations console at {@code /admin/} (one admin login with the shop admin): the dashboard, whose charts read
 * {@code /api/metrics} and whose tables read {@code /api/admin/overview}, and the media library pages. Its actions
 * call the same HTTP admin API scripts use ({@code /api/admin/purges}, {@code /api/admin/dlq}). A thin edge: it uses
 * the rooms' beans and the web package, and nothing uses it.
 */
package org.picbed.console;
