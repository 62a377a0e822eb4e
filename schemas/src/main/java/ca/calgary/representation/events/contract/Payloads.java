package ca.calgary.representation.events.contract;

import java.util.List;

import ca.calgary.representation.events.EmployeeHired;
import ca.calgary.representation.events.EmployeeHiredType;
import ca.calgary.representation.events.EmployeePromoted;
import ca.calgary.representation.events.EmployeePromotedType;
import ca.calgary.representation.events.EmployeeSeparated;
import ca.calgary.representation.events.EmployeeSeparatedType;
import ca.calgary.representation.events.EmployeeTransferred;
import ca.calgary.representation.events.EmployeeTransferredType;
import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.MentorshipCompleted;
import ca.calgary.representation.events.MentorshipCompletedType;
import ca.calgary.representation.events.MentorshipEnrolled;
import ca.calgary.representation.events.MentorshipEnrolledType;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.MentorshipWithdrawn;
import ca.calgary.representation.events.MentorshipWithdrawnType;
import ca.calgary.representation.events.WorkingGroupAppointed;
import ca.calgary.representation.events.WorkingGroupAppointedType;
import ca.calgary.representation.events.WorkingGroupAppointmentEnded;
import ca.calgary.representation.events.WorkingGroupAppointmentEndedType;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionApplicationSubmitted;
import ca.calgary.representation.events.PromotionApplicationSubmittedType;
import ca.calgary.representation.events.PromotionCandidateShortlisted;
import ca.calgary.representation.events.PromotionCandidateShortlistedType;
import ca.calgary.representation.events.PromotionCompetitionOpened;
import ca.calgary.representation.events.PromotionCompetitionOpenedType;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SelfIdentificationSubmitted;
import ca.calgary.representation.events.SelfIdentificationSubmittedType;
import ca.calgary.representation.events.SelfIdentificationWithdrawn;
import ca.calgary.representation.events.SelfIdentificationWithdrawnType;
import ca.calgary.representation.events.SeparationReason;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event payloads of SPEC §3 with their {@code type} discriminator set (each payload record's first field, whose
 * only value is the record's name, so that writers that pick a union branch by shape pick the right one), in one
 * call. (The tag has a schema default for reading v1 data; a builder would fill it by reflection, which Avro allows
 * only for trusted classes, so these factories set it explicitly.)
 */
public final class Payloads {

    private Payloads() {
    }

    /** The declared type of a payload (the envelope's {@code type}): its record name. */
    public static String typeOf(SpecificRecord payload) {
        return payload.getSchema().getName();
    }

    public static EmployeeHired employeeHired(Position position) {
        return new EmployeeHired(EmployeeHiredType.EmployeeHired, position);
    }

    public static EmployeeTransferred employeeTransferred(Position position) {
        return new EmployeeTransferred(EmployeeTransferredType.EmployeeTransferred, position);
    }

    public static EmployeeSeparated employeeSeparated(SeparationReason reason) {
        return new EmployeeSeparated(EmployeeSeparatedType.EmployeeSeparated, reason);
    }

    public static SelfIdentificationSubmitted selfIdentificationSubmitted(SelfIdentificationStatus status,
                                                                          List<IndigenousIdentity> indigenous,
                                                                          List<RaceCategory> race) {
        return new SelfIdentificationSubmitted(SelfIdentificationSubmittedType.SelfIdentificationSubmitted,
                status, indigenous, race);
    }

    public static SelfIdentificationWithdrawn selfIdentificationWithdrawn() {
        return new SelfIdentificationWithdrawn(SelfIdentificationWithdrawnType.SelfIdentificationWithdrawn);
    }

    public static PromotionCompetitionOpened promotionCompetitionOpened(String competitionId, Position position) {
        return new PromotionCompetitionOpened(PromotionCompetitionOpenedType.PromotionCompetitionOpened,
                competitionId, position);
    }

    public static PromotionApplicationSubmitted promotionApplicationSubmitted(String competitionId) {
        return new PromotionApplicationSubmitted(PromotionApplicationSubmittedType.PromotionApplicationSubmitted,
                competitionId);
    }

    public static PromotionCandidateShortlisted promotionCandidateShortlisted(String competitionId) {
        return new PromotionCandidateShortlisted(PromotionCandidateShortlistedType.PromotionCandidateShortlisted,
                competitionId);
    }

    public static EmployeePromoted employeePromoted(Position position, String competitionId) {
        return new EmployeePromoted(EmployeePromotedType.EmployeePromoted, position, competitionId);
    }

    public static MentorshipEnrolled mentorshipEnrolled(String programId, MentorshipRole role) {
        return new MentorshipEnrolled(MentorshipEnrolledType.MentorshipEnrolled, programId, role);
    }

    public static MentorshipCompleted mentorshipCompleted(String programId) {
        return new MentorshipCompleted(MentorshipCompletedType.MentorshipCompleted, programId);
    }

    public static MentorshipWithdrawn mentorshipWithdrawn(String programId) {
        return new MentorshipWithdrawn(MentorshipWithdrawnType.MentorshipWithdrawn, programId);
    }

    public static WorkingGroupAppointed workingGroupAppointed(String workingGroupId, String workingGroupName,
                                                              WorkingGroupRole role) {
        return new WorkingGroupAppointed(WorkingGroupAppointedType.WorkingGroupAppointed, workingGroupId,
                workingGroupName, role);
    }

    public static WorkingGroupAppointmentEnded workingGroupAppointmentEnded(String workingGroupId) {
        return new WorkingGroupAppointmentEnded(WorkingGroupAppointmentEndedType.WorkingGroupAppointmentEnded,
                workingGroupId);
    }
}
