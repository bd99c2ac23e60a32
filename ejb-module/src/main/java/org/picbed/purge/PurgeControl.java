package org.picbed.purge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.security.auth.Subject;
import java.lang.management.ManagementFactory;
import java.security.AccessController;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/** Registers {@code org.picbed:type=Purge} while the application is deployed. */
@Startup
@Singleton
public class PurgeControl {

    public static final String OBJECT_NAME = "org.picbed:type=Purge";
    private static final Logger LOG = Logger.getLogger(PurgeControl.class.getName());

    @Inject
    Purges purges;

    @Inject
    PurgeLog log;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(new Operations(purges, log, Thread.currentThread().getContextClassLoader()),
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

    /** Runs each call with the deployment's class loader (JMX threads have another one: cache keys depend on it). */
    record Operations(Purges purges, PurgeLog log, ClassLoader loader) implements PurgeControlMBean {

        @Override
        public String purgeImage(String id) {
            return call(() -> purges.request(PurgeRequest.image(imageId(id)), caller()).id());
        }

        @Override
        public String purgeVariant(String id, String spec) {
            return call(() -> purges.request(PurgeRequest.variant(imageId(id), spec), caller()).id());
        }

        @Override
        public String purgeAll() {
            return call(() -> purges.request(PurgeRequest.all(), caller()).id());
        }

        @Override
        public String[] status(String purgeId) {
            return call(() -> {
                if (log.find(purgeId).isEmpty()) {
                    return new String[]{"no purge " + purgeId};
                }
                return log.acks(purgeId).stream().map(a -> a.site() + " " + a.appliedAt() + " found=" + a.found()
                        + " variants=" + a.variantsRemoved() + " hot=" + a.hotEvicted()).toArray(String[]::new);
            });
        }

        @Override
        public long getTotalPurges() {
            return call(log::count);
        }

        @Override
        public String[] getLastPurges() {
            return call(() -> log.recent(20).stream().map(p -> p.id() + " " + p.requestedAt() + " " + p.requestedBy() + " "
                    + p.scope().toLowerCase() + (p.imageId() == null ? "" : " " + p.imageId())
                    + (p.spec() == null ? "" : " " + p.spec())).toArray(String[]::new));
        }

        @Override
        public String getSite() {
            return purges.site();
        }

        private static ImageId imageId(String id) {
            return ImageId.parse(id == null ? "" : id.trim())
                    .orElseThrow(() -> new IllegalArgumentException("an image id is 64 lowercase hex characters"));
        }

        @SuppressWarnings("removal")
        private static String caller() {
            Subject subject = Subject.getSubject(AccessController.getContext());
            List<String> names = subject == null ? List.of() : subject.getPrincipals().stream().map(Principal::getName).distinct().toList();
            return "jmx" + (names.isEmpty() ? "" : ":" + String.join(",", names));
        }

        private <T> T call(Callable<T> action) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return action.call();
            } catch (PicbedException e) {
                throw new IllegalArgumentException(e.publicMessage());
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
