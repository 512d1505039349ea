package app.slipway.core.install;

import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeCli;
import app.slipway.core.compose.ComposeFlavor;
import app.slipway.core.host.Command;
import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks an install makes before writing anything (README §The CLI (install)); each refusal is one sentence, exit 3. */
public final class InstallPreflight {
    /** Free space the install directory's filesystem must have: images, database and logs need room. */
    public static final long MIN_FREE_KB = 1024L * 1024L; // 1 GiB
    public static final Duration PORT_PROBE_TIMEOUT = Duration.ofSeconds(1);
    static final int[] MIN_V2 = {2, 20};
    static final int[] MIN_V1 = {1, 29};
    private static final Pattern DF_LINE = Pattern.compile("\\s(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+%\\s");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private InstallPreflight() {}

    /** Compose v2 ≥ 2.20 or v1 ≥ 1.29; anything older (or unreadable) is refused, naming the version. */
    public static void requireCompose(ComposeCli compose, String where) {
        int[] min = compose.flavor() == ComposeFlavor.V2 ? MIN_V2 : MIN_V1;
        Matcher m = VERSION.matcher(compose.version());
        boolean ok = m.find() && compare(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), min) >= 0;
        if (!ok) {
            throw SlipwayException.refused(compose.describe() + " on " + where + " is too old to install with: "
                    + "Slipway needs docker compose " + MIN_V2[0] + "." + MIN_V2[1] + " or newer (or docker-compose "
                    + MIN_V1[0] + "." + MIN_V1[1] + "); upgrade Compose and try again.");
        }
    }

    private static int compare(int major, int minor, int[] min) {
        return major != min[0] ? Integer.compare(major, min[0]) : Integer.compare(minor, min[1]);
    }

    /** The nearest existing ancestor of {@code dir} (itself when it exists). */
    public static String existingAncestor(Target target, String dir) {
        String path = dir;
        while (target.stat(path).isEmpty()) {
            int slash = path.lastIndexOf('/');
            if (slash <= 0) return "/";
            path = path.substring(0, slash);
        }
        return path;
    }

    /** Refuses when the filesystem that will hold {@code dir} has less than {@link #MIN_FREE_KB} free. */
    public static void requireFreeDisk(Target target, String dir) {
        String ancestor = existingAncestor(target, dir);
        ExecResult df = target.exec(Command.of("df", "-Pk", ancestor));
        long freeKb = df.ok() ? availableKb(df.stdout()).orElse(-1L) : -1L;
        if (freeKb < 0) {
            throw SlipwayException.refused("Slipway cannot tell how much disk space is free for " + dir + " on "
                    + target.describe() + " ('df -Pk " + ancestor + "' " + (df.ok() ? "gave no usable answer" : "failed")
                    + "): check that the path is on a mounted filesystem.");
        }
        if (freeKb < MIN_FREE_KB) {
            throw SlipwayException.refused("Only " + freeKb / 1024 + " MB are free for " + dir + " on " + target.describe()
                    + " (filesystem of " + ancestor + "); an install needs at least " + MIN_FREE_KB / 1024
                    + " MB: free some space or choose another --dir.");
        }
    }

    /** The Available column of {@code df -Pk}'s last line, in KiB. */
    static Optional<Long> availableKb(String dfOutput) {
        String[] lines = dfOutput.strip().split("\n");
        Matcher m = DF_LINE.matcher(lines[lines.length - 1] + " ");
        return m.find() ? Optional.of(Long.parseLong(m.group(3))) : Optional.empty();
    }

    /**
     * Refuses when something already accepts connections on the health URL's port, as the target
     * sees it: the product would fail to bind it (or Slipway would verify someone else's server).
     */
    public static void requirePortFree(Target target, URI healthUrl, String urlTemplate) {
        String host = healthUrl.getHost();
        int port = healthUrl.getPort() >= 0 ? healthUrl.getPort() : "https".equals(healthUrl.getScheme()) ? 443 : 80;
        boolean taken;
        DuplexStream connection = null;
        try {
            connection = target.openTcp(host, port, PORT_PROBE_TIMEOUT);
            taken = true;
        } catch (IOException e) {
            taken = false;
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // the answer is already known
                }
            }
        }
        if (taken) {
            Matcher v = VARIABLE.matcher(urlTemplate);
            String how = v.find() ? "choose another with --set " + v.group(1) + "=…" : "change the product's port";
            throw SlipwayException.refused("Port " + port + " on " + host + " is already in use on " + target.describe()
                    + ": stop what uses it or " + how + ".");
        }
    }
}
