package org.picbed.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test MariaDB (and, for the Payara run, the test Artemis broker) before any test, so before Arquillian
 * starts the server, and stops them at the end.
 */
public class DatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("picbed.it.db.port") != null) {
            TestDatabase.startFresh();
        }
        if (TestBroker.wanted()) {
            TestBroker.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestBroker.stop();
        TestDatabase.stop();
    }
}
