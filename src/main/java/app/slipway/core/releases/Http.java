package app.slipway.core.releases;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The HTTP client settings for release and registry look-ups: short timeouts so offline is noticed quickly. */
final class Http {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(20))
            .callTimeout(Duration.ofSeconds(60))
            .build();

    private Http() {}

    static OkHttpClient client() {
        return CLIENT;
    }
}
