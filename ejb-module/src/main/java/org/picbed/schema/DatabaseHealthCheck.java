package org.picbed.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

/** UP when a pooled connection answers and this node has brought the schema up to date. */
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final int VALIDATION_SECONDS = 2;

    @Resource(lookup = Database.DATASOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    @Override
    public String component() {
        return "database";
    }

    @Override
    public ComponentHealth check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_SECONDS)) {
                return ComponentHealth.down("connection_invalid");
            }
        }
        return migrator.schemaVersion()
                .map(version -> ComponentHealth.up(Map.of("schemaVersion", version)))
                .orElseGet(() -> ComponentHealth.down("schema_pending"));
    }
}
