package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PublishPacerTest {

    @Test
    void shortPassesAlwaysRunAndASlowOneHoldsTheNextBack() throws Exception {
        PublishPacer pacer = new PublishPacer();
        AtomicInteger passes = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertThat(pacer.run(i * 1000L, passes::incrementAndGet)).isTrue();
        }
        assertThat(pacer.run(6000, () -> {
            passes.incrementAndGet();
            sleep(PublishPacer.SLOW_PASS.toMillis() + 100);
        })).isTrue();
        assertThat(pacer.run(7000, passes::incrementAndGet)).isFalse();
        assertThat(passes).hasValue(6);
    }

    @Test
    void whileOldRecordsArriveFiguresArePublishedEveryCatchUpIntervalAndAtOnceWhenTheyStop() {
        PublishPacer pacer = new PublishPacer();
        AtomicInteger passes = new AtomicInteger();
        long start = 1_000_000_000L;
        long interval = PublishPacer.CATCH_UP_INTERVAL.toMillis();
        for (long now = start; now < start + 2 * interval; now += 1000) {
            pacer.seen(now - 600_000, now - 100); // written ten minutes ago: a backlog
            pacer.run(now, passes::incrementAndGet);
        }
        assertThat(passes).as("the first pass, then one per catch-up interval").hasValue(2);
        long stopped = start + 2 * interval + PublishPacer.STILL_ARRIVING.toMillis();
        assertThat(pacer.catchingUp(stopped)).isFalse();
        assertThat(pacer.run(stopped, passes::incrementAndGet)).as("records stopped: publish at once").isTrue();
    }

    @Test
    void liveRecordsAreNeverHeldBack() {
        PublishPacer pacer = new PublishPacer();
        AtomicInteger passes = new AtomicInteger();
        for (long now = 0; now < 20_000; now += 1000) {
            pacer.seen(now - 50, now - 10);
            pacer.run(now, passes::incrementAndGet);
        }
        assertThat(passes).hasValue(20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
