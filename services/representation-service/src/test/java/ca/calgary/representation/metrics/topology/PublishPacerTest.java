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
            assertThat(pacer.run(passes::incrementAndGet)).isTrue();
        }
        assertThat(pacer.run(() -> {
            passes.incrementAndGet();
            sleep(PublishPacer.SLOW_PASS.toMillis() + 100);
        })).isTrue();
        assertThat(pacer.run(passes::incrementAndGet)).isFalse();
        assertThat(passes).hasValue(6);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
