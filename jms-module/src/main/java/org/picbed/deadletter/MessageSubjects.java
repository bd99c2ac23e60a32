package org.picbed.deadletter;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** What a picbed message is about, from its properties: a kind ({@code image.created}, {@code callback}, ...) and a subject. */
record MessageSubjects(String kind, String subject) {

    static MessageSubjects of(String queue, Message m) throws JMSException {
        String shortName = queue.startsWith("picbed.") ? queue.substring("picbed.".length()) : queue;
        String event = m.getStringProperty("event");
        String image = m.getStringProperty("image");
        if (m.propertyExists("task")) {
            return new MessageSubjects(shortName, "task " + m.getLongProperty("task"));
        }
        if (m.propertyExists("group")) {
            return new MessageSubjects("callback", m.getStringProperty("group"));
        }
        return new MessageSubjects(event != null ? event : shortName, image);
    }
}
