package ca.calgary.representation.metrics.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.WorkingGroupAppointed;

/**
 * The name a working group is given by an appointment to it. Appointments may spell it differently (a renamed
 * committee); the one latest in fold order (SPEC §4) names the group, whatever the order of arrival.
 */
public record WorkingGroupNaming(String workingGroupId, String workingGroupName, LocalDate namedOn,
                                 Instant recordedAt, String eventId) {

    private static final Comparator<WorkingGroupNaming> FOLD_ORDER = Comparator
            .comparing(WorkingGroupNaming::namedOn)
            .thenComparing(WorkingGroupNaming::recordedAt)
            .thenComparing(WorkingGroupNaming::eventId);

    public static Optional<WorkingGroupNaming> from(MentorshipEvent event) {
        if (event.getPayload() instanceof WorkingGroupAppointed appointed) {
            return Optional.of(new WorkingGroupNaming(appointed.getWorkingGroupId(), appointed.getWorkingGroupName(),
                    event.getEffectiveDate(), event.getRecordedAt(), event.getEventId()));
        }
        return Optional.empty();
    }

    /** Whether this naming supersedes another of the same group (null: none yet). */
    public boolean supersedes(WorkingGroupNaming other) {
        return other == null || FOLD_ORDER.compare(this, other) > 0;
    }
}
