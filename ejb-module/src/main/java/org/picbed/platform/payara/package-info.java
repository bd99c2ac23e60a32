/**
 * Adapters for Payara Server 6 (and any server without WildFly's subsystems): the embedded Infinispan hot cache.
 * Payara's messaging and database settings are server configuration only (server-config/src/main/payara).
 */
package org.picbed.platform.payara;
