package org.picbed.auth;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.error.PicbedException;
import org.picbed.web.ApiKeyRequired;
import org.picbed.web.Authentication;
import org.picbed.web.JsonBuilders;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/upload-tokens} (API key): a signed upload token for a browser, scoped by
 * {@code {"expires_in", "max_files", "max_bytes", "formats", "single_use"}} (each optional, see {@link UploadScope});
 * 201 {@code {"token", "expires_at", "scope"}} with the effective scope. Bad JSON or values: 400.
 */
@Path("upload-tokens")
@ApiKeyRequired
public class UploadTokensResource {

    private static final int MAX_REQUEST_CHARS = 16 * 1024;

    @Inject
    UploadTokens tokens;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(String body) {
        Asked asked = Asked.parse(body, tokens);
        return created(tokens.issue(Authentication.caller(request), asked.expiresIn(), asked.scope()));
    }

    /** The answer: 201, never cached. */
    static Response created(UploadTokens.Issued issued) {
        UploadScope scope = issued.token().scope();
        JsonArrayBuilder formats = JsonBuilders.array();
        scope.formatKeys().forEach(formats::add);
        JsonObject answer = JsonBuilders.object()
                .add("token", issued.text())
                .add("expires_at", issued.token().expiresAt().toString())
                .add("scope", JsonBuilders.object()
                        .add("max_files", scope.maxFiles())
                        .add("max_bytes", scope.maxBytes())
                        .add("formats", formats)
                        .add("single_use", scope.singleUse()))
                .build();
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(answer.toString())
                .header("Cache-Control", "no-store").build();
    }

    /** What the caller asked for; {@code null} fields take the defaults. */
    record Asked(Long expiresIn, UploadScope scope) {

        static Asked parse(String body, UploadTokens tokens) {
            JsonObject json = JsonValue.EMPTY_JSON_OBJECT;
            if (body != null && !body.isBlank()) {
                if (body.length() > MAX_REQUEST_CHARS) {
                    throw invalid("the request is larger than 16 KiB");
                }
                try (var reader = Json.createReader(new StringReader(body))) {
                    json = reader.readObject();
                } catch (JsonException | IllegalStateException e) {
                    throw invalid("send a JSON object: {\"expires_in\": 900, \"max_files\": 20, \"max_bytes\": ...,"
                            + " \"formats\": [\"jpeg\", ...], \"single_use\": false} (every field optional)");
                }
            }
            for (String name : json.keySet()) {
                if (!List.of("expires_in", "max_files", "max_bytes", "formats", "single_use").contains(name)) {
                    throw invalid("unknown field '" + name + "'");
                }
            }
            Long expiresIn = whole(json, "expires_in");
            Long maxFiles = whole(json, "max_files");
            if (maxFiles != null && (maxFiles < Integer.MIN_VALUE || maxFiles > Integer.MAX_VALUE)) {
                throw invalid("max_files is a whole number, 1 to " + UploadScope.MAX_FILES);
            }
            return new Asked(expiresIn, tokens.scope(maxFiles == null ? null : maxFiles.intValue(),
                    whole(json, "max_bytes"), formats(json), bool(json, "single_use")));
        }

        private static Long whole(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw invalid(name + " is a whole number");
            }
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(name + " is out of range");
            }
        }

        private static List<String> formats(JsonObject json) {
            JsonValue value = json.get("formats");
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                throw invalid("formats is an array of format names, e.g. [\"jpeg\", \"png\"]");
            }
            List<String> names = new ArrayList<>();
            for (JsonValue item : array) {
                if (!(item instanceof JsonString name)) {
                    throw invalid("formats is an array of format names, e.g. [\"jpeg\", \"png\"]");
                }
                names.add(name.getString());
            }
            return names;
        }

        private static Boolean bool(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw invalid(name + " is true or false");
            }
            return value == JsonValue.TRUE;
        }
    }

    private static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_request", detail);
    }
}
