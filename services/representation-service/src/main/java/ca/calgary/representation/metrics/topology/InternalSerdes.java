package ca.calgary.representation.metrics.topology;

import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.core.CompetitionEntry;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.FlowContribution;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.Placement;
import ca.calgary.representation.metrics.core.SelfIdentification;
import ca.calgary.representation.streams.BinarySerde;
import ca.calgary.representation.streams.BinarySerde.Reader;
import ca.calgary.representation.streams.BinarySerde.Writer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Compact binary serdes for the topology's own repartition topics and state stores. These never leave the
 * pipeline, so they need no registry; each value starts with a format version byte so a later release can read
 * what an earlier one wrote.
 */
final class InternalSerdes {

    /** Format 2 added competition ids to history entries; format 1 values are still read. */
    private static final byte VERSION = 2;

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
            writeNullable(out, change.before(), InternalSerdes::writeContribution);
            writeNullable(out, change.after(), InternalSerdes::writeContribution);
            out.writeInt(change.unexplainedBefore());
            out.writeInt(change.unexplainedAfter());
        }, in -> new ContributionChange(readNullable(in, InternalSerdes::readContribution),
                readNullable(in, InternalSerdes::readContribution), in.readInt(),
                in.readInt()));
    }

    static Serde<EmployeeFlows> employeeFlows() {
        return serde(InternalSerdes::writeFlows, InternalSerdes::readFlows);
    }

    /** A change of one employee's flows: the changed periods and competitions, before and after. */
    static Serde<EmployeeFlows.Change> flowChange() {
        return serde((out, change) -> {
            out.writeInt(change.periods().size());
            for (Map.Entry<Period, EmployeeFlows.Delta<FlowContribution>> entry : change.periods().entrySet()) {
                out.writeUTF(entry.getKey().id());
                writeNullable(out, entry.getValue().before(), InternalSerdes::writeFlowContribution);
                writeNullable(out, entry.getValue().after(), InternalSerdes::writeFlowContribution);
            }
            out.writeInt(change.competitions().size());
            for (Map.Entry<String, EmployeeFlows.Delta<CompetitionEntry>> entry : change.competitions().entrySet()) {
                out.writeUTF(entry.getKey());
                writeNullable(out, entry.getValue().before(), InternalSerdes::writeCompetitionEntry);
                writeNullable(out, entry.getValue().after(), InternalSerdes::writeCompetitionEntry);
            }
        }, in -> {
            Map<Period, EmployeeFlows.Delta<FlowContribution>> periods = new TreeMap<>();
            int periodCount = in.readInt();
            for (int i = 0; i < periodCount; i++) {
                periods.put(Period.parse(in.readUTF()), new EmployeeFlows.Delta<>(
                        readNullable(in, InternalSerdes::readFlowContribution),
                        readNullable(in, InternalSerdes::readFlowContribution)));
            }
            Map<String, EmployeeFlows.Delta<CompetitionEntry>> competitions = new TreeMap<>();
            int competitionCount = in.readInt();
            for (int i = 0; i < competitionCount; i++) {
                competitions.put(in.readUTF(), new EmployeeFlows.Delta<>(
                        readNullable(in, InternalSerdes::readCompetitionEntry),
                        readNullable(in, InternalSerdes::readCompetitionEntry)));
            }
            return new EmployeeFlows.Change(periods, competitions);
        });
    }

    static Serde<CompetitionOpening> competitionOpening() {
        return serde((out, opening) -> {
            out.writeUTF(opening.competitionId());
            out.writeLong(opening.opened().toEpochDay());
            out.writeLong(opening.recordedAt().getEpochSecond());
            out.writeInt(opening.recordedAt().getNano());
            out.writeUTF(opening.eventId());
            writePlacement(out, opening.target());
        }, in -> new CompetitionOpening(in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF(), readPlacement(in)));
    }

    // --- formats ---

    private static void writeFlows(DataOutputStream out, EmployeeFlows flows) throws IOException {
        out.writeInt(flows.periods().size());
        for (Map.Entry<Period, FlowContribution> entry : flows.periods().entrySet()) {
            out.writeUTF(entry.getKey().id());
            writeFlowContribution(out, entry.getValue());
        }
        out.writeInt(flows.competitions().size());
        for (Map.Entry<String, CompetitionEntry> entry : flows.competitions().entrySet()) {
            out.writeUTF(entry.getKey());
            writeCompetitionEntry(out, entry.getValue());
        }
    }

    private static EmployeeFlows readFlows(BinarySerde.Input in) throws IOException {
        SortedMap<Period, FlowContribution> periods = new TreeMap<>();
        int periodCount = in.readInt();
        for (int i = 0; i < periodCount; i++) {
            periods.put(Period.parse(in.readUTF()), readFlowContribution(in));
        }
        SortedMap<String, CompetitionEntry> competitions = new TreeMap<>();
        int competitionCount = in.readInt();
        for (int i = 0; i < competitionCount; i++) {
            competitions.put(in.readUTF(), readCompetitionEntry(in));
        }
        return new EmployeeFlows(periods, competitions);
    }

    private static void writeFlowContribution(DataOutputStream out, FlowContribution c) throws IOException {
        out.writeInt(mask(c.groups()));
        writeNullable(out, c.atStart(), InternalSerdes::writePlacement);
        writeNullable(out, c.atEnd(), InternalSerdes::writePlacement);
        out.writeBoolean(c.menteeAtEnd());
        writeList(out, c.hires(), InternalSerdes::writePlacement);
        writeList(out, c.promotions(), (o, promotion) -> {
            writePlacement(o, promotion.from());
            writePlacement(o, promotion.to());
        });
        writeList(out, c.separations(), InternalSerdes::writePlacement);
        writeList(out, c.enrolments(), (o, enrolment) -> {
            writePlacement(o, enrolment.placement());
            o.writeBoolean(enrolment.promotedWithin24Months());
        });
        writeList(out, c.completions(), InternalSerdes::writePlacement);
        out.writeBoolean(c.nonMentee());
        out.writeBoolean(c.nonMenteePromoted());
    }

    private static FlowContribution readFlowContribution(BinarySerde.Input in) throws IOException {
        return new FlowContribution(unmask(in.readInt(), Group.class),
                readNullable(in, InternalSerdes::readPlacement), readNullable(in, InternalSerdes::readPlacement),
                in.readBoolean(), readList(in, InternalSerdes::readPlacement),
                readList(in, i -> new FlowContribution.Promotion(readPlacement(i), readPlacement(i))),
                readList(in, InternalSerdes::readPlacement),
                readList(in, i -> new FlowContribution.Enrolment(readPlacement(i), i.readBoolean())),
                readList(in, InternalSerdes::readPlacement), in.readBoolean(), in.readBoolean());
    }

    private static void writeCompetitionEntry(DataOutputStream out, CompetitionEntry entry) throws IOException {
        out.writeByte(entry.stage().ordinal());
        out.writeInt(mask(entry.groups()));
    }

    private static CompetitionEntry readCompetitionEntry(BinarySerde.Input in) throws IOException {
        return new CompetitionEntry(CompetitionEntry.Stage.values()[in.readByte()], unmask(in.readInt(), Group.class));
    }

    private static <T> void writeNullable(DataOutputStream out, T value, Writer<T> writer) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writer.write(out, value);
        }
    }

    private static <T> T readNullable(BinarySerde.Input in, Reader<T> reader) throws IOException {
        return in.readBoolean() ? reader.read(in) : null;
    }

    private static <T> void writeList(DataOutputStream out, List<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    private static <T> List<T> readList(BinarySerde.Input in, Reader<T> reader) throws IOException {
        int size = in.readInt();
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(reader.read(in));
        }
        return values;
    }

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
        writeNullable(out, event.programId(), DataOutputStream::writeUTF);
        out.writeByte(event.role() == null ? -1 : event.role().ordinal());
        writeNullable(out, event.competitionId(), DataOutputStream::writeUTF);
    }

    private static EmployeeEvent readEvent(BinarySerde.Input in) throws IOException {
        String eventId = in.readUTF();
        LocalDate effective = LocalDate.ofEpochDay(in.readLong());
        Instant recorded = Instant.ofEpochSecond(in.readLong(), in.readInt());
        EmployeeEvent.Kind kind = EmployeeEvent.Kind.values()[in.readByte()];
        Placement placement = in.readBoolean() ? readPlacement(in) : null;
        SelfIdentification identification = in.readBoolean() ? readIdentification(in) : null;
        String programId = readNullable(in, DataInput::readUTF);
        byte role = in.readByte();
        String competitionId = in.version() >= 2 ? readNullable(in, DataInput::readUTF) : null;
        return new EmployeeEvent(eventId, effective, recorded, kind, placement, identification, programId,
                role < 0 ? null : MentorshipRole.values()[role], competitionId);
    }

    private static void writePlacement(DataOutputStream out, Placement placement) throws IOException {
        out.writeByte(placement.level().ordinal());
        out.writeUTF(placement.orgUnitPath());
        out.writeUTF(placement.serviceLine());
    }

    private static Placement readPlacement(BinarySerde.Input in) throws IOException {
        return new Placement(Level.values()[in.readByte()], in.readUTF(), in.readUTF());
    }

    private static void writeIdentification(DataOutputStream out, SelfIdentification identification)
            throws IOException {
        out.writeBoolean(identification.responded());
        out.writeInt(mask(identification.indigenousIdentities()));
        out.writeInt(mask(identification.raceCategories()));
    }

    private static SelfIdentification readIdentification(BinarySerde.Input in) throws IOException {
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

    private static Contribution readContribution(BinarySerde.Input in) throws IOException {
        return new Contribution(readPlacement(in), unmask(in.readInt(), Group.class), in.readBoolean());
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

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return BinarySerde.of(VERSION, writer, reader);
    }
}
