package app.slipway.core.releases;

import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** The HTTP client settings for release and registry look-ups: short timeouts so offline is noticed quickly. */
final class Http {
    private Http() {}

    /** Built when first asked for, not when this class loads (see {@link #once}). */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    static OkHttpClient client() {
        return Shared.CLIENT;
    }

    /**
     * Makes the value on the first get, once. The standard catalogs hand out their OkHttp client and
     * Jackson this way: built eagerly they cost the wizard's first page about half a second of CPU
     * (class loading, the TLS trust store) for look-ups that come later, if at all.
     */
    static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }
}
