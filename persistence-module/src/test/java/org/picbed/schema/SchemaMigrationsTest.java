package org.picbed.schema;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaMigrationsTest {

    /** A migration added to the folder but not to the index would silently never run. */
    @Test
    void indexListsEveryMigrationInTheFolderInVersionOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", SchemaMigrations.FOLDER))) {
            var onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            assertEquals(onDisk, SchemaMigrations.indexed(getClass().getClassLoader()));
        }
    }

    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }
}
