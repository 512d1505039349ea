package app.slipway.core.verify;

/**
 * Why verification failed, in plain words.
 *
 * @param service the Compose service at fault; empty when the health URL is (no service can be
 *                blamed for it: any of them may be the one listening)
 * @param problem a whole phrase naming what it is about, e.g. "web is unhealthy",
 *                "migrate exited with code 1", "/up answered 404 for 60 s"
 */
public record ServiceProblem(String service, String problem) {

    public static ServiceProblem healthUrl(String problem) {
        return new ServiceProblem("", problem);
    }

    public boolean isHealthUrl() {
        return service.isEmpty();
    }
}
