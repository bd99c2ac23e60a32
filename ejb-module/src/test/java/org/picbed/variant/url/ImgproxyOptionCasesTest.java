package org.picbed.variant.url;

import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * imgproxy's URL parsing test cases ({@code it/src/test/resources/imgproxy/option-cases.tsv}: whole paths after
 * the signature, options and source, and whether imgproxy accepts them) through picbed's signed URL parser. The
 * cases that need an imgproxy setting picbed does not have are listed with the reason; every other case must
 * give imgproxy's answer, and a listed case that starts agreeing fails the test so the list stays true.
 */
class ImgproxyOptionCasesTest {

    /** Cases that differ, and why. */
    private static final Map<String, String> DIFFERENT = new TreeMap<>(Map.ofEntries(
            Map.entry("base64-url-with-filename", "IMGPROXY_BASE64_URL_INCLUDES_FILENAME (a trailing file name) is not supported"),
            Map.entry("base64-url-with-base", "IMGPROXY_BASE_URL (relative sources) is not supported: sources are absolute URLs"),
            Map.entry("plain-url-with-base", "IMGPROXY_BASE_URL is not supported"),
            Map.entry("plain-url-escaped-with-base", "IMGPROXY_BASE_URL is not supported"),
            Map.entry("base64-url-with-replacement", "IMGPROXY_URL_REPLACEMENTS (test:// schemes) is not supported"),
            Map.entry("plain-url-with-replacement", "IMGPROXY_URL_REPLACEMENTS is not supported"),
            Map.entry("arguments-separator", "IMGPROXY_ARGUMENTS_SEPARATOR is not supported: arguments are separated by ':'"),
            Map.entry("only-presets", "IMGPROXY_ONLY_PRESETS (a bare preset list) is not supported; pr:name works"),
            Map.entry("only-presets-base64", "IMGPROXY_ONLY_PRESETS is not supported"),
            Map.entry("allowed-options-w-100_h-200_blur-10", "IMGPROXY_ALLOWED_PROCESSING_OPTIONS is not supported: every option is allowed"),
            Map.entry("allowed-options-w-100_h-200_pr-test1_blur-10", "IMGPROXY_ALLOWED_PROCESSING_OPTIONS is not supported")));

    private final VariantUrls urls = VariantUrls.from(new Settings(Map.of(
            "PICBED_SIGNING_KEY", VariantUrlsTest.TEST_KEYS, "PICBED_SIGNING_SALT", VariantUrlsTest.TEST_SALTS,
            "PICBED_PRESETS", "test1=rt:fill;test2=bl:0.2/q:50"), new Properties()));

    @Test
    void imgproxysUrlParsingCasesGiveImgproxysAnswer() throws IOException {
        List<String> differing = new ArrayList<>();
        List<String> nowAgreeing = new ArrayList<>();
        int run = 0;
        int agree = 0;
        for (String line : Files.readAllLines(cases())) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("id")) {
                continue;
            }
            run++;
            String path = "/" + f[1];
            String got;
            try {
                urls.signed(urls.signatures().sign(path) + path);
                got = "ok";
            } catch (PicbedException e) {
                assertTrue(e.status() >= 400 && e.status() < 500, f[0] + ": " + e.status());
                got = "error";
            }
            boolean same = got.equals(f[2]);
            if (same) {
                agree++;
            }
            if (same && DIFFERENT.containsKey(f[0])) {
                nowAgreeing.add(f[0]);
            } else if (!same && !DIFFERENT.containsKey(f[0])) {
                differing.add(f[0] + " (" + f[1] + "): " + got + ", imgproxy " + f[2]);
            }
        }
        System.out.printf("imgproxy URL parsing cases: %d of %d give imgproxy's answer; %d need settings picbed "
                + "does not have%n", agree, run, DIFFERENT.size());
        assertTrue(run >= 60, "cases: " + run);
        assertEquals(List.of(), differing);
        assertEquals(List.of(), nowAgreeing, "listed as different but agree now: take them out of DIFFERENT");
    }

    private static Path cases() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path tsv = dir.resolve("it/src/test/resources/imgproxy/option-cases.tsv");
            if (Files.isRegularFile(tsv)) {
                return tsv;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("it/src/test/resources/imgproxy/option-cases.tsv not found");
    }
}
