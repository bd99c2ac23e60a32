package org.picbed.variant;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On Payara, answers hot hits in Grizzly before the web container ({@link GrizzlyHotPath}), as Undertow's IO
 * thread does on WildFly ({@link HotPathExtension}). Elsewhere it does nothing: the Grizzly classes are reached
 * by name only when Payara's Grizzly service is there.
 */
@WebListener
public class PayaraHotPath implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PayaraHotPath.class.getName());
    private static final String INSTALLER = "org.picbed.variant.GrizzlyHotPath";

    private boolean installed;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ClassLoader deployment = Thread.currentThread().getContextClassLoader();
        if (!onPayara(deployment)) {
            return;
        }
        String contextPath = event.getServletContext().getContextPath();
        try {
            Class<?> installer = Class.forName(INSTALLER, true, PayaraHotPath.class.getClassLoader());
            installed = (Boolean) installer.getDeclaredMethod("install", String.class, ClassLoader.class)
                    .invoke(null, contextPath, deployment);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "hot hits go through the servlet: the Grizzly hot path could not be installed", e);
            return;
        }
        LOG.info(installed ? "hot hits are answered in Grizzly before the web container (" + "http-listener-1)"
                : "hot hits go through the servlet: Payara's HTTP listener has no file-cache filter slot");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (installed) {
            try {
                Class.forName(INSTALLER, true, PayaraHotPath.class.getClassLoader()).getDeclaredMethod("uninstall").invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.log(Level.WARNING, "could not take the Grizzly hot path out", e);
            }
        }
    }

    private static boolean onPayara(ClassLoader loader) {
        try {
            Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
