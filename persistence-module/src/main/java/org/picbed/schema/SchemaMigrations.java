package org.picbed.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Brings a database up to the schema this build expects, using the migrations in {@code db/migration}.
 * <p>
 * The migrations are named by {@code db/migration/index.txt} and read as class-path resources, so Flyway never scans
 * the class path: scanning an EAR needs a server-specific file system (JBoss VFS on WildFly), reading a named resource
 * works on every server. {@code SchemaMigrationsTest} keeps the index equal to the folder.
 */
public final class SchemaMigrations {

    public static final String FOLDER = "db/migration";
    public static final String INDEX = FOLDER + "/index.txt";

    private SchemaMigrations() {
    }

    /** Applies every pending migration and returns the schema version afterwards. */
    public static String migrate(DataSource dataSource) {
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        MigrateResult result = Flyway.configure(loader)
                .dataSource(dataSource)
                .resourceProvider(new IndexedMigrations(loader))
                .javaMigrationClassProvider(List::of)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** The file names the index lists, in its order. */
    public static List<String> indexed(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's view of the indexed migrations. */
    private record IndexedMigrations(ClassLoader loader) implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            return indexed(loader).contains(file) ? new Migration(loader, file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return indexed(loader).stream()
                    .filter(file -> file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
                    .map(file -> (LoadableResource) new Migration(loader, file))
                    .toList();
        }
    }

    /** One migration file, read from the class path each time Flyway asks. */
    private static final class Migration extends LoadableResource {

        private final ClassLoader loader;
        private final String file;

        Migration(ClassLoader loader, String file) {
            this.loader = loader;
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = Optional.ofNullable(loader.getResourceAsStream(FOLDER + "/" + file))
                    .orElseThrow(() -> new IllegalStateException("migration " + file + " is indexed but missing"));
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
