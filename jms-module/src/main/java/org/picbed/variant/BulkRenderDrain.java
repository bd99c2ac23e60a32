package org.picbed.variant;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.Probes;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The low-priority queue is consumed only while the interactive one (eager thumbnails) is empty: every second
 * this drain takes bulk messages one transaction at a time, and stops as soon as interactive work is waiting.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkRenderDrain {

    private static final Logger LOG = Logger.getLogger(BulkRenderDrain.class.getName());
    private static final int MAX_PER_TICK = 200;

    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    Probes probes;

    @EJB
    BulkRenderStep step;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "bulk render drain")
    void tick() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try (JMSContext probe = probes.open()) {
            for (int i = 0; i < MAX_PER_TICK && !interactiveWaiting(probe); i++) {
                if (!step.processOne()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "bulk render drain stopped for this tick", e);
        } finally {
            draining.set(false);
        }
    }

    private boolean interactiveWaiting(JMSContext probe) {
        try (QueueBrowser browser = probe.createBrowser(probe.createQueue(Destinations.THUMBNAILS))) {
            return browser.getEnumeration().hasMoreElements();
        } catch (jakarta.jms.JMSException e) {
            return true;
        }
    }

}
