/** picbed's one error model: every failure a client can see carries an HTTP status, a machine code and a public message. */
package org.picbed.error;
