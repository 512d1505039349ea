package app.slipway.core.releases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The on-disk copy of one repository's release pages: per page its body, ETag, the next page's
 * link and when it was fetched. Lets a later run send {@code If-None-Match} and show the notes
 * offline. Each file is written atomically so an interrupted run never leaves half a page.
 */
final class PageCache {
    /** One cached page. {@code next} is empty on the last page. */
    record Page(String body, Optional<String> etag, Optional<String> next, Instant fetchedAt) {}

    private final Path dir;

    PageCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Optional<Page> read(int page) {
        Path body = file(page, "json");
        if (!Files.isRegularFile(body)) return Optional.empty();
        try {
            return Optional.of(new Page(Files.readString(body),
                    readOptional(file(page, "etag")), readOptional(file(page, "next")),
                    readOptional(file(page, "fetched-at")).map(Instant::parse).orElse(Instant.EPOCH)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable cache is the same as none
        }
    }

    void write(int page, Page value) {
        try {
            Files.createDirectories(dir);
            writeAtomically(file(page, "json"), value.body());
            writeOrDelete(file(page, "etag"), value.etag());
            writeOrDelete(file(page, "next"), value.next());
            writeAtomically(file(page, "fetched-at"), value.fetchedAt().toString());
        } catch (IOException e) {
            // The cache is an optimisation: failing to write it must not fail the command.
        }
    }

    /** Removes pages after {@code lastPage} left from a time the repository had more releases. */
    void dropAfter(int lastPage) {
        for (int page = lastPage + 1; Files.exists(file(page, "json")); page++) {
            for (String ext : new String[] {"json", "etag", "next", "fetched-at"}) {
                try {
                    Files.deleteIfExists(file(page, ext));
                } catch (IOException e) {
                    return; // a stale page is never read: the page before it has no "next" any more
                }
            }
        }
    }

    private Path file(int page, String ext) {
        return dir.resolve("page-" + page + "." + ext);
    }

    private static Optional<String> readOptional(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    }

    private static void writeOrDelete(Path file, Optional<String> value) throws IOException {
        if (value.isPresent()) writeAtomically(file, value.get());
        else Files.deleteIfExists(file);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
