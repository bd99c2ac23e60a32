package org.picbed.site;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.picbed.deadletter.FailedMessages;
import org.picbed.image.ImageMessages;
import org.picbed.messaging.Destinations;
import org.picbed.purge.PurgeMessages;
import org.picbed.purge.Purges;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Applies the changes peer sites send (through their bridges) to this site: images created and deleted, purges
 * and the acknowledgements of our purges. A message that cannot be applied is
 * rolled back: the broker redelivers it with back-off and, after the last attempt, moves it to the replication
 * dead-letter queue, where it is counted per peer. Concurrency: {@code PICBED_REPLICATION_CONSUMERS} (default 8;
 * applying mostly waits on the origin, the disk and the commit).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.REPLICATION),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
        // no prefetch: a session busy with one message must not hold others back that an idle session could take
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
public class ReplicationListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ReplicationListener.class.getName());

    @Inject
    Replication replication;

    @Resource
    MessageDrivenContext mdc;

    @Inject
    Purges purges;

    @Inject
    FailedMessages failed;

    @Override
    public void onMessage(Message message) {
        if (isPurge(message)) {
            try {
                PurgeMessages.apply(message, purges);
            } catch (JMSException | RuntimeException e) {
                LOG.warning(() -> "purge message from a peer failed, retried later: " + e);
                failed.failed(message, e);
                mdc.setRollbackOnly();
            }
            return;
        }
        ReplicationEvent event;
        try {
            event = ImageMessages.readReplication(message);
        } catch (JMSException | IllegalArgumentException e) {
            LOG.warning(() -> "malformed replication message, rolled back for the dead-letter queue: " + e.getMessage());
            failed.failed(message, e);
            mdc.setRollbackOnly();
            return;
        }
        try {
            replication.apply(event);
        } catch (IOException | RuntimeException e) {
            int attempt = deliveryCount(message);
            LOG.warning(() -> "replication of " + event.kind() + " " + event.image().hex() + " from " + event.origin()
                    + " failed (attempt " + attempt + "), retried later: " + e);
            failed.failed(message, e);
            mdc.setRollbackOnly();
        }
    }

    private static boolean isPurge(Message message) {
        try {
            return PurgeMessages.isPurge(message);
        } catch (JMSException e) {
            return false;
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            return -1;
        }
    }
}
