package org.picbed.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformTest {

    @Test
    void eachServerIsKnownByItsOwnSystemProperties() {
        assertEquals(Platform.WILDFLY, Platform.detect(props("jboss.home.dir", "/opt/wildfly")));
        assertEquals(Platform.PAYARA, Platform.detect(props("com.sun.aas.instanceRoot", "/opt/payara6/glassfish/domains/domain1")));
        assertEquals(Platform.OTHER, Platform.detect(new Properties()));
    }

    @Test
    void withoutPicbedHomeDataLiesInTheServersInstance() {
        Properties payara = props("com.sun.aas.instanceRoot", "/opt/payara6/glassfish/domains/domain1");
        assertEquals(Path.of("/opt/payara6/glassfish/domains/domain1/data/picbed"), new Settings(Map.of(), payara).home());
        Properties wildfly = props("jboss.server.data.dir", "/srv/wf/data");
        assertEquals(Path.of("/srv/wf/data/picbed"), new Settings(Map.of(), wildfly).home());
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }
}
