package ca.calgary.representation.alerts.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.streams.AvroViews;

/**
 * One message telling a subscriber about findings together (SPEC §8): after a first load, what is open (the
 * findings held while the pipeline caught up); or, on a subscription's DAILY or WEEKLY schedule, what opened,
 * worsened and resolved in the period and what is still open. Each list is highest priority first.
 *
 * @param digestId  stable across retries and restarts, like a delivery id
 * @param since     the start of the period it covers (a first load: when the first finding was held)
 * @param at        its end: when it was due (scheduled) or made (after a first load)
 * @param stillOpen open findings that neither opened nor worsened in the period (after a first load: all open)
 */
public record Digest(String digestId, Kind kind, Instant since, Instant at, List<Finding> opened,
                     List<Finding> worsened, List<Finding> resolved, List<Finding> stillOpen) {

    public static final String KIND = "DIGEST";

    /** Why the digest was sent. */
    public enum Kind {
        /** The pipeline caught up with its input after holding findings. */
        CAUGHT_UP,
        DAILY,
        WEEKLY
    }

    public Digest {
        opened = List.copyOf(opened);
        worsened = List.copyOf(worsened);
        resolved = List.copyOf(resolved);
        stillOpen = List.copyOf(stillOpen);
    }

    /** After a first load: what is open. */
    static Digest caughtUp(String digestId, Instant heldSince, Instant at, List<Finding> open) {
        return new Digest(digestId, Kind.CAUGHT_UP, heldSince, at, List.of(), List.of(), List.of(), open);
    }

    int openCount() {
        return opened.size() + worsened.size() + stillOpen.size();
    }

    /** One sentence on what the digest covers. */
    String reason() {
        return switch (kind) {
            case CAUGHT_UP -> "The pipeline caught up with its input; what it raised and resolved while catching up "
                    + "was held, and this is what is open now.";
            case DAILY, WEEKLY -> "Your " + kind.name().toLowerCase(java.util.Locale.ROOT) + " digest: what opened, "
                    + "worsened and resolved since " + since + ", and what is still open.";
        };
    }

    /** What the webhook receives. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", KIND);
        view.put("digestKind", kind.name());
        view.put("digestId", digestId);
        view.put("reason", reason());
        view.put("since", since.toString());
        view.put("at", at.toString());
        view.put("opened", opened.stream().map(AvroViews::view).toList());
        view.put("worsened", worsened.stream().map(AvroViews::view).toList());
        view.put("resolved", resolved.stream().map(AvroViews::view).toList());
        view.put("stillOpen", stillOpen.stream().map(AvroViews::view).toList());
        return view;
    }
}
