/** The broker's destinations as picbed names them (server-config's 20-messaging.cli creates them). */
package org.picbed.messaging;
