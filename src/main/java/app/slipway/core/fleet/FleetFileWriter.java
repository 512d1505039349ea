package app.slipway.core.fleet;

import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a fleet file (README §Several servers) for servers the user picked — the wizard builds
 * one from ~/.ssh/config hosts and recent targets. Every value is quoted, so a path or a host with
 * YAML's special characters reads back as written ({@link FleetFile#read}).
 */
public final class FleetFileWriter {
    private FleetFileWriter() {}

    public static String text(String profile, String primary, int batch, List<FleetNode> nodes) {
        var sb = new StringBuilder("# written by Slipway's wizard (README §Several servers)\n");
        sb.append("profile: ").append(quote(profile)).append('\n');
        sb.append("primary: ").append(quote(primary)).append('\n');
        sb.append("batch: ").append(batch).append('\n');
        sb.append("nodes:\n");
        for (FleetNode n : nodes) {
            sb.append("  - name: ").append(quote(n.name())).append('\n');
            sb.append("    host: ").append(quote(n.host())).append('\n');
            sb.append("    dir: ").append(quote(n.dir())).append('\n');
            n.identity().ifPresent(p -> sb.append("    identity: ").append(quote(p.toString())).append('\n'));
            n.knownHosts().ifPresent(p -> sb.append("    known_hosts: ").append(quote(p.toString())).append('\n'));
        }
        return sb.toString();
    }

    /** Writes it atomically and reads it back, so what was saved is what the wizard then uses. */
    public static FleetFile write(Path file, String profile, String primary, int batch, List<FleetNode> nodes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".fleet", ".tmp");
            Files.writeString(tmp, text(profile, primary, batch, nodes), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot write " + file + " (" + e.getMessage() + "): check the folder's permissions.");
        }
        return FleetFile.read(file);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
