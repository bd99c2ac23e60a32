/** The database: schema migration at deployment and the database's health. */
package org.picbed.schema;
