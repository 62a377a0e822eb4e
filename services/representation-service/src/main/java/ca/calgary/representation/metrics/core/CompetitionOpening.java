package ca.calgary.representation.metrics.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import ca.calgary.representation.events.PromotionCompetitionOpened;
import ca.calgary.representation.events.PromotionEvent;

/**
 * A promotion competition as opened: its target position decides the scope and tiers it rolls up into, its opening
 * date the period (SPEC §7). If a competition is opened twice, the later opening in fold order wins.
 */
public record CompetitionOpening(String competitionId, LocalDate opened, Instant recordedAt, String eventId,
                                 Placement target) {

    public static Optional<CompetitionOpening> from(PromotionEvent event) {
        if (event.getPayload() instanceof PromotionCompetitionOpened opened) {
            return Optional.of(new CompetitionOpening(opened.getCompetitionId(), event.getEffectiveDate(),
                    event.getRecordedAt(), event.getEventId(), EmployeeEvents.placement(opened.getPosition())));
        }
        return Optional.empty();
    }

    /** Whether this opening supersedes another of the same competition (SPEC §4 fold order). */
    public boolean supersedes(CompetitionOpening other) {
        return other == null || java.util.Comparator.comparing(CompetitionOpening::opened)
                .thenComparing(CompetitionOpening::recordedAt)
                .thenComparing(CompetitionOpening::eventId)
                .compare(this, other) >= 0;
    }
}
