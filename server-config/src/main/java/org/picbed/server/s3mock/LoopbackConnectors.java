package org.picbed.server.s3mock;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keeps Adobe S3Mock on loopback. S3Mock 4.x always adds a second plain-HTTP connector
 * ({@code com.adobe.testing.s3mock.httpPort}) with no address, so it listens on every interface whatever
 * {@code server.address} says; this initializer gives that connector {@code server.address} too. S3Mock loads it
 * from {@code META-INF/spring.factories} when the launcher puts this jar on its class path (Spring Boot's
 * PropertiesLauncher, {@code -Dloader.path}). Verified in docs/research/s3-storage.md.
 */
public class LoopbackConnectors implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String address = context.getEnvironment().getProperty("server.address", "127.0.0.1");
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof TomcatServletWebServerFactory factory) {
                    for (Connector connector : factory.getAdditionalTomcatConnectors()) {
                        connector.setProperty("address", address);
                    }
                }
                return bean;
            }
        });
    }
}
