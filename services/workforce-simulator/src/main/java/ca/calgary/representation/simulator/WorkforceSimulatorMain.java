package ca.calgary.representation.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workforce simulator's command line; see {@link #USAGE}. */
public final class WorkforceSimulatorMain {

    static final String USAGE = """
            Usage: workforce-simulator <command> [options]

            Simulates a City-like workforce (police, fire, peace officers, emergency communications and management,
            corporate units) over several years and publishes or writes its HR events (SPEC §3).

            Commands:
              summary   simulate and print what the workforce looks like on the last day, and the events by type
              write     write the events as files: --out DIR [--format jsonl|csv|both]
                          DIR/events.jsonl      canonical JSON lines, all types, in publishing order
                          DIR/csv/<Type>.csv    one file per event type, in the ingest services' CSV layouts
                          DIR/goals.csv         the simulated City's goals, in the layout of the representation
                                                service's goals file (representation.metrics.goals-file)
              replay    publish the events through the ingest services' batch API, with a progress bar

            Settings (the same settings always give the same events):
              --seed N          random seed (default 2023)
              --employees N     workforce size at the start (default 15000; it grows about 1% a year)
              --years N         years of history (default 6)
              --end-date DATE   last simulated day, YYYY-MM-DD (default: today in Calgary, or the kept run's)

            Replay:
              --hiring URL      (default http://127.0.0.1:8101)
              --promotion URL   (default http://127.0.0.1:8102)
              --mentorship URL  (default http://127.0.0.1:8103)
              --user NAME       publisher (HR_PUBLISHER role; default hr-publisher); the password is read from the
                                environment variable SIMULATOR_PASSWORD
              --progress FILE   keep progress there and resume after what was already accepted
              --metrics URL     then wait until the representation service (e.g. http://127.0.0.1:8110) has
                                processed everything: its head count equals the simulation's; the LEADERSHIP
                                user is --metrics-user (default leader), its password SIMULATOR_METRICS_PASSWORD
              --metrics-user NAME
              --goals-admin NAME  also set the simulated City's goals through --metrics's /v1/goals as this
                                ADMINISTRATOR, whose password is read from SIMULATOR_ADMIN_PASSWORD

            Exit status: 0 done, 1 failed, 2 bad usage, 3 the progress file belongs to other settings.
            """;

    private static final Set<String> COMMANDS = Set.of("summary", "write", "replay");
    private static final Set<String> OPTIONS = Set.of("--seed", "--employees", "--years", "--end-date", "--out",
            "--format", "--hiring", "--promotion", "--mentorship", "--user", "--progress", "--metrics", "--metrics-user",
            "--goals-admin");

    private WorkforceSimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv("SIMULATOR_PASSWORD"),
                System.getenv("SIMULATOR_METRICS_PASSWORD"), System.getenv("SIMULATOR_ADMIN_PASSWORD")));
    }

    static int run(String[] args, PrintStream out, String password) {
        return run(args, out, password, null);
    }

    static int run(String[] args, PrintStream out, String password, String metricsPassword) {
        return run(args, out, password, metricsPassword, null);
    }

    static int run(String[] args, PrintStream out, String password, String metricsPassword, String adminPassword) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Map<String, String> options = new HashMap<>();
        try {
            if (!COMMANDS.contains(command)) {
                throw new IllegalArgumentException("unknown command '" + command + "'");
            }
            for (int i = 1; i < args.length; i += 2) {
                if (!OPTIONS.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i], args[i + 1]);
            }
            Path progress = Optional.ofNullable(options.get("--progress")).map(Path::of).orElse(null);
            SimulationSettings settings = settings(options, progress);
            Optional<String> kept = IngestReplay.keptFingerprint(progress);
            if (command.equals("replay") && kept.isPresent() && !kept.get().equals(settings.fingerprint())) {
                out.println("The kept progress (" + progress + ") belongs to other settings: " + kept.get()
                        + ". Replay with those settings, or start afresh (delete the kept data).");
                return 3;
            }
            out.printf(Locale.ROOT, "Simulating %,d employees over %d years to %s (seed %d) ...%n",
                    settings.employees(), settings.years(), settings.endDate(), settings.seed());
            Simulation simulation = WorkforceSimulation.run(settings);
            switch (command) {
                case "summary" -> out.print(simulation.summary().report());
                case "write" -> write(simulation, options, out);
                default -> replay(simulation, options, progress, password, metricsPassword, adminPassword, out);
            }
            return 0;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.println("workforce-simulator: " + e.getMessage());
            out.println("Run with --help for the usage.");
            return 2;
        } catch (Exception e) {
            out.println();
            out.println("workforce-simulator: " + e.getMessage());
            return 1;
        }
    }

    /** The settings from the options; without --end-date, a kept run's end date, so that a resumed replay continues it. */
    static SimulationSettings settings(Map<String, String> options, Path progress) throws IOException {
        LocalDate endDate = options.containsKey("--end-date") ? LocalDate.parse(options.get("--end-date"))
                : IngestReplay.keptFingerprint(progress).flatMap(SimulationSettings::endDateOf)
                        .orElse(LocalDate.now(SimulationSettings.CALGARY));
        return new SimulationSettings(number(options, "--seed", SimulationSettings.DEFAULT_SEED),
                (int) number(options, "--employees", SimulationSettings.DEFAULT_EMPLOYEES),
                (int) number(options, "--years", SimulationSettings.DEFAULT_YEARS), endDate);
    }

    private static long number(Map<String, String> options, String name, long otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got '" + value + "')");
        }
    }

    private static void write(Simulation simulation, Map<String, String> options, PrintStream out) throws Exception {
        String dir = options.get("--out");
        if (dir == null) {
            throw new IllegalArgumentException("write needs --out DIR");
        }
        String format = options.getOrDefault("--format", "both");
        if (!Set.of("jsonl", "csv", "both").contains(format)) {
            throw new IllegalArgumentException("--format must be jsonl, csv or both (got '" + format + "')");
        }
        Path directory = Path.of(dir);
        if (!format.equals("csv")) {
            out.println("Wrote " + EventFiles.writeJsonLines(simulation.events(), directory));
        }
        if (!format.equals("jsonl")) {
            EventFiles.writeCsv(simulation.events(), directory).values().forEach(file -> out.println("Wrote " + file));
        }
        out.println("Wrote " + CityGoals.write(directory));
        out.print(simulation.summary().report());
    }

    private static void replay(Simulation simulation, Map<String, String> options, Path progress, String password,
                               String metricsPassword, String adminPassword, PrintStream out) throws Exception {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("replay needs the publisher's password in SIMULATOR_PASSWORD");
        }
        if (options.containsKey("--metrics") && (metricsPassword == null || metricsPassword.isBlank())) {
            throw new IllegalArgumentException("--metrics needs the LEADERSHIP user's password in "
                    + "SIMULATOR_METRICS_PASSWORD");
        }
        if (options.containsKey("--goals-admin") && (!options.containsKey("--metrics") || adminPassword == null
                || adminPassword.isBlank())) {
            throw new IllegalArgumentException("--goals-admin needs --metrics URL and the ADMINISTRATOR's password "
                    + "in SIMULATOR_ADMIN_PASSWORD");
        }
        Map<String, URI> services = Map.of(
                "hiring", URI.create(options.getOrDefault("--hiring", "http://127.0.0.1:8101")),
                "promotion", URI.create(options.getOrDefault("--promotion", "http://127.0.0.1:8102")),
                "mentorship", URI.create(options.getOrDefault("--mentorship", "http://127.0.0.1:8103")));
        IngestReplay.Target target = new IngestReplay.Target(services, options.getOrDefault("--user", "hr-publisher"),
                password);
        IngestReplay.Result result = new IngestReplay(target, progress, out).replay(simulation);
        out.printf(Locale.ROOT, "Replayed %,d events: %,d accepted, %,d already there (duplicates).%n",
                result.sent(), result.accepted(), result.duplicates());
        out.print(simulation.summary().report());
        if (options.containsKey("--goals-admin")) {
            CityGoals.publish(URI.create(options.get("--metrics")), options.get("--goals-admin"), adminPassword, out);
        }
        if (options.containsKey("--metrics")) {
            MetricsWait wait = new MetricsWait(URI.create(options.get("--metrics")),
                    options.getOrDefault("--metrics-user", "leader"), metricsPassword, out);
            if (!wait.await(simulation.summary(), Duration.ofHours(6))) {
                throw new IllegalStateException("the metrics did not catch up within 6 hours");
            }
        }
    }
}
