package org.picbed.purge;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.picbed.image.ImageMessages;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.PeerQueues;

import java.util.logging.Logger;

/** Every node hears the purge topic and clears its node-local state for purged or deleted images. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.PURGE_TOPIC),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class PurgeTopicListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PurgeTopicListener.class.getName());

    @Inject
    NodeCaches nodeCaches;

    @Override
    public void onMessage(Message message) {
        try {
            if (ImageMessages.isDeleted(message)) {
                nodeCaches.purged(PurgeRequest.image(ImageMessages.image(message)));
            } else if (PurgeMessages.REQUESTED.equals(message.getStringProperty(PeerQueues.EVENT))) {
                nodeCaches.purged(PurgeMessages.request(message));
            }
        } catch (JMSException | IllegalArgumentException e) {
            LOG.warning(() -> "ignored a malformed purge message: " + e);
        }
    }
}
