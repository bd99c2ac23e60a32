package org.picbed.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.picbed.error.PicbedException;


/**
 * Turns every failure into problem+json. Client errors say what was wrong; server errors say only that
 * something failed and give a request id, and are logged once with that id and the full cause.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {


    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof PicbedException e) {
            Response.ResponseBuilder problem = Problems.problem(e.status(), e.code(), e.publicMessage(), Problems.requestId(e));
            e.retryAfterSeconds().ifPresent(s -> problem.header("Retry-After", s));
            return problem.build();
        }
        if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            Response.StatusType type = e.getResponse().getStatusInfo();
            return Problems.problem(status, code(type), type.getReasonPhrase(), null).build();
        }
        if (Problems.databaseUnreachable(failure)) {
            PicbedException e = Problems.unavailable(failure);
            return Problems.problem(e.status(), e.code(), e.publicMessage(), null).build();
        }
        return Problems.problem(500, Problems.INTERNAL_ERROR, Problems.INTERNAL_DETAIL, Problems.logged(cause)).build();
    }

    /** EJB and CDI wrap application exceptions; find the one that carries the meaning. */
    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof PicbedException || t instanceof WebApplicationException) {
                return t;
            }
        }
        return failure;
    }

    private static String code(Response.StatusType type) {
        return type.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
