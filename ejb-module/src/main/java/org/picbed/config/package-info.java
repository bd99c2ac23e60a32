/** Reading picbed's settings: {@code PICBED_*} environment variables or {@code picbed.*} system properties. */
package org.picbed.config;
