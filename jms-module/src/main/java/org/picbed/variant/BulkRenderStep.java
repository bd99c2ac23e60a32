package org.picbed.variant;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.picbed.deadletter.FailedMessages;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.messaging.Destinations;
import org.picbed.variant.background.VariantWork;

/**
 * One bulk message in one transaction: received, rendered, committed. A failure rolls the receive back, so the
 * broker redelivers it with back-off and dead-letters it after the last attempt.
 */
@Stateless
public class BulkRenderStep {

    private static final long RECEIVE_TIMEOUT_MS = 250;

    @Inject
    JMSContext context;

    @Inject
    VariantWork work;

    @Inject
    FailedMessages failed;

    /** Processes one message if there is one; returns whether there was. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean processOne() {
        try (JMSConsumer consumer = context.createConsumer(bulk())) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (message == null) {
                return false;
            }
            try {
                ImageId image = ImageId.parse(message.getStringProperty(JmsVariantJobs.IMAGE))
                        .orElseThrow(() -> new IllegalArgumentException("bulk() message without a valid image id"));
                ImageFormat format = ImageFormat.fromKey(message.getStringProperty(JmsVariantJobs.FORMAT))
                        .orElseThrow(() -> new IllegalArgumentException("bulk() message without a valid format"));
                work.rerender(image, message.getStringProperty(JmsVariantJobs.SPEC), format,
                        message.getStringProperty(JmsVariantJobs.PRESET));
            } catch (RuntimeException e) {
                failed.failed(message, e); // why, for the dead-letter listing; the rollback redelivers it
                throw e;
            }
            return true;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private Queue bulk() {
        return context.createQueue(Destinations.BULK);
    }
}
