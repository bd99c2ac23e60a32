package org.picbed.cluster;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Await;
import org.picbed.it.PicbedDeployment;
import org.picbed.schema.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** JMS + XA + JPA together: a message sent in a transaction is consumed by an MDB that writes a row. */
@ExtendWith(ArquillianExtension.class)
class HeartbeatMessagingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PicbedDeployment.earWith(HeartbeatMessagingIT.class);
    }

    @Inject
    HeartbeatPublisher publisher;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = Database.DATASOURCE)
    DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory plainConnectionFactory;

    @Resource(lookup = "java:/jms/picbed/heartbeat")
    Queue heartbeatQueue;

    @Resource(lookup = "java:/jms/picbed/heartbeat/dlq")
    Queue heartbeatDeadLetters;

    @Test
    void committedMessageIsConsumedByTheMdbWhichWritesARow() throws Exception {
        String node = "it-" + UUID.randomUUID();
        transaction.begin();
        publisher.publish(new Heartbeat(node, Instant.now()));
        transaction.commit();

        Await.until("MDB recorded " + node, Duration.ofSeconds(30), () -> rowExists(node));
    }

    @Test
    void rolledBackMessageIsNeverDelivered() throws Exception {
        String rolledBack = "it-rb-" + UUID.randomUUID();
        transaction.begin();
        publisher.publish(new Heartbeat(rolledBack, Instant.now()));
        transaction.rollback();

        String marker = "it-marker-" + UUID.randomUUID();
        transaction.begin();
        publisher.publish(new Heartbeat(marker, Instant.now()));
        transaction.commit();

        Await.until("MDB recorded the marker sent after the rollback", Duration.ofSeconds(30), () -> rowExists(marker));
        Await.until("heartbeat queue drained", Duration.ofSeconds(30), () -> browse(heartbeatQueue, "1=1") == 0);
        assertFalse(rowExists(rolledBack), "a message sent in a rolled-back transaction must not be consumed");
    }

    @Test
    void aMessageTheMdbCannotHandleIsRetriedThenDeadLettered() throws Exception {
        String poison = UUID.randomUUID().toString();
        try (JMSContext context = plainConnectionFactory.createContext()) {
            context.createProducer().setProperty("poison", poison).send(heartbeatQueue, "not a heartbeat");
        }
        String selector = "poison = '" + poison + "'";
        Await.until("poison message dead-lettered after its delivery attempts", Duration.ofSeconds(90),
                () -> browse(heartbeatDeadLetters, selector) == 1);
        assertFalse(browse(heartbeatQueue, selector) > 0, "no longer on the work queue");
    }

    private int browse(Queue queue, String selector) throws Exception {
        try (JMSContext context = plainConnectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(queue, selector)) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    private boolean rowExists(String node) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select 1 from node_heartbeat where node_name = ?")) {
            query.setString(1, node);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
