package org.picbed.batch;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.auth.Uploader;
import org.picbed.it.Await;
import org.picbed.it.PicbedDeployment;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In the server: a group's callback message delivered a second time (as after a crash between the POST and the
 * acknowledgement, or a redrive from the dead-letter queue) does not post the group again; a task whose stage
 * fails on every attempt ends in the dead-letter queue and as failed, and its group still completes.
 */
@ExtendWith(ArquillianExtension.class)
class BatchInServerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PicbedDeployment.earWith(BatchInServerIT.class);
    }

    @Inject
    Batches batches;

    @Inject
    BatchStaging staging;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/picbed/callbacks")
    Queue callbacks;

    @Resource(lookup = "java:/jms/picbed/process/dlq")
    Queue processDeadLetters;

    @Test
    void aTaskThatFailsOnEveryAttemptIsDeadLetteredAndItsGroupCompletes() throws Exception {
        String missing = java.util.UUID.randomUUID().toString(); // a staged file that is not there: every attempt fails
        BatchGroup group = batches.submit(new GroupRequest(List.of(new GroupRequest.TaskRequest(null, "gone.png", missing,
                List.of(), false)), true, null), new Uploader("it-dead-letter"));
        Await.until("the group completes", Duration.ofSeconds(60),
                () -> batches.group(group.id()).orElseThrow().state() == BatchStates.GroupState.DONE);
        BatchTask task = batches.tasks(group.id()).get(0);
        assertEquals(BatchStates.TaskState.FAILED, task.state());
        assertEquals("internal_error", task.errorCode());
        Await.until("the message is in the dead-letter queue", Duration.ofSeconds(30), () -> {
            try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                var messages = context.createBrowser(processDeadLetters, "task = " + task.id()).getEnumeration();
                return messages.hasMoreElements();
            }
        });
    }

    @Test
    void aRedeliveredCallbackMessageDoesNotPostTheGroupAgain() throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PICBED_FETCH_ALLOW", "127.0.0.1:3432").replaceAll(".*:(\\d+)$", "$1"));
        AtomicInteger posts = new AtomicInteger();
        // a bare HTTP/1.1 receiver: the JDK's com.sun.net.httpserver is not visible to deployments
        ServerSocket receiver = new ServerSocket();
        receiver.bind(new InetSocketAddress("127.0.0.1", port));
        Thread accepting = new Thread(() -> {
            while (!receiver.isClosed()) {
                try (Socket socket = receiver.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    posts.incrementAndGet();
                    socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return;
                }
            }
        });
        accepting.start();
        try {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, (int) System.nanoTime());
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            String staged = staging.stage(new ByteArrayInputStream(png.toByteArray()), 1_000_000);
            BatchGroup group = batches.submit(new GroupRequest(List.of(new GroupRequest.TaskRequest(null, "dot.png", staged,
                    List.of(), false)), true, "http://127.0.0.1:" + port + "/redelivered"), new Uploader("it-redelivery"));
            Await.until("callback delivered", Duration.ofSeconds(60), () -> posts.get() == 1
                    && batches.group(group.id()).orElseThrow().callbackState() == BatchStates.CallbackState.DELIVERED);

            try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                context.createProducer().setProperty("group", group.id()).send(callbacks, group.id()); // the same message again
            }
            Await.until("the duplicate was consumed", Duration.ofSeconds(30), () -> {
                try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                    return !context.createBrowser(callbacks).getEnumeration().hasMoreElements();
                }
            });
            Thread.sleep(1000);
            assertEquals(1, posts.get(), "the group was posted once");
            assertEquals(1, batches.group(group.id()).orElseThrow().callbackAttempts());
        } finally {
            receiver.close();
            accepting.join(2000);
        }
    }
}
