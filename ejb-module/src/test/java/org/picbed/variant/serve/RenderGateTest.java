package org.picbed.variant.serve;

import org.junit.jupiter.api.Test;
import org.picbed.error.PicbedException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RenderGateTest {

    @Test
    void refusesAtOnceWhenWorkersAndLineAreFull() throws Exception {
        RenderGate gate = new RenderGate(1, 0, 60_000);
        gate.enterInteractive();
        assertEquals(1, gate.busyWorkers());
        PicbedException busy = assertThrows(PicbedException.class, gate::enterInteractive);
        assertEquals(503, busy.status());
        assertEquals("render_busy", busy.code());
        gate.leave();
        gate.enterInteractive();
        gate.leave();
    }

    @Test
    void aWaiterInTheLineGetsTheNextFreeWorker() throws Exception {
        RenderGate gate = new RenderGate(1, 1, 60_000);
        gate.enterInteractive();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Future<?> waiter = pool.submit(() -> {
                gate.enterInteractive();
                entered.countDown();
                gate.leave();
            });
            while (gate.waiting() == 0) {
                Thread.onSpinWait();
            }
            assertThrows(PicbedException.class, gate::enterInteractive, "the line holds one");
            gate.leave();
            assertEquals(true, entered.await(10, TimeUnit.SECONDS));
            waiter.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitingTooLongIsRefused() {
        RenderGate gate = new RenderGate(1, 5, 50);
        gate.enterInteractive();
        assertThrows(PicbedException.class, gate::enterInteractive);
        assertEquals(0, gate.waiting());
    }

    @Test
    void aBurstLongerThanTheWorkersQueuesAndEveryRequestIsServedInTurn() throws Exception {
        RenderGate gate = new RenderGate(2, 32, 60_000);
        int burst = 20;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        try {
            CountDownLatch start = new CountDownLatch(1);
            java.util.List<Future<Boolean>> renders = new java.util.ArrayList<>();
            for (int i = 0; i < burst; i++) {
                renders.add(pool.submit(() -> {
                    start.await();
                    gate.enterInteractive();
                    try {
                        Thread.sleep(5);   // a render holds its worker
                        return gate.busyWorkers() <= 2;
                    } finally {
                        gate.leave();
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> render : renders) {
                assertEquals(true, render.get(60, TimeUnit.SECONDS), "never more than two renders at once");
            }
            assertEquals(0, gate.waiting());
        } finally {
            pool.shutdownNow();
        }
    }
}
