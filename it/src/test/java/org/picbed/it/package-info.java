/** What every integration test shares: the real EAR, the test server's address, the test database, waiting. */
package org.picbed.it;
