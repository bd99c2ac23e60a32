package org.picbed.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.picbed.image.Images;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The floor plan holds: no two packages of the domain services lean on each other, however far round.
 * A cycle fails the build with the classes that close it (docs/architecture.md says what each package may use).
 */
class PackageCyclesTest {

    /** This module's own classes (target/classes), whether the build runs from the reactor or from one module. */
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(classesOf(Images.class));

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.picbed.(**)").should().beFreeOfCycles().check(DOMAIN);
    }
}
