package app.slipway.core.verify;

/**
 * One GET of the health URL.
 *
 * @param status  the HTTP status the server answered, or -1 when there was no HTTP answer
 * @param problem why this is not healthy ("answered 404", "connection refused"); null when 2xx
 */
public record ProbeResult(int status, String problem) {

    public static ProbeResult answered(int status) {
        return new ProbeResult(status, status >= 200 && status < 300 ? null : "answered " + status);
    }

    public static ProbeResult noAnswer(String why) {
        return new ProbeResult(-1, why);
    }

    public boolean healthy() {
        return status >= 200 && status < 300;
    }

    public boolean answered() {
        return status >= 0;
    }
}
