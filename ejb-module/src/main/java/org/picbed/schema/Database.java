package org.picbed.schema;

/**
 * The one place that names picbed's datasource: the platform's default datasource, which each server points at the
 * picbed MariaDB (WildFly: default-bindings to PicbedDS in server-config 10-datasource.cli; Payara: jdbc/__default
 * on the picbed pool in server-config/src/main/payara). A standard name, so the EAR carries no server's JNDI names.
 */
public final class Database {

    public static final String DATASOURCE = "java:comp/DefaultDataSource";

    private Database() {
    }
}
