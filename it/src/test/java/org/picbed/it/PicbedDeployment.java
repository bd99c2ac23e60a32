package org.picbed.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The EAR that the build produced, as a test deploys it: unchanged, or with test classes added to its WAR. */
public final class PicbedDeployment {

    public static final String WAR = "picbed-web.war";

    private PicbedDeployment() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("picbed.it.ear", "../ear/target/picbed.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first (./mvnw package): " + ear.getAbsolutePath() + " not found");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The real EAR with the given test classes in its web module, for tests that run inside the server. */
    public static EnterpriseArchive earWith(Class<?>... testClasses) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(testClasses).addClass(Await.class);
        ear.delete(WAR);
        return ear.addAsModule(war);
    }
}
