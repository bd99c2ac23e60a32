package org.picbed.purge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers {@code org.picbed:type=Purge} while the application is deployed. JMX calls arrive on the connector's own
 * threads, outside the application; each operation therefore enters through this bean's EJB business interface, so
 * the container sets up the application's class loader and contexts on both servers (a bare CDI proxy called from a
 * JMX thread got an uninjected instance on Payara).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PurgeControl {

    public static final String OBJECT_NAME = "org.picbed:type=Purge";
    private static final Logger LOG = Logger.getLogger(PurgeControl.class.getName());

    @Inject
    Purges purges;

    @Inject
    PurgeLog log;

    @Resource
    SessionContext context;

    @Inject
    JmxCallers callers;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(new Operations(context.getBusinessObject(PurgeControl.class), callers),
                    PurgeControlMBean.class), name);
            LOG.info("registered MBean " + OBJECT_NAME);
        } catch (Exception e) {
            throw new IllegalStateException("could not register " + OBJECT_NAME, e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (Exception e) {
            LOG.fine(() -> "unregistering " + OBJECT_NAME + ": " + e);
        }
    }

    /** The MBean's operations, each one a call of this EJB (see the class comment). */
    public String request(PurgeRequest request, String caller) {
        return purges.request(request, caller).id();
    }

    public String[] status(String purgeId) {
        if (log.find(purgeId).isEmpty()) {
            return new String[]{"no purge " + purgeId};
        }
        return log.acks(purgeId).stream().map(a -> a.site() + " " + a.appliedAt() + " found=" + a.found()
                + " variants=" + a.variantsRemoved() + " hot=" + a.hotEvicted()).toArray(String[]::new);
    }

    public long totalPurges() {
        return log.count();
    }

    public String[] lastPurges() {
        return log.recent(20).stream().map(p -> p.id() + " " + p.requestedAt() + " " + p.requestedBy() + " "
                + p.scope().toLowerCase() + (p.imageId() == null ? "" : " " + p.imageId())
                + (p.spec() == null ? "" : " " + p.spec())).toArray(String[]::new);
    }

    public String site() {
        return purges.site();
    }

    /** The MBean: parses and names the caller, calls the EJB, turns failures into plain JMX exceptions. */
    record Operations(PurgeControl control, JmxCallers callers) implements PurgeControlMBean {

        @Override
        public String purgeImage(String id) {
            return call(() -> control.request(PurgeRequest.image(imageId(id)), caller()));
        }

        @Override
        public String purgeVariant(String id, String spec) {
            return call(() -> control.request(PurgeRequest.variant(imageId(id), spec), caller()));
        }

        @Override
        public String purgeAll() {
            return call(() -> control.request(PurgeRequest.all(), caller()));
        }

        @Override
        public String[] status(String purgeId) {
            return call(() -> control.status(purgeId));
        }

        @Override
        public long getTotalPurges() {
            return call(control::totalPurges);
        }

        @Override
        public String[] getLastPurges() {
            return call(control::lastPurges);
        }

        @Override
        public String getSite() {
            return call(control::site);
        }

        private static ImageId imageId(String id) {
            return ImageId.parse(id == null ? "" : id.trim())
                    .orElseThrow(() -> new IllegalArgumentException("an image id is 64 lowercase hex characters"));
        }

        /** {@code jmx:<user>} as the server authenticated them, or {@code jmx} when it does not say. */
        private String caller() {
            return callers.current().map(user -> "jmx:" + user).orElse("jmx");
        }

        private static <T> T call(Callable<T> action) {
            try {
                return action.call();
            } catch (EJBException e) {
                throw translate(e.getCausedByException() != null ? e.getCausedByException() : e);
            } catch (Exception e) {
                throw translate(e);
            }
        }

        private static RuntimeException translate(Exception e) {
            if (e instanceof PicbedException p) {
                return new IllegalArgumentException(p.publicMessage());
            }
            if (e instanceof IllegalArgumentException i) {
                return i;
            }
            LOG.log(Level.WARNING, "purge operation failed", e);
            return new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
