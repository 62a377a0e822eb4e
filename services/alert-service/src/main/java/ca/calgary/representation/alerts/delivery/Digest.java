package ca.calgary.representation.alerts.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.streams.AvroViews;

/**
 * One message telling a subscriber what is open, instead of the transitions it was not sent: after a first load
 * (transitions held while the pipeline caught up, SPEC §8).
 *
 * @param digestId   stable across retries and restarts, like a delivery id
 * @param heldSince  when the first transition for this subscriber was held
 * @param openFindings the open alerts that match the subscription as findings, highest priority first
 */
public record Digest(String digestId, Instant heldSince, Instant at, List<Finding> openFindings) {

    public static final String KIND = "DIGEST";

    public Digest {
        openFindings = List.copyOf(openFindings);
    }

    /** What the webhook receives. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", KIND);
        view.put("digestId", digestId);
        view.put("reason", "the pipeline caught up with its input; what it raised and resolved while catching up "
                + "was held, and this is what is open now");
        view.put("heldSince", heldSince.toString());
        view.put("at", at.toString());
        List<Map<String, Object>> open = new ArrayList<>();
        openFindings.forEach(finding -> open.add(AvroViews.view(finding)));
        view.put("openFindings", open);
        return view;
    }
}
