package org.picbed.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.picbed.config.Settings;
import org.picbed.messaging.Destinations;

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

    /** On a stage message's last attempt, ends its task as failed so that the group completes. */
    void giveUpOnLastAttempt(Message message, BatchWork work) {
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
