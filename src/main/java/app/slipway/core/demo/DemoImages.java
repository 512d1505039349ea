package app.slipway.core.demo;

import app.slipway.core.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The demo product's images, made on this machine from files Slipway carries and its static
 * busybox — no registry, no internet: {@code slipway-demo/app} at each {@link #VERSIONS version},
 * the last one broken on purpose (its {@code /up} never answers) to show a rollback.
 */
public final class DemoImages {
    public static final String REPOSITORY = "slipway-demo/app";
    public static final String FIRST = "1.0.0";
    public static final String NEXT = "1.1.0";
    public static final String BROKEN = "1.2.0";
    public static final List<String> VERSIONS = List.of(FIRST, NEXT, BROKEN);
    private static final List<String> APPLETS = List.of("sh", "httpd", "sleep", "cat", "echo", "mkdir", "date", "kill",
            "rm", "wc", "printf", "wget", "ls");

    private DemoImages() {}

    /** Makes every version the engine does not have yet; says which it made. */
    public static void ensure(Engine engine, Consumer<String> say) {
        Path busybox = null;
        for (String version : VERSIONS) {
            String ref = REPOSITORY + ":" + version;
            if (engine.imageExistsLocally(ref)) continue;
            if (busybox == null) busybox = StaticBusybox.find();
            say.accept("Making " + ref + (version.equals(BROKEN) ? " (broken on purpose)" : "") + "…");
            try (InputStream rootfs = new ByteArrayInputStream(rootfs(busybox, version))) {
                engine.importImage(rootfs, REPOSITORY, version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The image's whole file system as a tar: busybox and its applets, the demo's two programs, the version. */
    static byte[] rootfs(Path busybox, String version) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("bin", "etc", "www", "data", "tmp", "proc", "sys", "dev")) {
                directory(tar, dir, dir.equals("tmp") ? 01777 : 0755);
            }
            file(tar, "bin/busybox", Files.readAllBytes(busybox), 0755);
            for (String applet : APPLETS) {
                var link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            file(tar, "bin/web", resource("web"), 0755);
            file(tar, "bin/job", resource("job"), 0755);
            file(tar, "version", (version + "\n").getBytes(StandardCharsets.UTF_8), 0644);
            file(tar, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0644);
            file(tar, "etc/group", "root:x:0:\n".getBytes(StandardCharsets.UTF_8), 0644);
            if (version.equals(BROKEN)) file(tar, "etc/demo-broken", new byte[0], 0644);
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        var entry = new TarArchiveEntry(name + "/");
        entry.setMode(040000 | mode);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100000 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoImages.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IllegalStateException("/demo/" + name + " is missing from the build");
            return in.readAllBytes();
        }
    }
}
