package ca.calgary.representation.metrics.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Placement;
import ca.calgary.representation.metrics.core.SelfIdentification;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for the topology's own repartition topics and state stores. These never leave the
 * pipeline, so they need no registry; each value starts with a format version byte so a later release can read
 * what an earlier one wrote.
 */
final class InternalSerdes {

    private static final byte VERSION = 1;

    private InternalSerdes() {
    }

    /**
     * A change of one employee: what they counted as before and after (either may be null), and their number of
     * unexplained events (SPEC §4 data quality) before and after.
     */
    record ContributionChange(Contribution before, Contribution after, int unexplainedBefore, int unexplainedAfter) {
    }

    static Serde<EmployeeEvent> employeeEvent() {
        return serde(InternalSerdes::writeEvent, InternalSerdes::readEvent);
    }

    static Serde<EmployeeHistory> employeeHistory() {
        return serde((out, history) -> {
            out.writeInt(history.events().size());
            for (EmployeeEvent event : history.events()) {
                writeEvent(out, event);
            }
        }, in -> {
            int size = in.readInt();
            List<EmployeeEvent> events = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                events.add(readEvent(in));
            }
            return new EmployeeHistory(events);
        });
    }

    static Serde<Contribution> contribution() {
        return serde(InternalSerdes::writeContribution, InternalSerdes::readContribution);
    }

    static Serde<ContributionChange> contributionChange() {
        return serde((out, change) -> {
            writeNullableContribution(out, change.before());
            writeNullableContribution(out, change.after());
            out.writeInt(change.unexplainedBefore());
            out.writeInt(change.unexplainedAfter());
        }, in -> new ContributionChange(readNullableContribution(in), readNullableContribution(in), in.readInt(),
                in.readInt()));
    }

    // --- formats ---

    private static void writeEvent(DataOutputStream out, EmployeeEvent event) throws IOException {
        out.writeUTF(event.eventId());
        out.writeLong(event.effectiveDate().toEpochDay());
        out.writeLong(event.recordedAt().getEpochSecond());
        out.writeInt(event.recordedAt().getNano());
        out.writeByte(event.kind().ordinal());
        out.writeBoolean(event.placement() != null);
        if (event.placement() != null) {
            writePlacement(out, event.placement());
        }
        out.writeBoolean(event.identification() != null);
        if (event.identification() != null) {
            writeIdentification(out, event.identification());
        }
        writeNullableString(out, event.programId());
        out.writeByte(event.role() == null ? -1 : event.role().ordinal());
    }

    private static EmployeeEvent readEvent(DataInputStream in) throws IOException {
        String eventId = in.readUTF();
        LocalDate effective = LocalDate.ofEpochDay(in.readLong());
        Instant recorded = Instant.ofEpochSecond(in.readLong(), in.readInt());
        EmployeeEvent.Kind kind = EmployeeEvent.Kind.values()[in.readByte()];
        Placement placement = in.readBoolean() ? readPlacement(in) : null;
        SelfIdentification identification = in.readBoolean() ? readIdentification(in) : null;
        String programId = readNullableString(in);
        byte role = in.readByte();
        return new EmployeeEvent(eventId, effective, recorded, kind, placement, identification, programId,
                role < 0 ? null : MentorshipRole.values()[role]);
    }

    private static void writePlacement(DataOutputStream out, Placement placement) throws IOException {
        out.writeByte(placement.level().ordinal());
        out.writeUTF(placement.orgUnitPath());
        out.writeUTF(placement.serviceLine());
    }

    private static Placement readPlacement(DataInputStream in) throws IOException {
        return new Placement(Level.values()[in.readByte()], in.readUTF(), in.readUTF());
    }

    private static void writeIdentification(DataOutputStream out, SelfIdentification identification)
            throws IOException {
        out.writeBoolean(identification.responded());
        out.writeInt(mask(identification.indigenousIdentities()));
        out.writeInt(mask(identification.raceCategories()));
    }

    private static SelfIdentification readIdentification(DataInputStream in) throws IOException {
        boolean responded = in.readBoolean();
        Set<IndigenousIdentity> indigenous = unmask(in.readInt(), IndigenousIdentity.class);
        Set<RaceCategory> race = unmask(in.readInt(), RaceCategory.class);
        return new SelfIdentification(responded, indigenous, race);
    }

    private static void writeContribution(DataOutputStream out, Contribution contribution) throws IOException {
        writePlacement(out, contribution.placement());
        out.writeInt(mask(contribution.groups()));
        out.writeBoolean(contribution.mentee());
    }

    private static Contribution readContribution(DataInputStream in) throws IOException {
        return new Contribution(readPlacement(in), unmask(in.readInt(), Group.class), in.readBoolean());
    }

    private static void writeNullableContribution(DataOutputStream out, Contribution contribution) throws IOException {
        out.writeBoolean(contribution != null);
        if (contribution != null) {
            writeContribution(out, contribution);
        }
    }

    private static Contribution readNullableContribution(DataInputStream in) throws IOException {
        return in.readBoolean() ? readContribution(in) : null;
    }

    private static void writeNullableString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static <E extends Enum<E>> int mask(Set<E> values) {
        int mask = 0;
        for (E value : values) {
            mask |= 1 << value.ordinal();
        }
        return mask;
    }

    private static <E extends Enum<E>> Set<E> unmask(int mask, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (E constant : type.getEnumConstants()) {
            if ((mask & (1 << constant.ordinal())) != 0) {
                values.add(constant);
            }
        }
        return values;
    }

    // --- plumbing ---

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write an internal value for " + topic, e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new SerializationException("internal value of " + topic + " has format " + version
                            + "; this release reads format " + VERSION);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read an internal value of " + topic, e);
            }
        });
    }
}
