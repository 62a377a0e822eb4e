package ca.calgary.representation.ingest.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository's own files that tests read: its root, the golden cases of the specification
 * ({@code testdata/golden}, SPEC §10) and, when the steering folder {@code shared/} stands beside the checkout, its
 * golden cases (which the repository's copy must equal).
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The repository's root: the nearest folder upwards from the module that holds {@code testdata/golden}. */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testdata").resolve("golden")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no testdata/golden in the repository above " + here);
    }

    /** The golden cases, one folder each. */
    public static Path golden() {
        return root().resolve("testdata").resolve("golden");
    }

    /** {@code ../shared/golden} beside the checkout, where it exists. */
    public static Optional<Path> sharedGolden() {
        return shared("golden");
    }

    /** {@code ../shared/<name>} beside the checkout (a file or a folder), where it exists. */
    public static Optional<Path> shared(String name) {
        Path shared = root().getParent().resolve("shared").resolve(name);
        return Files.exists(shared) ? Optional.of(shared) : Optional.empty();
    }
}
