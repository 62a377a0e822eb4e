package ca.calgary.representation.ingest.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code shared/golden} is: beside the repository, found by walking up from the module directory. */
public final class SharedGolden {

    private SharedGolden() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("golden");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/golden beside the repository (looked upwards from "
                + Path.of("").toAbsolutePath() + ")");
    }
}
