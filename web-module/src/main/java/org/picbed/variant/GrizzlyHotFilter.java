package org.picbed.variant;

import org.glassfish.grizzly.OutputSink;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpContext;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.picbed.web.Immutable;

import java.io.IOException;
import java.util.Optional;

/**
 * Payara only: the twin of {@link HotVariantHandler} in Grizzly, the HTTP engine under Payara's web container.
 * It takes the place of Payara's {@code FileCacheFilter} in the listener's filter chain (see {@link GrizzlyHotPath})
 * and answers hot-cache hits of {@code /i/<id>/<preset>.<ext>} and {@code /v/...} there, before a servlet request
 * is made; everything else goes on to the filter it replaced and from there to the web container.
 */
final class GrizzlyHotFilter extends BaseFilter {

    private final Filter replaced;
    private final HotLookup lookup;

    GrizzlyHotFilter(Filter replaced, String contextPath, ClassLoader deploymentLoader) {
        this.replaced = replaced;
        this.lookup = new HotLookup(contextPath, deploymentLoader);
    }

    /** The filter this one stands in for, put back on undeploy. */
    Filter replaced() {
        return replaced;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        long start = System.nanoTime();
        HotPath hotPath = HotPath.current();
        if (hotPath != null && ctx.getMessage() instanceof HttpContent content && content.isLast()
                && content.getHttpHeader() instanceof HttpRequestPacket request
                && Method.GET.equals(request.getMethod()) && !request.isUpgrade()) {
            Optional<HotPath.Hit> hit;
            try {
                hit = lookup.find(hotPath, request.getRequestURI(), request.getHeader(Header.Accept),
                        request.getHeader(Header.IfNoneMatch));
            } catch (RuntimeException e) {
                hit = Optional.empty(); // the servlet answers, and reports what went wrong
            }
            if (hit.isPresent()) {
                NextAction next = respond(ctx, request, hit.get());
                hotPath.servedOnIoThread(hit.get(), System.nanoTime() - start);
                return next;
            }
        }
        return replaced.handleRead(ctx);
    }

    private static NextAction respond(FilterChainContext ctx, HttpRequestPacket request, HotPath.Hit hit) {
        HttpResponsePacket response = request.getResponse();
        Immutable.headers(response::setHeader, hit.etag(), hit.mediaType());
        response.setContentType(hit.mediaType());
        if (!hit.notModified()) {
            response.setHeader("X-Cache", "HIT");
        }
        if (hit.variesOnAccept()) {
            response.setHeader(Header.Vary, "Accept");
        }
        if (hit.notModified()) {
            response.setStatus(304);
            ctx.write(HttpContent.builder(response).content(Buffers.EMPTY_BUFFER).last(true).build());
        } else {
            response.setStatus(200);
            response.setContentLengthLong(hit.bytes().length);
            ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), hit.bytes()))
                    .last(true).build());
        }
        return flushed(ctx);
    }

    /** As Grizzly's FileCacheFilter does: never block; while the connection's write queue is full, wait for it. */
    private static NextAction flushed(FilterChainContext ctx) {
        OutputSink out = HttpContext.get(ctx).getOutputSink();
        if (out.canWrite()) {
            return ctx.getStopAction();
        }
        NextAction suspend = ctx.getSuspendAction();
        ctx.suspend();
        out.notifyCanWrite(new WriteHandler() {
            @Override
            public void onWritePossible() {
                ctx.completeAndRecycle();
            }

            @Override
            public void onError(Throwable t) {
                ctx.completeAndRecycle();
            }
        });
        return suspend;
    }
}
