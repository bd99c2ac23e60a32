/**
 * Where picbed meets the application server: which server it runs on ({@link org.picbed.config.Platform}) and the
 * one producer ({@link org.picbed.platform.PlatformAdapters}) that picks each port's adapter for it. Adapters live in
 * one sub-package per server ({@code wildfly}, {@code payara}); nothing outside this package tree names a server's
 * JNDI names or APIs. The ports themselves belong to their domains (e.g. {@link org.picbed.cache.HotCacheContainer}).
 */
package org.picbed.platform;
