package org.picbed.image.format;

import org.junit.jupiter.api.Test;
import org.picbed.image.format.Crafted.Segment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.picbed.image.format.Crafted.dht;

/**
 * One crafted JPEG per structural rule of the upload inspection, each built from a valid corpus JPEG by byte
 * surgery. When djpeg (libjpeg-turbo-progs) is installed every verdict is checked against it: what is refused
 * must make djpeg fail (exit 1), what is accepted must decode (exit 0, or 2 with warnings).
 */
class JpegStructureTest {

    private static final int SOF0 = 0xC0;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;
    private static final int DQT = 0xDB;
    private static final int SOS = 0xDA;

    private static Crafted.Jpeg baseline() {
        return Crafted.Jpeg.of("ok_baseline.jpg"); // SOF0 1:2x2 q0, 2:1x1 q1, 3:1x1 q1; DHT DC0 AC0 DC1 AC1
    }

    static void refused(byte[] jpeg, String rule) {
        UploadRejected e = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(new ByteArrayInputStream(jpeg), ImageLimits.defaults()), rule);
        assertEquals(422, e.status(), rule);
        assertEquals("undecodable", e.code(), rule);
        Crafted.djpeg(jpeg).ifPresent(exit -> assertEquals(1, exit, "djpeg decodes what is refused: " + rule));
    }

    /**
     * A refusal older than these rules (the inspection has always wanted markers right after each segment):
     * libjpeg only warns ("Corrupt JPEG data: extraneous bytes before marker"), djpeg exits 2.
     */
    static void refusedAsCorrupt(byte[] jpeg, String rule) {
        UploadRejected e = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(new ByteArrayInputStream(jpeg), ImageLimits.defaults()), rule);
        assertEquals(422, e.status(), rule);
        Crafted.djpeg(jpeg).ifPresent(exit -> assertNotEquals(0, exit, "djpeg finds nothing wrong: " + rule));
    }

    static void accepted(byte[] jpeg, String rule) throws IOException {
        ImageInfo info = ImageFormats.inspect(new ByteArrayInputStream(jpeg), ImageLimits.defaults());
        assertEquals(64, info.width(), rule);
        Crafted.djpeg(jpeg).ifPresent(exit -> assertNotEquals(1, exit, "djpeg refuses what is accepted: " + rule));
    }

    @Test
    void validJpegsPass() throws IOException {
        accepted(baseline().bytes(), "baseline");
        accepted(Crafted.Jpeg.of("jpeg_progressive.jpg").bytes(), "progressive");
        accepted(Crafted.Jpeg.of("jpeg_cmyk_adobe.jpg").bytes(), "CMYK");
    }

    // --- DHT ------------------------------------------------------------------------------------------------

    @Test
    void huffmanTableClassMustBeDcOrAc() {
        refused(baseline().poke(DHT, 1, 0, 0x20).bytes(), "DHT class 2");
    }

    @Test
    void huffmanTableIdMustBe0To3() {
        refused(baseline().poke(DHT, 0, 0, 0x04).bytes(), "DHT id 4");
    }

    @Test
    void huffmanTableHasAtMost256Codes() {
        int[] counts = new int[16];
        counts[14] = 2;
        counts[15] = 255;
        refused(baseline().set(DHT, 1, dht(1, 0, counts, new int[257])).bytes(), "257 codes");
    }

    @Test
    void huffmanTableSymbolsMustFitTheSegment() {
        byte[] dc = baseline().payload(DHT, 0);
        refused(baseline().set(DHT, 0, Arrays.copyOf(dc, dc.length - 1)).bytes(), "one symbol short");
    }

    @Test
    void huffmanSegmentHasNoBytesLeftOver() {
        byte[] dc = baseline().payload(DHT, 0);
        refused(baseline().set(DHT, 0, Arrays.copyOf(dc, dc.length + 3)).bytes(), "3 bytes after the table");
    }

    @Test
    void huffmanCodeLengthsMustFitTheCodeSpace() throws IOException {
        refused(Crafted.jpegWithBadHuffmanTable(), "3 codes of length 1 (Kraft inequality)");
        // libjpeg also refuses the all-ones code: 2 codes of length 1 use "1"
        refused(baseline().set(DHT, 0, dht(0, 0, new int[] {2}, 0, 1)).bytes(), "2 codes of length 1");
        refused(baseline().set(DHT, 0, dht(0, 0, new int[] {0, 0, 8}, 0, 1, 2, 3, 4, 5, 6, 7)).bytes(),
                "8 codes of length 3");
        refused(baseline().set(DHT, 0, dht(0, 0, new int[] {1, 1, 2}, 0, 1, 2, 3)).bytes(), "0, 10, 110, 111");
        accepted(baseline().set(DHT, 0, dht(0, 0, new int[] {1, 1, 1}, 0, 1, 2)).bytes(), "0, 10, 110");
    }

    @Test
    void anInvalidHuffmanTableNoScanUsesIsAccepted() throws IOException {
        // libjpeg derives (and checks) only the tables a scan uses
        byte[] unused = baseline().insertBefore(SOS, 0, new Segment(DHT, dht(0, 2, new int[] {3}, 0, 1, 2))).bytes();
        accepted(unused, "invalid DC table 2, unused");
    }

    @Test
    void dcSymbolsAreAtMost15() throws IOException {
        byte[] dc = baseline().payload(DHT, 0);
        dc[dc.length - 1] = 16;
        refused(baseline().set(DHT, 0, dc).bytes(), "DC symbol 16");
        byte[] ac = baseline().payload(DHT, 1); // AC symbols may be any byte (run/size pairs)
        accepted(baseline().set(DHT, 1, ac).bytes(), "AC table unchanged");
    }

    @Test
    void missingHuffmanTables0And1AreTheStandardOnes() throws IOException {
        // libjpeg decodes a scan without DHT with the standard tables (motion-JPEG frames): keep accepting it
        accepted(baseline().removeAll(DHT).bytes(), "no DHT at all");
    }

    @Test
    void aScanMustNotUseAnUndefinedTable2Or3() throws IOException {
        refused(baseline().poke(SOS, 0, 4, 0x22).bytes(), "component 2 uses DC/AC table 2, undefined");
        Crafted.Jpeg defined = baseline();
        byte[] dc1 = defined.payload(DHT, 2);
        byte[] ac1 = defined.payload(DHT, 3);
        dc1[0] = 0x02;
        ac1[0] = 0x12;
        defined.insertBefore(SOS, 0, new Segment(DHT, dc1)).insertBefore(SOS, 0, new Segment(DHT, ac1));
        accepted(defined.poke(SOS, 0, 4, 0x22).poke(SOS, 0, 6, 0x22).bytes(), "tables 2 defined before the scan");
    }

    // --- DQT ------------------------------------------------------------------------------------------------

    @Test
    void quantisationTableIdMustBe0To3() {
        refused(baseline().poke(DQT, 1, 0, 0x04).bytes(), "DQT id 4");
    }

    @Test
    void quantisationTableLengthFollowsItsPrecision() throws IOException {
        byte[] q = baseline().payload(DQT, 0);
        refused(baseline().set(DQT, 0, Arrays.copyOf(q, q.length - 1)).bytes(), "63 values");
        refused(baseline().set(DQT, 0, Arrays.copyOf(q, q.length + 1)).bytes(), "a byte left over");
        byte[] wide = new byte[129]; // Pq = 1: 64 values of 16 bits
        wide[0] = 0x10;
        for (int i = 0; i < 64; i++) {
            wide[2 + 2 * i] = q[1 + i];
        }
        accepted(baseline().set(DQT, 0, wide).bytes(), "16-bit table");
        byte[] narrow = q.clone();
        narrow[0] = 0x10;
        refused(baseline().set(DQT, 0, narrow).bytes(), "Pq = 1 with 64 bytes");
    }

    @Test
    void aScanMustUseDefinedQuantisationTables() throws IOException {
        refused(baseline().poke(SOF0, 0, 8, 2).bytes(), "component 1 uses quantisation table 2, undefined");
        refused(baseline().poke(SOF0, 0, 8, 4).bytes(), "quantisation table 4");
        Crafted.Jpeg late = baseline();
        byte[] q0 = late.payload(DQT, 0);
        byte[] q1 = late.payload(DQT, 1);
        late.removeAll(DQT).insertBefore(SOS, 0, new Segment(DQT, q0)).insertBefore(SOS, 0, new Segment(DQT, q1));
        accepted(late.bytes(), "tables defined after the frame header, before the scan");
    }

    // --- SOF ------------------------------------------------------------------------------------------------

    @Test
    void frameComponentCountAndLength() {
        refused(baseline().poke(SOF0, 0, 5, 0).bytes(), "no components");
        refused(baseline().poke(SOF0, 0, 5, 11).bytes(), "11 components");
        byte[] sof = baseline().payload(SOF0, 0);
        refused(baseline().set(SOF0, 0, Arrays.copyOf(sof, sof.length + 3)).bytes(), "3 components, 4 declared");
        refused(baseline().set(SOF0, 0, Arrays.copyOf(sof, 5)).bytes(), "frame header cut");
    }

    @Test
    void samplingFactorsAre1To4AndIntegralRatios() {
        refused(baseline().poke(SOF0, 0, 7, 0x02).bytes(), "horizontal factor 0");
        refused(baseline().poke(SOF0, 0, 7, 0x25).bytes(), "vertical factor 5");
        refused(baseline().poke(SOF0, 0, 7, 0x32).poke(SOF0, 0, 10, 0x21).bytes(), "factors 3 and 2");
    }

    @Test
    void anInterleavedScanHasAtMost10BlocksPerMcu() {
        refused(baseline().poke(SOF0, 0, 7, 0x44).bytes(), "4x4 + 1 + 1 blocks");
    }

    @Test
    void samplePrecisionIs8Or12() throws IOException {
        refused(baseline().poke(SOF0, 0, 0, 7).bytes(), "7-bit");
        refused(baseline().poke(SOF0, 0, 0, 16).bytes(), "16-bit DCT");
        // open decision: 12-bit is valid JPEG, accepted at upload though an 8-bit libjpeg (djpeg here) refuses it
        ImageInfo twelve = ImageFormats.inspect(new ByteArrayInputStream(baseline().poke(SOF0, 0, 0, 12).bytes()),
                ImageLimits.defaults());
        assertEquals(64, twelve.width());
    }

    @Test
    void oneFrameHeader() {
        byte[] sof = baseline().payload(SOF0, 0);
        refused(baseline().insertBefore(SOS, 0, new Segment(SOF0, sof)).bytes(), "two SOF0");
    }

    // --- SOS ------------------------------------------------------------------------------------------------

    @Test
    void scanComponentsAreTheFramesOnce() {
        refused(baseline().poke(SOS, 0, 1, 4).bytes(), "component 4, not in the frame");
        refused(baseline().poke(SOS, 0, 3, 1).bytes(), "component 1 twice");
    }

    @Test
    void scanHeaderLength() {
        refused(baseline().poke(SOS, 0, 0, 4).bytes(), "4 components declared, 3 present");
        refused(baseline().poke(SOS, 0, 0, 0).bytes(), "no components");
    }

    @Test
    void progressiveScanParameters() {
        Crafted.Jpeg progressive = Crafted.Jpeg.of("jpeg_progressive.jpg"); // first scan: DC of 3 components
        refused(progressive.poke(SOS, 0, 8, 5).bytes(), "DC scan with Se = 5");
        refused(Crafted.Jpeg.of("jpeg_progressive.jpg").poke(SOS, 0, 9, 0x0E).bytes(), "Al = 14");
        refused(Crafted.Jpeg.of("jpeg_progressive.jpg").poke(SOS, 0, 9, 0x31).bytes(), "Ah = 3 with Al = 1");
    }

    // --- other markers --------------------------------------------------------------------------------------

    @Test
    void restartIntervalSegmentHasFourBytes() throws IOException {
        refused(baseline().insertBefore(SOS, 0, new Segment(0xDD, new byte[3])).bytes(), "DRI of length 5");
        accepted(baseline().insertBefore(SOS, 0, new Segment(0xDD, new byte[2])).bytes(), "DRI 0");
    }

    @Test
    void scanBeforeTheFrameAndSegmentLengths() {
        Crafted.Jpeg j = baseline();
        j.removeAll(SOF0);
        refused(j.bytes(), "no frame header before the scan");
        byte[] b = baseline().bytes();
        b[5] = 1; // APP0 length 1
        refusedAsCorrupt(b, "segment length below 2");
    }
}
