/** Running picbed's server side outside the EAR: the embedded MariaDB that {@code ./picbed start} and the tests use. */
package org.picbed.server;
