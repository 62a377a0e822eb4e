package ca.calgary.representation.streams;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class StreamsApplicationTest {

    /**
     * A service with several applications (live figures, flows, goals) tells every one of them to stop before it
     * waits for any, so stopping takes the slowest application's time, not the sum (a busy service used to take
     * longer than a container platform's grace period).
     */
    @Test
    void everyApplicationBeginsToStopBeforeTheServiceWaitsForAny() {
        KafkaStreams live = mock(KafkaStreams.class);
        KafkaStreams flows = mock(KafkaStreams.class);
        StreamsApplication service = new StreamsApplication() {
            @Override
            public KafkaStreams streams() {
                return live;
            }

            @Override
            public Map<String, KafkaStreams> applications() {
                Map<String, KafkaStreams> applications = new LinkedHashMap<>();
                applications.put("live", live);
                applications.put("flows", flows);
                return applications;
            }
        };

        service.close();

        InOrder order = inOrder(live, flows);
        order.verify(live).close(any(CloseOptions.class));
        order.verify(flows).close(any(CloseOptions.class));
        order.verify(live).close(any(CloseOptions.class));
        order.verify(flows).close(any(CloseOptions.class));
        order.verifyNoMoreInteractions();
    }
}
