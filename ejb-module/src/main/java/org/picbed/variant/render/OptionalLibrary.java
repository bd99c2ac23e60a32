package org.picbed.variant.render;

import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A native library the renderer can do without (TurboJPEG, libheif): loaded and smoke-tested once on first use,
 * and when that fails, remembered as absent with the reason logged once, so a missing library costs nothing per
 * request.
 */
final class OptionalLibrary<T> {

    private static final Logger LOG = Logger.getLogger(OptionalLibrary.class.getName());

    private final Function<T, String> loadedMessage;
    private final Function<String, String> absentMessage;
    private volatile T loaded;
    private volatile String failure;

    OptionalLibrary(Function<T, String> loadedMessage, Function<String, String> absentMessage) {
        this.loadedMessage = loadedMessage;
        this.absentMessage = absentMessage;
    }

    /** The library, loading it with {@code loader} the first time; null when it is absent. */
    T get(Callable<T> loader) {
        T t = loaded;
        if (t != null || failure != null) {
            return t;
        }
        synchronized (this) {
            if (loaded == null && failure == null) {
                try {
                    loaded = loader.call();
                    LOG.info(loadedMessage.apply(loaded));
                } catch (Throwable e) {
                    if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError)) {
                        throw vm;
                    }
                    failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    LOG.info(absentMessage.apply(failure));
                }
            }
            return loaded;
        }
    }
}
