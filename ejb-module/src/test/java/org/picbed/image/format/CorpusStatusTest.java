package org.picbed.image.format;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample of the hostile-upload corpus gets the status its manifest expects from the upload inspection alone
 * (the manifest's file-name cases all expect 2xx, so the bytes decide). UploadIT checks the same over HTTP; this
 * catches a wrong refusal in a second. Runs over the copy in it/src/test/resources and, when present, the shared
 * corpus it was copied from ({@code picbed.shared.corpus.dir}).
 */
class CorpusStatusTest {

    @Test
    void everySampleGetsItsManifestStatus() throws IOException {
        int checked = check(HeadersTest.CORPUS);
        assertTrue(checked >= 23, "corpus rows checked: " + checked);
    }

    @Test
    void theSharedCorpusToo() throws IOException {
        Path shared = Path.of(System.getProperty("picbed.shared.corpus.dir", "../../shared/corpus/bad"));
        if (Files.isRegularFile(shared.resolve("manifest.tsv"))) {
            check(shared);
        }
    }

    @Test
    void theBadHuffmanTableSampleIsTheCraftedOne() throws IOException {
        assertEquals(new String(Crafted.jpegWithBadHuffmanTable(), StandardCharsets.ISO_8859_1),
                new String(HeadersTest.corpus("jpeg_bad_dht_table.jpg"), StandardCharsets.ISO_8859_1));
    }

    private static int check(Path dir) throws IOException {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            if (cols.length < 7 || cols[0].equals("file")) {
                continue;
            }
            rows++;
            String status = statusOf(dir.resolve(cols[0]));
            if (!List.of(cols[4].split("\\|")).contains(status)) {
                wrong.add(cols[0] + ": " + status + ", expected " + cols[4]);
            }
        }
        assertEquals(List.of(), wrong, dir.toString());
        return rows;
    }

    private static String statusOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ImageFormats.inspect(in, ImageLimits.defaults());
            return "2xx";
        } catch (UploadRejected e) {
            return String.valueOf(e.status());
        }
    }
}
