package org.picbed.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.picbed.config.Settings;
import org.picbed.messaging.Destinations;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Batch stage messages, sent in the caller's transaction; the task or group id is the whole message. */
@ApplicationScoped
public class JmsBatchQueue implements BatchQueue {

    static final String TASK = "task";
    static final String GROUP = "group";

    @Inject
    JMSContext context;

    @Override
    public void fetch(long taskId, int priority) {
        send(fetch(), taskId, priority);
    }

    @Override
    public void process(long taskId, int priority) {
        send(process(), taskId, priority);
    }

    @Override
    public void callback(String groupId) {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setProperty(GROUP, groupId).send(callbacks(), groupId);
    }

    /** Delivery attempts of a stage message before it is dead-lettered (server-config 20-messaging.cli). */
    private int maxAttempts;

    @Inject
    void configure(Settings settings) {
        maxAttempts = settings.getInt("jms.max-attempts", 6);
    }

    /** One stage of a task (fetch or process), by its id. */
    @FunctionalInterface
    interface Stage {
        void run(BatchWork work, long taskId) throws IOException;
    }

    /**
     * Runs a stage message (the fetch and process listeners): a failure is rethrown, so the transaction rolls back
     * and the broker redelivers with back-off; on the last attempt the task is first ended as failed, so that its
     * group completes.
     */
    void consume(Message message, BatchWork work, Stage stage) {
        try {
            stage.run(work, message.getLongProperty(TASK));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        } catch (IOException | RuntimeException e) {
            giveUpOnLastAttempt(message, work);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** On a stage message's last attempt, ends its task as failed so that the group completes. */
    private void giveUpOnLastAttempt(Message message, BatchWork work) {
        try {
            if (message.getIntProperty("JMSXDeliveryCount") >= maxAttempts) {
                work.gaveUp(message.getLongProperty(TASK));
            }
        } catch (JMSException | RuntimeException e) {
            java.util.logging.Logger.getLogger(JmsBatchQueue.class.getName())
                    .log(java.util.logging.Level.WARNING, "could not end a dead-lettered task", e);
        }
    }

    private void send(Queue queue, long taskId, int priority) {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setPriority(priority)
                .setProperty(TASK, taskId).send(queue, Long.toString(taskId));
    }

    private Queue fetch() {
        return context.createQueue(Destinations.FETCH);
    }

    private Queue process() {
        return context.createQueue(Destinations.PROCESS);
    }

    private Queue callbacks() {
        return context.createQueue(Destinations.CALLBACKS);
    }
}
