package org.picbed.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Records a failed delivery (why, which attempt) so the dead-letter listing can say why a message ended there. */
@ApplicationScoped
public class FailedMessages {

    private static final Logger LOG = Logger.getLogger(FailedMessages.class.getName());

    @Inject
    MessageFailures failures;

    /** Never throws: recording must not change what happens to the message. */
    public void failed(Message message, Throwable cause) {
        try {
            String queue = message.getJMSDestination() instanceof Queue q ? q.getQueueName() : String.valueOf(message.getJMSDestination());
            MessageSubjects about = MessageSubjects.of(queue, message);
            int attempt = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
            failures.failed(message.getJMSMessageID(), queue, about.kind(), about.subject(), reason(cause), attempt);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not record why a message failed", e);
        }
    }

    /** The innermost message of the cause chain, with the class of the exception that carried it. */
    static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
