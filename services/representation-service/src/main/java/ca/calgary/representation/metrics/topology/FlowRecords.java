package ca.calgary.representation.metrics.topology;

import java.time.LocalDate;

import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Quarter;

/** Flow, snapshot and competition figures as their Avro records, at a revision. */
final class FlowRecords {

    private FlowRecords() {
    }

    /** @param releasedOn the day the figures of its (period, scope, tier) were released (SPEC §9) */
    static FlowFigures toAvro(ca.calgary.representation.metrics.core.FlowFigures f, LocalDate releasedOn,
                              long revision) {
        return FlowFigures.newBuilder()
                .setPeriod(f.period().id())
                .setPeriodKind(f.period().kind().name())
                .setPeriodStart(f.period().start())
                .setPeriodEnd(f.period().end())
                .setComplete(f.complete())
                .setRevision(revision)
                .setScope(f.scope().id())
                .setTier(f.tier().name())
                .setGroup(f.group().name())
                .setHeadcountAtStart(f.headcountAtStart())
                .setHires(f.hires())
                .setPromotionsInto(f.promotionsInto())
                .setPromotionPool(f.promotionPool())
                .setPromotionRate(FiguresRecords.number(f.promotionRate()))
                .setPromotionReferenceGroup(name(f.promotionReferenceGroup()))
                .setPromotionReferencePool(f.promotionReferencePool())
                .setPromotionAdverseImpactRatio(f.promotionAdverseImpactRatio())
                .setPromotionFisherP(f.promotionFisherP())
                .setSeparations(f.separations())
                .setSeparationRate(FiguresRecords.number(f.separationRate()))
                .setSeparationReferenceGroup(name(f.separationReferenceGroup()))
                .setSeparationReferenceHeadcount(f.separationReferenceHeadcount())
                .setSeparationRateRatio(f.separationRateRatio())
                .setSeparationFisherP(f.separationFisherP())
                .setHeadcountBelowManagement(f.headcountBelowManagement())
                .setActiveMentees(f.activeMentees())
                .setParticipationRate(FiguresRecords.number(f.participationRate()))
                .setMenteeEnrolments(f.menteeEnrolments())
                .setMenteeCompletions(f.menteeCompletions())
                .setMenteesPromotedWithin24Months(f.menteesPromotedWithin24Months())
                .setMenteePromotionRate24Months(FiguresRecords.number(f.menteePromotionRate24Months()))
                .setNonMentees(f.nonMentees())
                .setNonMenteesPromotedWithin24Months(f.nonMenteesPromotedWithin24Months())
                .setNonMenteePromotionRate24Months(FiguresRecords.number(f.nonMenteePromotionRate24Months()))
                .setMentorshipWindowComplete(f.mentorshipWindowComplete())
                .setSuppressed(f.suppressed())
                .setReleasedOn(releasedOn)
                .build();
    }

    /** @param releasedOn the day the competition's funnel was released; for a roll-up the latest of its parts' */
    static CompetitionFigures toAvro(ca.calgary.representation.metrics.core.CompetitionFigures f, LocalDate releasedOn,
                                     long revision) {
        return CompetitionFigures.newBuilder()
                .setCompetitionId(f.competitionId())
                .setPeriod(f.period() == null ? null : f.period().id())
                .setScope(f.scope() == null ? null : f.scope().id())
                .setTier(f.tier() == null ? null : f.tier().name())
                .setTargetLevel(f.targetLevel())
                .setGroup(f.group().name())
                .setRevision(revision)
                .setApplicants(f.applicants())
                .setShortlisted(f.shortlisted())
                .setPromoted(f.promoted())
                .setShortlistRate(FiguresRecords.number(f.shortlisting().rate()))
                .setShortlistReferenceGroup(name(f.shortlisting().referenceGroup()))
                .setShortlistReferenceBase(f.shortlisting().referenceBase())
                .setShortlistAdverseImpactRatio(f.shortlisting().adverseImpactRatio())
                .setShortlistFisherP(f.shortlisting().fisherP())
                .setSelectionFromShortlistRate(FiguresRecords.number(f.selectionFromShortlist().rate()))
                .setSelectionFromShortlistReferenceGroup(name(f.selectionFromShortlist().referenceGroup()))
                .setSelectionFromShortlistReferenceBase(f.selectionFromShortlist().referenceBase())
                .setSelectionFromShortlistAdverseImpactRatio(f.selectionFromShortlist().adverseImpactRatio())
                .setSelectionFromShortlistFisherP(f.selectionFromShortlist().fisherP())
                .setOverallRate(FiguresRecords.number(f.overall().rate()))
                .setOverallReferenceGroup(name(f.overall().referenceGroup()))
                .setOverallReferenceBase(f.overall().referenceBase())
                .setOverallAdverseImpactRatio(f.overall().adverseImpactRatio())
                .setOverallFisherP(f.overall().fisherP())
                .setSuppressed(f.suppressed())
                .setReleasedOn(releasedOn)
                .build();
    }

    /** @param releasedOn the day the group figures of its (scope, tier) were released (SPEC §9) */
    static RepresentationSnapshot snapshot(Quarter quarter, CellFigures figures, LocalDate releasedOn,
                                           long revision) {
        return new RepresentationSnapshot(quarter.id(), revision, FiguresRecords.toAvro(figures), releasedOn);
    }

    private static String name(Group group) {
        return group == null ? null : group.name();
    }
}
