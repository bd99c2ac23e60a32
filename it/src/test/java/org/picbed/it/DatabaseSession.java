package org.picbed.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Starts the test MariaDB before any test (so before Arquillian starts WildFly) and stops it at the end. */
public class DatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("picbed.it.db.port") != null) {
            TestDatabase.startFresh();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.stop();
    }
}
