package org.picbed.schema;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.cluster.Heartbeat;
import org.picbed.cluster.Heartbeats;
import org.picbed.it.PicbedDeployment;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPA through an EJB commits in the real MariaDB; the schema came from the Flyway migrations. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PicbedDeployment.earWith(PersistenceIT.class);
    }

    @Inject
    Heartbeats heartbeats;

    @Resource(lookup = Database.DATASOURCE)
    DataSource dataSource;

    @Test
    void ejbWriteIsCommittedAndReadableFromAFreshConnection() throws SQLException {
        String node = "it-" + UUID.randomUUID();
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        assertTrue(heartbeats.record(new Heartbeat(node, sentAt)));
        assertFalse(heartbeats.record(new Heartbeat(node, sentAt)), "the same beat again changes nothing");
        assertTrue(heartbeats.record(new Heartbeat(node, sentAt.plusSeconds(30))));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select beats, last_sent_at from node_heartbeat where node_name = ?")) {
            query.setString(1, node);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "row committed");
                assertEquals(2, row.getLong("beats"));
                assertEquals(sentAt.plusSeconds(30), row.getTimestamp("last_sent_at").toInstant());
            }
        }
    }

    @Test
    void schemaWasAppliedByFlywayNotByHibernate() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "select version, success from flyway_schema_history where script = 'V1__node_heartbeat.sql'")) {
            assertTrue(row.next(), "V1 recorded in flyway_schema_history");
            assertEquals("1", row.getString("version"));
            assertTrue(row.getBoolean("success"));
        }
    }
}
