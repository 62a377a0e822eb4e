package ca.calgary.representation.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root (where docker-compose.yml is), from wherever the tests run. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + here);
    }
}
