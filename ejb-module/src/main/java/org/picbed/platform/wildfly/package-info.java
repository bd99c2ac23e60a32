/** Adapters for WildFly 39: the hot cache of its infinispan subsystem. */
package org.picbed.platform.wildfly;
