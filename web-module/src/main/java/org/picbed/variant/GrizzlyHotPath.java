package org.picbed.variant;

import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.server.FileCacheFilter;

import java.lang.annotation.Annotation;

/**
 * Payara only: puts {@link GrizzlyHotFilter} into the Grizzly filter chain of Payara's HTTP listener, in the slot
 * of its {@code FileCacheFilter} (the chain keeps its size and indexes, so connections already open stay valid),
 * and puts the original back on undeploy. Payara's own classes (HK2's service locator, its Grizzly service) are
 * reached by reflection: they are not an API, so this says false, and hits go through the servlet, whenever they
 * are not where Payara 6 has them.
 */
final class GrizzlyHotPath {

    /** Payara's default HTTP listener (port 8080). */
    static final String LISTENER = "http-listener-1";

    private static FilterChain chain;
    private static int slot = -1;
    private static GrizzlyHotFilter installed;

    private GrizzlyHotPath() {
    }

    /** @return whether the filter is in place */
    static synchronized boolean install(String contextPath, ClassLoader deployment) throws ReflectiveOperationException {
        Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, deployment);
        Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
        Class<?> networkConfigType = Class.forName("org.glassfish.grizzly.config.dom.NetworkConfig", false, deployment);
        Object networkConfig = service(locator, networkConfigType, "default-instance-name");
        Object listenerConfig = networkConfig == null ? null
                : networkConfigType.getMethod("getNetworkListener", String.class).invoke(networkConfig, LISTENER);
        Class<?> grizzlyServiceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", false, deployment);
        Object grizzlyService = service(locator, grizzlyServiceType, null);
        if (listenerConfig == null || grizzlyService == null) {
            return false;
        }
        Object proxy = grizzlyServiceType.getMethod("lookupNetworkProxy",
                        Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", false, deployment))
                .invoke(grizzlyService, listenerConfig);
        if (proxy == null) {
            return false;
        }
        Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
        Object transport = listener == null ? null : listener.getClass().getMethod("getTransport").invoke(listener);
        Processor<?> processor = transport instanceof Transport t ? t.getProcessor() : null;
        if (!(processor instanceof FilterChain filters)) {
            return false;
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = filters.get(i);
            Filter original = filter instanceof FileCacheFilter ? filter
                    // left by an earlier deployment of picbed (another class loader): take its original
                    : filter.getClass().getName().equals(GrizzlyHotFilter.class.getName())
                    ? (Filter) accessible(filter.getClass().getDeclaredMethod("replaced")).invoke(filter) : null;
            if (original != null) {
                GrizzlyHotFilter mine = new GrizzlyHotFilter(original, contextPath, deployment);
                filters.set(i, mine);
                chain = filters;
                slot = i;
                installed = mine;
                return true;
            }
        }
        return false;
    }

    static synchronized void uninstall() {
        if (chain != null && slot >= 0 && slot < chain.size() && chain.get(slot) == installed) {
            chain.set(slot, installed.replaced());
        }
        chain = null;
        slot = -1;
        installed = null;
    }

    private static Object service(Object locator, Class<?> type, String name) throws ReflectiveOperationException {
        return name == null
                ? locator.getClass().getMethod("getService", Class.class, Annotation[].class).invoke(locator, type, new Annotation[0])
                : locator.getClass().getMethod("getService", Class.class, String.class, Annotation[].class)
                        .invoke(locator, type, name, new Annotation[0]);
    }

    private static java.lang.reflect.Method accessible(java.lang.reflect.Method method) {
        method.setAccessible(true);
        return method;
    }
}
