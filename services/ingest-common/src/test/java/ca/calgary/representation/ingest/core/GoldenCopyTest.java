package ca.calgary.representation.ingest.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repository carries its own copy of the golden cases; where the steering folder's {@code shared/golden} stands
 * beside the checkout, the two must be identical file for file, so a new or changed case is never silently missed.
 */
class GoldenCopyTest {

    @Test
    void theRepositorysGoldenCasesEqualSharedGolden() throws IOException {
        assumeTrue(ProjectFiles.sharedGolden().isPresent(), "no ../shared/golden beside the checkout");
        assertEquals(List.of(), differences(ProjectFiles.sharedGolden().orElseThrow(), ProjectFiles.golden()),
                "testdata/golden differs from ../shared/golden: copy the shared cases into testdata/golden");
    }

    @Test
    void aMissingChangedOrExtraCaseIsNamed(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path shared = temp.resolve("shared");
        Path copy = temp.resolve("copy");
        write(shared.resolve("01-basics/asof"), "2025-01-01");
        write(shared.resolve("02-new/asof"), "2025-01-01");
        write(copy.resolve("01-basics/asof"), "2025-01-02");
        write(copy.resolve("03-old/asof"), "2025-01-01");
        assertEquals(List.of("01-basics/asof differs", "02-new/asof is missing from the repository",
                "03-old/asof is not in shared/golden"), differences(shared, copy));
    }

    /** Each file that is missing from the copy, differs, or is only in the copy, by its path within the cases. */
    static List<String> differences(Path shared, Path copy) throws IOException {
        Map<String, Path> expected = files(shared);
        Map<String, Path> actual = files(copy);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Path> file : expected.entrySet()) {
            Path ours = actual.get(file.getKey());
            if (ours == null) {
                differences.add(file.getKey() + " is missing from the repository");
            } else if (!Arrays.equals(Files.readAllBytes(file.getValue()), Files.readAllBytes(ours))) {
                differences.add(file.getKey() + " differs");
            }
        }
        actual.keySet().stream().filter(name -> !expected.containsKey(name))
                .forEach(name -> differences.add(name + " is not in shared/golden"));
        return differences;
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile)
                    .forEach(file -> files.put(root.relativize(file).toString().replace('\\', '/'), file));
        }
        return files;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
