package org.picbed.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.web.AdminOnly;

/**
 * {@code POST /api/admin/upload-tokens} (the operator: the upload page's session with its CSRF token, or HTTP Basic):
 * the same request and answer as {@link UploadTokensResource}, the token signed by the first configured API key, so
 * the operator's browser uploads without ever holding a key.
 */
@Path("admin/upload-tokens")
@AdminOnly
public class AdminUploadTokensResource {

    @Inject
    UploadTokens tokens;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(String body) {
        UploadTokensResource.Asked asked = UploadTokensResource.Asked.parse(body, tokens);
        return UploadTokensResource.created(tokens.issueForOperator(asked.expiresIn(), asked.scope()));
    }
}
