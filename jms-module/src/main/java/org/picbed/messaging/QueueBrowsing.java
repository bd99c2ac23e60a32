package org.picbed.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.picbed.health.QueueGauges;

import java.util.Enumeration;

/** Counting a queue's messages by browsing it (up to {@link QueueGauges#CAP}), with the oldest one's age. */
public final class QueueBrowsing {

    private QueueBrowsing() {
    }

    public record Depth(long messages, long oldestAgeMillis) {
    }

    /** @param selector a JMS message selector, or null for every message */
    public static Depth depth(JMSContext context, Queue queue, String selector) throws JMSException {
        try (QueueBrowser browser = selector == null ? context.createBrowser(queue) : context.createBrowser(queue, selector)) {
            long n = 0;
            long oldest = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements() && n < QueueGauges.CAP; n++) {
                Message m = (Message) messages.nextElement();
                if (n == 0) {
                    oldest = Math.max(0, System.currentTimeMillis() - m.getJMSTimestamp());
                }
            }
            return new Depth(n, oldest);
        }
    }
}
