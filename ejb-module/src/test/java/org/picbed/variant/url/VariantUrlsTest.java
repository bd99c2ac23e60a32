package org.picbed.variant.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;
import org.picbed.client.url.UrlSignatures;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantUrlsTest {

    static final ImageId ID = new ImageId("1fa0a3ec" + "0".repeat(48) + "deadbeef");
    /** Two key/salt pairs ("test-key"/"test-salt", "test-key2"/"test-salt2"). */
    static final String TEST_KEYS = "746573742d6b6579,746573742d6b657932";
    static final String TEST_SALTS = "746573742d73616c74,746573742d73616c7432";
    static final ImageId OTHER_ID = new ImageId("2fa0a3ec" + "0".repeat(48) + "deadbeef");

    private final VariantUrls urls = VariantUrls.from(env("PICBED_SIGNING_KEY", TEST_KEYS,
            "PICBED_SIGNING_SALT", TEST_SALTS, "PICBED_PRESETS", "avatar=rs:fill:64:64/g:sm"));

    private static Settings env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new Settings(env, new Properties());
    }

    /** What follows /v/ in a signed path. */
    private static String afterV(String signedPath) {
        assertTrue(signedPath.startsWith("/v/"), signedPath);
        return signedPath.substring(3);
    }

    private static PicbedException refused(Runnable call, int status, String code) {
        PicbedException e = assertThrows(PicbedException.class, call::run);
        assertEquals(status, e.status(), e.publicMessage());
        assertEquals(code, e.code());
        return e;
    }

    // ---- signed form

    @Test
    void signedPathRoundTrips() {
        String path = urls.signedPath("rs:fill:300:200/g:sm", ID, "webp");
        assertTrue(path.endsWith("/rs:fill:300:200/g:sm/" + ID.hex() + ".webp"), path);
        VariantRequest request = urls.signed(afterV(path));
        assertEquals(ID, request.image());
        assertEquals("webp", request.extension());
        assertEquals(urls.options().parse("rs:fill:300:200/g:sm"), request.spec());
        assertEquals(request, urls.signed(path.substring(2)), "a leading / is tolerated");
    }

    @Test
    void signatureCoversEverythingAfterItsSegment() {
        String signed = "/rs:fill:300:200/g:ce/" + ID.hex() + ".webp";
        String signature = urls.signatures().sign(signed);
        assertEquals(43, signature.length());
        VariantRequest request = urls.signed(signature + signed);
        assertEquals(300, request.spec().width());
        assertEquals("/v/" + signature + signed, urls.signedPath("rs:fill:300:200/g:ce", ID, "webp"));
    }

    @Test
    void emptyOptionsServeTheOriginalInTheAskedFormat() {
        String path = urls.signedPath("", ID, "png");
        assertEquals("/v/" + urls.signatures().sign("/" + ID.hex() + ".png") + "/" + ID.hex() + ".png", path);
        VariantRequest request = urls.signed(afterV(path));
        assertEquals(VariantSpec.IDENTITY, request.spec());
        assertEquals("png", request.extension());
    }

    @Test
    void urlsSignedWithTheSecondPairAreAccepted() {
        UrlSignatures secondPair = UrlSignatures.of("746573742d6b657932", "746573742d73616c7432", 32, false);
        String signed = "/q:60/" + ID.hex() + ".jpg";
        assertEquals(60, urls.signed(secondPair.sign(signed) + signed).spec().quality());
    }

    @Test
    void tamperingIsForbidden() {
        String path = afterV(urls.signedPath("rs:fill:300:200", ID, "jpg"));
        String signature = path.substring(0, path.indexOf('/'));
        char first = signature.charAt(0);
        String otherSignature = (first == 'A' ? 'B' : 'A') + signature.substring(1);
        for (String tampered : new String[] {
                otherSignature + path.substring(signature.length()),
                path.replace("rs:fill:300:200", "rs:fill:300:201"),
                path.replace("rs:fill:300:200", "rs:fill:300:200/q:10"),
                path.replace(ID.hex(), OTHER_ID.hex()),
                path.replace(".jpg", ".png"),
                path.replace(".jpg", ".JPG"),
                path + "/",
        }) {
            PicbedException e = refused(() -> urls.signed(tampered), 403, "bad_signature");
            assertTrue(e.publicMessage().contains("signature"));
        }
    }

    @Test
    void theSignatureIsCheckedBeforeTheOptions() {
        String signed = "/zz:unknown/" + ID.hex() + ".jpg";
        refused(() -> urls.signed("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + signed), 403, "bad_signature");
        refused(() -> urls.signed(urls.signatures().sign(signed) + signed), 400, "invalid_option");
        String badId = "/q:50/abc123.jpg";
        refused(() -> urls.signed("unsafe" + badId), 403, "bad_signature");
        refused(() -> urls.signed(urls.signatures().sign(badId) + badId), 400, "invalid_id");
        String notASource = "/q:50/not-an-id.jpg"; // base64url-shaped: imgproxy's encoded source form, not a URL
        refused(() -> urls.signed(urls.signatures().sign(notASource) + notASource), 400, "invalid_source");
    }

    @Test
    void theRawPathIsVerifiedAsReceived() {
        String encoded = "/rs%3Afill%3A300%3A200/" + ID.hex() + ".jpg";
        String decoded = "/rs:fill:300:200/" + ID.hex() + ".jpg";
        refused(() -> urls.signed(urls.signatures().sign(decoded) + encoded), 403, "bad_signature");
        refused(() -> urls.signed(urls.signatures().sign(encoded) + encoded), 400, "invalid_option");
    }

    @Test
    void withoutAnExtensionTheFormatOptionOrTheOriginalsFormatIsUsed() {
        String bare = "/q:50/" + ID.hex();
        assertEquals(OutputFormats.SOURCE, urls.signed(urls.signatures().sign(bare) + bare).extension());
        String named = "/q:50/f:webp/" + ID.hex();
        assertEquals("webp", urls.signed(urls.signatures().sign(named) + named).extension());
        String extensionWins = "/f:webp/" + ID.hex() + ".png";
        assertEquals("png", urls.signed(urls.signatures().sign(extensionWins) + extensionWins).extension());
        String tiff = "/f:tiff/" + ID.hex();
        refused(() -> urls.signed(urls.signatures().sign(tiff) + tiff), 415, "unsupported_output");
    }

    @Test
    void imgproxysSourceForms() {
        String plain = "/rs:fit:100:100/plain/http://images.example/a%20b.jpg@webp";
        VariantRequest p = urls.signed(urls.signatures().sign(plain) + plain);
        assertEquals("http://images.example/a b.jpg", p.remoteSource());
        assertEquals("webp", p.extension());
        String encoded = "/w:10/" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("https://images.example/x.png?v=1".getBytes()) + ".png";
        assertEquals("https://images.example/x.png?v=1", urls.signed(urls.signatures().sign(encoded) + encoded).remoteSource());
        String local = "/w:10/plain/local:///" + ID.hex() + "@png";
        VariantRequest l = urls.signed(urls.signatures().sign(local) + local);
        assertEquals(ID, l.image());
        assertEquals(null, l.remoteSource());
        String bare = "/w:10/plain/" + ID.hex();
        assertEquals(ID, urls.signed(urls.signatures().sign(bare) + bare).image());
        for (String bad : new String[] {"/w:10/plain/ftp://x/y.png", "/w:10/plain/http://x/a@b@png", "/w:10/plain/local:///nope",
                "/w:10/plain/http://x/%zz", "/w:10/plain/"}) {
            refused(() -> urls.signed(urls.signatures().sign(bad) + bad), 400, "invalid_source");
        }
    }

    @Test
    void anExpiredUrlIsNotFound() {
        String past = "/exp:1609448400/" + ID.hex() + ".jpg";
        refused(() -> urls.signed(urls.signatures().sign(past) + past), 404, "expired");
        String future = "/exp:32503669200/" + ID.hex() + ".jpg";
        assertEquals(32503669200L, urls.signed(urls.signatures().sign(future) + future).expires());
    }

    @Test
    void validlySignedButMalformedUrls() {
        for (String signed : new String[] {"/q:50/" + ID.hex() + ".bmp", "/q:50/"}) {
            refused(() -> urls.signed(urls.signatures().sign(signed) + signed), 404, "not_found");
        }
        String emptySegment = "//" + ID.hex() + ".jpg";
        refused(() -> urls.signed(urls.signatures().sign(emptySegment) + emptySegment), 400, "invalid_option");
        String tooLarge = "/w:5000/" + ID.hex() + ".jpg";
        refused(() -> urls.signed(urls.signatures().sign(tooLarge) + tooLarge), 400, "variant_too_large");
        String unknownPreset = "/pr:nope/" + ID.hex() + ".jpg";
        refused(() -> urls.signed(urls.signatures().sign(unknownPreset) + unknownPreset), 400, "unknown_preset");
        refused(() -> urls.signed("just-a-signature"), 404, "not_found");
    }

    @Test
    void unsignedUrlsAreRefusedByDefault() {
        VariantUrls noKey = VariantUrls.from(env());
        refused(() -> noKey.signed("unsafe/rs:fit:10:10/" + ID.hex() + ".jpg"), 403, "bad_signature");
        refused(() -> noKey.signed("insecure/" + ID.hex() + ".jpg"), 403, "bad_signature");
        refused(() -> urls.signed("unsafe/rs:fit:10:10/" + ID.hex() + ".jpg"), 403, "bad_signature");
        assertThrows(IllegalStateException.class, () -> noKey.signedPath("w:10", ID, "jpg"));
    }

    @Test
    void unsignedUrlsWhenAllowed() {
        VariantUrls open = VariantUrls.from(env("PICBED_SIGNING_ALLOW_UNSIGNED", "true"));
        assertEquals(10, open.signed("unsafe/rs:fit:10:10/" + ID.hex() + ".jpg").spec().width());
        assertEquals(10, open.signed("insecure/rs:fit:10:10/" + ID.hex() + ".jpg").spec().width());
        assertEquals("/v/unsafe/w:10/" + ID.hex() + ".jpg", open.signedPath("w:10", ID, "jpg"));
    }

    @Test
    void signedPathRefusesWhatCouldNotBeServed() {
        assertThrows(IllegalArgumentException.class, () -> urls.signedPath("zz:1", ID, "jpg"));
        assertThrows(IllegalArgumentException.class, () -> urls.signedPath("w:10", ID, "bmp"));
    }

    // ---- preset form

    @Test
    void presetForm() {
        VariantRequest thumb = urls.preset(ID.hex() + "/thumb.jpg");
        assertEquals(ID, thumb.image());
        assertEquals("jpg", thumb.extension());
        assertEquals(urls.options().parse("rs:fill:150:150"), thumb.spec());
        assertEquals(64, urls.preset("/" + ID.hex() + "/avatar.webp").spec().width());
        assertEquals("jpg", urls.preset(ID.hex() + "/thumb.JPG").extension());
        assertEquals("auto", urls.preset(ID.hex() + "/small.auto").extension());
    }

    @Test
    void presetAndSignedFormsOfTheSameOutputShareTheVariantKey() {
        VariantKey byPreset = urls.preset(ID.hex() + "/thumb.webp").key(ImageFormat.WEBP);
        VariantKey bySignedPreset = urls.signed(afterV(urls.signedPath("pr:thumb", ID, "webp"))).key(ImageFormat.WEBP);
        VariantKey byOptions = urls.signed(afterV(urls.signedPath("w:150/h:150/rt:fill/g:ce/q:80/cb:7", ID, "webp")))
                .key(ImageFormat.WEBP);
        assertEquals(byPreset, bySignedPreset);
        assertEquals(byPreset.key(), byOptions.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope.jpg", "/thumb.bmp", "/thumb", "/thumb.", "/x/thumb.jpg", "", "/", "/pr:thumb.jpg",
            "/Thumb.jpg"})
    void presetFormNotFound(String suffix) {
        refused(() -> urls.preset(ID.hex() + suffix), 404, "not_found");
    }

    @Test
    void presetFormWithABadId() {
        refused(() -> urls.preset("1FA0/thumb.jpg"), 400, "invalid_id");
        refused(() -> urls.preset(ID.hex().toUpperCase() + "/thumb.jpg"), 400, "invalid_id");
    }
}
