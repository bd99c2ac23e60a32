package org.picbed.client.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * imgproxy's own processing test cases (option strings and expected output sizes, ported as data in
 * {@code it/src/test/resources/imgproxy/processing-cases.tsv}) against {@link Geometry#outputSize}: the layout
 * arithmetic alone, without a server (ImgproxyCasesIT renders them on the real server). Cases whose size depends
 * on pixels (trim) or on sources whose size imgproxy's repository does not state are not computed here.
 */
class ImgproxyGeometryCasesTest {

    private static final VariantOptions OPTIONS = new VariantOptions(
            new Presets(Map.of(), List.of()), 65_535, 1_000_000_000L);

    @Test
    void everyPortableCaseHasImgproxysOutputSize() throws IOException {
        List<String> differing = new ArrayList<>();
        int computed = 0;
        for (String line : Files.readAllLines(cases())) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("id") || f[4].isEmpty() || !f[3].equals("200") || f[1].startsWith("?")
                    || f[2].contains("trim:")) {
                continue;
            }
            String[] size = f[1].split(":")[0].split("x");
            computed++;
            String got;
            try {
                int[] out = Geometry.outputSize(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                        OPTIONS.parse(f[2]));
                got = out[0] + "x" + out[1];
            } catch (InvalidOptionsException e) {
                got = "refused: " + e.getMessage();
            }
            String want = f[4] + "x" + f[5];
            if (!got.equals(want)) {
                differing.add(f[0] + " (" + f[2] + " on " + f[1] + "): " + got + ", imgproxy " + want);
            }
        }
        System.out.println("imgproxy processing cases, layout only: " + (computed - differing.size()) + " of "
                + computed + " give imgproxy's output size");
        assertTrue(computed > 200, "cases read: " + computed);
        assertEquals(List.of(), differing, (computed - differing.size()) + " of " + computed + " agree");
    }

    static Path cases() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path tsv = dir.resolve("it/src/test/resources/imgproxy/processing-cases.tsv");
            if (Files.isRegularFile(tsv)) {
                return tsv;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("it/src/test/resources/imgproxy/processing-cases.tsv not found above "
                + Path.of("").toAbsolutePath());
    }
}
