package ca.calgary.representation.metrics.topology;

import java.util.List;

import ca.calgary.representation.metrics.DeadLetter;

/** An input record after decoding and checking: the event to apply, or the dead letter that says why not. */
record DecodedInput<V>(V event, DeadLetter deadLetter) {

    static <V> DecodedInput<V> accepted(V event) {
        return new DecodedInput<>(event, null);
    }

    static <V> DecodedInput<V> rejected(DeadLetter deadLetter) {
        return new DecodedInput<>(null, deadLetter);
    }

    List<V> events() {
        return event == null ? List.of() : List.of(event);
    }

    List<DeadLetter> deadLetters() {
        return deadLetter == null ? List.of() : List.of(deadLetter);
    }
}
