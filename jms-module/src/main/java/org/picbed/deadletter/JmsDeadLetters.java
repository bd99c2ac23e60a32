package org.picbed.deadletter;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.picbed.error.PicbedException;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.QueueBrowsing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dead letters on the broker. Listing browses a dead-letter queue (no transaction); redrive and discard receive the
 * chosen messages from it and, for a redrive, send copies to the work queue, in the caller's JTA transaction together
 * with the audit row, so a message is never both lost and never in both queues.
 */
@Stateless
public class JmsDeadLetters implements DeadLetters {

    private static final List<String> QUEUES = List.of(Destinations.THUMBNAILS, Destinations.BULK, Destinations.FETCH,
            Destinations.PROCESS, Destinations.REPLICATION, Destinations.CALLBACKS);
    private static final long RECEIVE_MILLIS = 1000;

    @Inject
    JMSContext context;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory connectionFactory;

    @Inject
    MessageFailures failures;

    @Override
    public List<String> queues() {
        return QUEUES;
    }

    @Override
    public List<DeadLetter> list(String queue, int limit) {
        known(queue);
        List<Message> messages = new ArrayList<>();
        try (JMSContext browsing = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = browsing.createBrowser(browsing.createQueue(Destinations.deadLetters(queue)))) {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && messages.size() < limit; ) {
                messages.add((Message) e.nextElement());
            }
            Map<String, MessageFailure> why = failures.find(messages.stream().map(JmsDeadLetters::id).collect(Collectors.toList()));
            List<DeadLetter> letters = new ArrayList<>();
            for (Message m : messages) {
                MessageSubjects about = MessageSubjects.of(queue, m);
                MessageFailure f = why.get(m.getJMSMessageID());
                letters.add(new DeadLetter(queue, m.getJMSMessageID(), f != null ? f.kind() : about.kind(),
                        f != null ? f.subject() : about.subject(), f != null ? f.reason() : "no failure was recorded",
                        f != null ? f.attempts() : 0, f != null ? f.firstFailure() : null, Instant.ofEpochMilli(m.getJMSTimestamp())));
            }
            return letters;
        } catch (JMSException | JMSRuntimeException e) {
            throw new PicbedException(503, "unavailable", "the broker could not be read right now; retry later", "dead letters: " + e, e);
        }
    }

    @Override
    public long count(String queue) {
        known(queue);
        try (JMSContext browsing = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            return QueueBrowsing.depth(browsing, browsing.createQueue(Destinations.deadLetters(queue)), null).messages();
        } catch (JMSException | JMSRuntimeException e) {
            throw new PicbedException(503, "unavailable", "the broker could not be read right now; retry later", "dead letters: " + e, e);
        }
    }

    @Override
    public List<String> redrive(String queue, List<String> ids, int limit, String actor) {
        Queue target = context.createQueue(queue);
        List<String> moved = take(queue, ids, limit, m -> send(target, m));
        failures.resolve(queue, moved, MessageFailures.REDRIVEN, actor);
        return moved;
    }

    @Override
    public List<String> discard(String queue, List<String> ids, int limit, String actor) {
        List<String> dropped = take(queue, ids, limit, m -> { });
        failures.resolve(queue, dropped, MessageFailures.DISCARDED, actor);
        return dropped;
    }

    private interface Handler {
        void accept(Message m) throws JMSException;
    }

    /** Receives the chosen dead letters in the current transaction and hands each to the handler. */
    private List<String> take(String queue, List<String> ids, int limit, Handler handler) {
        known(queue);
        ids.forEach(id -> {
            if (!DeadLetter.validId(id)) {
                throw new PicbedException(400, "invalid_id", "message ids look like ID:<uuid>, as GET /api/admin/dlq lists them");
            }
        });
        String selector = ids.isEmpty() ? null
                : "JMSMessageID IN (" + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")";
        int wanted = ids.isEmpty() ? limit : Math.min(limit, ids.size());
        List<String> taken = new ArrayList<>();
        try (JMSConsumer consumer = selector == null ? context.createConsumer(context.createQueue(Destinations.deadLetters(queue)))
                : context.createConsumer(context.createQueue(Destinations.deadLetters(queue)), selector)) {
            while (taken.size() < wanted) {
                Message m = consumer.receive(RECEIVE_MILLIS);
                if (m == null) {
                    break;
                }
                handler.accept(m);
                taken.add(m.getJMSMessageID());
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new PicbedException(503, "unavailable", "the broker could not be reached right now; retry later", "dead letters: " + e, e);
        }
        return Collections.unmodifiableList(taken);
    }

    /** A fresh copy (body, priority, picbed's properties; not the broker's own) sent to the work queue. */
    private void send(Queue target, Message m) throws JMSException {
        JMSProducer producer = context.createProducer().setPriority(m.getJMSPriority());
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("_AMQ") && !name.startsWith("JMSX") && !name.startsWith("__AMQ")) {
                producer.setProperty(name, m.getObjectProperty(name));
            }
        }
        if (m instanceof TextMessage text) {
            producer.send(target, text.getText());
        } else if (m instanceof MapMessage map) {
            Map<String, Object> body = new HashMap<>();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                body.put(name, map.getObject(name));
            }
            producer.send(target, body);
        } else if (m instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            producer.send(target, body);
        } else {
            producer.send(target, context.createMessage());
        }
    }

    private static String id(Message m) {
        try {
            return m.getJMSMessageID();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage());
        }
    }

    private void known(String queue) {
        if (!QUEUES.contains(queue)) {
            throw new PicbedException(404, "not_found", "no such queue; the queues are " + String.join(", ", QUEUES));
        }
    }
}
