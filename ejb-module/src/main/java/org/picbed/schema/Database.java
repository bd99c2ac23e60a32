package org.picbed.schema;

/** The one place that names picbed's datasource (configured by server-config's 10-datasource.cli). */
public final class Database {

    public static final String DATASOURCE = "java:jboss/datasources/PicbedDS";

    private Database() {
    }
}
