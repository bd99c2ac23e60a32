package org.picbed.client.url;

import org.junit.jupiter.api.Test;
import org.picbed.client.PicbedSettings;
import org.picbed.client.spec.InvalidOptionsException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PicbedUrlsTest {

    private static final String ID = "1fa0a3ec" + "0".repeat(48) + "deadbeef";
    private static final String KEY = "736563726574";
    private static final String SALT = "68656c6c6f";

    private final PicbedUrls urls = PicbedUrls.from(PicbedSettings.of(Map.of("url", "https://img.example.com/",
            "signing.key", KEY, "signing.salt", SALT, "presets", "card=rs:fill:480:480/g:sm")));

    @Test
    void originalsPresetsAndVariantsStartWithThePublicUrl() {
        assertEquals("https://img.example.com/i/" + ID, urls.original(ID));
        assertEquals("https://img.example.com/i/" + ID + "/thumb.webp", urls.preset(ID, "thumb", "webp"));
        assertEquals("https://img.example.com/i/" + ID + "/card.auto", urls.preset(ID, "card", "auto"), "configured presets too");
        String variant = urls.variant(ID, "rs:fill:300:200/g:sm", "jpg");
        String signed = "/rs:fill:300:200/g:sm/" + ID + ".jpg";
        assertEquals("https://img.example.com/v/" + UrlSignatures.of(KEY, SALT, 32, false).sign(signed) + signed, variant);
        assertEquals("/i/" + ID, urls.withBase(null).original(ID), "no public URL: root-relative");
    }

    @Test
    void theSignatureVerifiesWhereThePathIsSignedAndNowhereElse() {
        String path = urls.signedPath("", ID, "png");
        assertTrue(path.startsWith("/v/") && path.endsWith("/" + ID + ".png"), path);
        String rest = path.substring(3);
        int slash = rest.indexOf('/');
        UrlSignatures verifier = UrlSignatures.of(KEY, SALT, 32, false);
        assertTrue(verifier.verify(rest.substring(0, slash), rest.substring(slash)));
        assertTrue(!verifier.verify(rest.substring(0, slash), rest.substring(slash).replace(".png", ".jpg")));
    }

    @Test
    void whatPicbedWouldRefuseIsRefusedBeforeAnyRequest() {
        InvalidOptionsException bad = assertThrows(InvalidOptionsException.class, () -> urls.variant(ID, "rs:zoom:1:1", "jpg"));
        assertEquals("invalid_option", bad.code());
        assertEquals("unknown_preset", assertThrows(InvalidOptionsException.class, () -> urls.variant(ID, "pr:nope", "jpg")).code());
        assertThrows(IllegalArgumentException.class, () -> urls.preset(ID, "nope", "jpg"));
        assertThrows(IllegalArgumentException.class, () -> urls.variant(ID, "w:100", "tiff"));
        assertThrows(IllegalArgumentException.class, () -> urls.original("not-an-id"));
    }

    @Test
    void withoutAKeyVariantsCannotBeSignedUnlessPicbedAllowsUnsignedUrls() {
        PicbedUrls keyless = PicbedUrls.from(PicbedSettings.of(Map.of()));
        assertThrows(IllegalStateException.class, () -> keyless.variant(ID, "w:100", "jpg"));
        PicbedUrls unsigned = PicbedUrls.from(PicbedSettings.of(Map.of("signing.allow-unsigned", "true")));
        assertEquals("/v/unsafe/w:100/" + ID + ".jpg", unsigned.variant(ID, "w:100", "jpg"));
    }
}
