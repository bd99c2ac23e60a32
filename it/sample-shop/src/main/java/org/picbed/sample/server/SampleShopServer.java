package org.picbed.sample.server;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the sample shop's WAR on an embedded Apache Tomcat 10.1, the way a shop runs its own application on its own
 * server: {@code java -cp <tomcat jars>:<this> org.picbed.sample.server.SampleShopServer <war> <port>}. picbed's
 * address and keys come from the environment ({@code PICBED_URL}, {@code PICBED_API_KEY}, {@code PICBED_SIGNING_KEY},
 * {@code PICBED_SIGNING_SALT}), as the taglib and the client read them. Listens on 127.0.0.1 only.
 */
public final class SampleShopServer {

    private SampleShopServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SampleShopServer <sample-shop.war> <port>");
            System.exit(2);
        }
        Path war = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path base = Files.createTempDirectory("sample-shop-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Files.createDirectories(base.resolve("webapps"));
        tomcat.addWebapp("", war.toString());
        tomcat.start();
        System.out.println("sample shop on http://127.0.0.1:" + port + "/ (Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber() + ")");
        tomcat.getServer().await();
    }
}
