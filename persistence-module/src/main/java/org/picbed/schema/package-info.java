/** The database schema: versioned Flyway migrations under {@code db/migration}, applied at deployment. */
package org.picbed.schema;
