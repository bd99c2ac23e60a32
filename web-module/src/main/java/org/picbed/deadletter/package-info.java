/** {@code /api/admin/dlq}: dead letters over HTTP for the dashboard and for scripts (admin credentials). */
package org.picbed.deadletter;
