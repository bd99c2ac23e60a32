package org.picbed.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations when the application deploys. If the database is not reachable yet, the
 * deployment still comes up (health says the database is DOWN) and the migration is retried until it succeeds.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    private static final long RETRY_MILLIS = 5_000;

    @Resource(lookup = Database.DATASOURCE)
    DataSource dataSource;

    @Resource
    TimerService timers;

    private volatile String schemaVersion;

    @PostConstruct
    void migrateOnDeploy() {
        if (!tryMigrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("schema-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (tryMigrate()) {
            timer.cancel();
        }
    }

    /** The schema version once migrations have been applied on this node. */
    public Optional<String> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }

    private synchronized boolean tryMigrate() {
        if (schemaVersion != null) {
            return true;
        }
        try {
            schemaVersion = SchemaMigrations.migrate(dataSource);
            LOG.info(() -> "database schema is at version " + schemaVersion);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "database schema migration failed; retrying every " + RETRY_MILLIS + " ms: " + e.getMessage());
            LOG.log(Level.FINE, "migration failure", e);
            return false;
        }
    }
}
